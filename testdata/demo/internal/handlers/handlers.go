// Package handlers implements the API's HTTP endpoints.
package handlers

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/demo/internal/auth"
	"jwtvet.test/demo/internal/users"
)

// Handlers serves the v1 API.
type Handlers struct {
	users     *users.Store
	sessions  *users.Sessions
	issuer    *auth.Issuer
	refresh   *jwt.Parser
	partners  *auth.PartnerVerifier
	notifyURL string
	client    *http.Client
}

// New returns the API handlers. notifyURL may be empty, which turns off
// sign-in alerts.
func New(store *users.Store, issuer *auth.Issuer, partners *auth.PartnerVerifier, notifyURL string) *Handlers {
	return &Handlers{
		users:     store,
		sessions:  &users.Sessions{},
		issuer:    issuer,
		refresh:   issuer.RefreshParser(),
		partners:  partners,
		notifyURL: notifyURL,
		client:    &http.Client{Timeout: 5 * time.Second},
	}
}

// Register adds the API's routes to mux.
func (h *Handlers) Register(mux *http.ServeMux, verifier *auth.Verifier) {
	mux.HandleFunc("POST /v1/login", h.Login)
	mux.HandleFunc("POST /v1/token/refresh", h.Refresh)
	mux.HandleFunc("POST /v1/logout", h.Logout)
	mux.Handle("GET /v1/me", verifier.Middleware(http.HandlerFunc(h.Profile)))
	mux.HandleFunc("POST /v1/partners/events", h.PartnerEvent)
	mux.HandleFunc("GET /v1/admin/users", h.AdminUsers)
	mux.HandleFunc("POST /v1/web/login", h.WebLogin)
}

func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(v); err != nil {
		writeError(w, http.StatusBadRequest, "malformed request body")
		return false
	}
	return true
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Warn("write response", "err", err)
	}
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
