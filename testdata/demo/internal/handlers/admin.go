package handlers

import (
	"log/slog"
	"net/http"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/demo/internal/auth"
	"jwtvet.test/demo/internal/legacy"
)

// PartnerEvent accepts a delivery event from a partner.
func (h *Handlers) PartnerEvent(w http.ResponseWriter, r *http.Request) {
	raw, ok := auth.BearerToken(r)
	if !ok {
		writeError(w, http.StatusUnauthorized, "missing bearer token")
		return
	}
	claims, err := h.partners.Verify(raw)
	if err != nil {
		writeError(w, http.StatusUnauthorized, "invalid partner token")
		return
	}
	var event struct {
		Type     string `json:"type"`
		Shipment string `json:"shipment"`
	}
	if !decode(w, r, &event) {
		return
	}
	slog.Info("partner event", "partner", claims.Issuer, "type", event.Type, "shipment", event.Shipment)
	w.WriteHeader(http.StatusAccepted)
}

// AdminUsers lists the accounts for the ops dashboard, which still signs in
// through the legacy console.
func (h *Handlers) AdminUsers(w http.ResponseWriter, r *http.Request) {
	raw, ok := auth.BearerToken(r)
	if !ok {
		writeError(w, http.StatusUnauthorized, "missing bearer token")
		return
	}
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, legacy.ConsoleKeyfunc,
		jwt.WithValidMethods([]string{"HS256"}),
		jwt.WithExpirationRequired(),
	)
	if err != nil || claims["role"] != "admin" {
		writeError(w, http.StatusForbidden, "admins only")
		return
	}
	writeJSON(w, http.StatusOK, h.users.List())
}
