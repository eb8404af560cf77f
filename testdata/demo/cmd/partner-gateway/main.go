// Command partner-gateway hands internal services short-lived tokens for
// partner APIs and receives the events partners send back.
package main

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"jwtvet.test/demo/internal/gateway"
)

const issuer = "demo-partner-gateway"

func main() {
	if err := run(); err != nil {
		slog.Error("partner-gateway stopped", "err", err)
		os.Exit(1)
	}
}

func run() error {
	callbackSecret := []byte(os.Getenv("CALLBACK_SECRET"))
	if len(callbackSecret) < 32 {
		return errors.New("CALLBACK_SECRET must hold at least 32 random bytes")
	}
	signingKey, err := gateway.LoadSigningKey(os.Getenv("GATEWAY_KEY_FILE"))
	if err != nil {
		return err
	}
	partnerKeys, err := gateway.LoadPartnerKeys(os.Getenv("PARTNER_KEYS_FILE"))
	if err != nil {
		return err
	}
	minter, err := gateway.NewMinter(issuer, signingKey, callbackSecret, 5*time.Minute)
	if err != nil {
		return err
	}
	sandbox := os.Getenv("PARTNER_SANDBOX") == "1"
	s := &server{
		minter:   minter,
		verifier: gateway.NewVerifier(issuer, partnerKeys, callbackSecret, sandbox),
		events:   make(map[string]int),
	}

	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/partner-tokens", s.issueToken)
	mux.HandleFunc("POST /v1/webhooks", s.registerWebhook)
	mux.HandleFunc("POST /v1/callbacks", s.receiveCallback)
	mux.HandleFunc("GET /v1/usage", s.showUsage)
	srv := &http.Server{Addr: ":8081", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	slog.Info("listening", "addr", srv.Addr, "sandbox", sandbox)
	return srv.ListenAndServe()
}

type server struct {
	minter   *gateway.Minter
	verifier *gateway.Verifier

	mu     sync.Mutex
	events map[string]int // callbacks received per partner
}

// issueToken returns a token an internal service calls a partner's API
// with. The service mesh in front of the gateway authenticates the caller.
func (s *server) issueToken(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Partner string `json:"partner"`
		Scope   string `json:"scope"`
		Sandbox bool   `json:"sandbox"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<12)).Decode(&req); err != nil || req.Partner == "" {
		http.Error(w, "want a partner", http.StatusBadRequest)
		return
	}
	token, err := s.minter.Mint(req.Partner, req.Scope, req.Sandbox)
	writeToken(w, "token", token, err)
}

// registerWebhook gives a partner, authenticated by a token signed with
// its own key, the token to send along with its callbacks.
func (s *server) registerWebhook(w http.ResponseWriter, r *http.Request) {
	claims, err := s.verifier.Verify(bearer(r))
	if err != nil {
		http.Error(w, "invalid partner token", http.StatusUnauthorized)
		return
	}
	token, err := s.minter.CallbackToken(claims.Issuer)
	writeToken(w, "callback_token", token, err)
}

// receiveCallback accepts an event callback from a partner.
func (s *server) receiveCallback(w http.ResponseWriter, r *http.Request) {
	partner, err := s.verifier.VerifyCallback(bearer(r))
	if err != nil {
		http.Error(w, "invalid callback token", http.StatusUnauthorized)
		return
	}
	s.mu.Lock()
	s.events[partner]++
	s.mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
}

// showUsage tells a partner how many callbacks it has sent.
func (s *server) showUsage(w http.ResponseWriter, r *http.Request) {
	partner, err := gateway.PartnerOf(bearer(r))
	if err != nil {
		http.Error(w, "invalid partner token", http.StatusUnauthorized)
		return
	}
	s.mu.Lock()
	n := s.events[partner]
	s.mu.Unlock()
	writeJSON(w, map[string]any{"partner": partner, "callbacks": n})
}

// writeToken writes a freshly minted token as {"name": token}.
func writeToken(w http.ResponseWriter, name, token string, err error) {
	if err != nil {
		slog.Error("mint token", "kind", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, map[string]string{name: token})
}

func bearer(r *http.Request) string {
	token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return token
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Warn("write response", "err", err)
	}
}
