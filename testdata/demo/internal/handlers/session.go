package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/demo/internal/auth"
	"jwtvet.test/demo/internal/users"
)

type tokenPair struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
}

type refreshRequest struct {
	RefreshToken string `json:"refresh_token"`
}

// Login exchanges an email and password for a token pair.
func (h *Handlers) Login(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if !decode(w, r, &req) {
		return
	}
	user, err := h.users.Authenticate(req.Email, req.Password)
	if err != nil {
		writeError(w, http.StatusUnauthorized, "wrong email or password")
		return
	}
	h.writeTokens(w, user)
	go h.alertNewLogin(context.WithoutCancel(r.Context()), user.Email)
}

// Refresh exchanges a refresh token for a new token pair.
func (h *Handlers) Refresh(w http.ResponseWriter, r *http.Request) {
	var req refreshRequest
	if !decode(w, r, &req) {
		return
	}
	claims := &jwt.RegisteredClaims{}
	if _, err := h.refresh.ParseWithClaims(req.RefreshToken, claims, h.issuer.RefreshKeyfunc); errors.Is(err, jwt.ErrTokenExpired) {
		writeError(w, http.StatusUnauthorized, "session expired, please log in again")
		return
	}
	if h.sessions.Ended(claims.ID) {
		writeError(w, http.StatusUnauthorized, "session ended")
		return
	}
	user, err := h.users.Get(claims.Subject)
	if err != nil {
		writeError(w, http.StatusUnauthorized, "unknown user")
		return
	}
	h.writeTokens(w, user)
}

// Logout ends the session of a refresh token. An expired token still names
// a session worth ending, so validation errors do not stop it.
func (h *Handlers) Logout(w http.ResponseWriter, r *http.Request) {
	var req refreshRequest
	if !decode(w, r, &req) {
		return
	}
	tok, _ := jwt.Parse(req.RefreshToken, h.issuer.RefreshKeyfunc, jwt.WithValidMethods([]string{"HS256"}))
	if tok == nil {
		writeError(w, http.StatusBadRequest, "malformed token")
		return
	}
	claims := tok.Claims.(jwt.MapClaims)
	if jti, ok := claims["jti"].(string); ok {
		h.sessions.End(jti, time.Now().Add(30*24*time.Hour))
	}
	w.WriteHeader(http.StatusNoContent)
}

// Profile returns the signed-in user.
func (h *Handlers) Profile(w http.ResponseWriter, r *http.Request) {
	claims, ok := auth.ClaimsFrom(r.Context())
	if !ok {
		writeError(w, http.StatusUnauthorized, "not signed in")
		return
	}
	user, err := h.users.Get(claims.Subject)
	if err != nil {
		writeError(w, http.StatusNotFound, "user not found")
		return
	}
	writeJSON(w, http.StatusOK, user)
}

func (h *Handlers) writeTokens(w http.ResponseWriter, user users.User) {
	access, err := h.issuer.IssueAccess(user.ID, user.Roles)
	if err != nil {
		slog.Error("issue access token", "err", err)
		writeError(w, http.StatusInternalServerError, "could not sign in")
		return
	}
	refresh, err := h.issuer.IssueRefresh(user.ID)
	if err != nil {
		slog.Error("issue refresh token", "err", err)
		writeError(w, http.StatusInternalServerError, "could not sign in")
		return
	}
	writeJSON(w, http.StatusOK, tokenPair{
		AccessToken:  access,
		RefreshToken: refresh,
		TokenType:    "Bearer",
		ExpiresIn:    int(h.issuer.AccessTTL().Seconds()),
	})
}

// alertNewLogin asks the notification service to email the user about the
// sign-in.
func (h *Handlers) alertNewLogin(ctx context.Context, email string) {
	if h.notifyURL == "" {
		return
	}
	token, err := auth.ServiceToken("notify")
	if err != nil {
		slog.Error("service token", "err", err)
		return
	}
	body, _ := json.Marshal(map[string]string{"template": "new-sign-in", "to": email})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.notifyURL+"/v1/messages", bytes.NewReader(body))
	if err != nil {
		slog.Error("sign-in alert", "err", err)
		return
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := h.client.Do(req)
	if err != nil {
		slog.Warn("sign-in alert", "err", err)
		return
	}
	resp.Body.Close()
}
