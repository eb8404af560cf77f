// Command sso serves the employee sign-in of the identity provider and the
// reports and export APIs that accept its access tokens.
package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"os"
	"strings"

	"jwtvet.test/demo/internal/sso"
)

func main() {
	ctx := context.Background()
	svc, err := sso.New(ctx, sso.Config{
		Issuer:         os.Getenv("OIDC_ISSUER"),
		ClientID:       os.Getenv("OIDC_CLIENT_ID"),
		JWKSURL:        os.Getenv("OIDC_JWKS_URL"),
		Audience:       os.Getenv("API_AUDIENCE"),
		SupportClients: strings.Split(os.Getenv("SUPPORT_CLIENT_IDS"), ","),
	})
	if err != nil {
		slog.Error("sso: provider unavailable", "err", err)
		os.Exit(1)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /callback", func(w http.ResponseWriter, r *http.Request) {
		sub, err := svc.Login(r.Context(), r.FormValue("id_token"))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		json.NewEncoder(w).Encode(map[string]string{"subject": sub})
	})
	mux.HandleFunc("GET /reports", func(w http.ResponseWriter, r *http.Request) {
		claims, err := svc.ReportsAccess(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		json.NewEncoder(w).Encode(map[string]string{"subject": claims.Subject})
	})
	mux.HandleFunc("GET /export", func(w http.ResponseWriter, r *http.Request) {
		claims, err := svc.ExportAccess(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		json.NewEncoder(w).Encode(map[string]string{"subject": claims.Subject})
	})
	if err := http.ListenAndServe(os.Getenv("SSO_ADDR"), mux); err != nil {
		slog.Error("sso stopped", "err", err)
		os.Exit(1)
	}
}
