// HTTP middleware that looks at the token's alg by hand (golang-jwt v5): an
// allow-list map holding "none", a helper that allows it, and a decoded
// header struct checked with slices.Contains (reported); middleware that
// refuses unsigned tokens up front (silent).
package golangjwtv5

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

var acceptedAlgs = map[string]bool{"HS256": true, "none": true}

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func RequireJWT(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, err := jwt.Parse(bearer(r), strictKeyfunc)
		if err != nil {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		if !acceptedAlgs[tok.Method.Alg()] { // want `check of jwt.Token.Method lets alg "none" through`
			http.Error(w, "unsupported token algorithm", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func algAllowed(alg string) bool {
	return alg == "HS256" || alg == "RS256" || alg == "none"
}

type joseHeader struct {
	Alg string `json:"alg"`
	Kid string `json:"kid,omitempty"`
}

var headerAlgs = []string{"RS256", "none"}

// PeekAlg rejects unexpected algorithms before the expensive verification.
func PeekAlg(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		parts := strings.Split(bearer(r), ".")
		raw, err := base64.RawURLEncoding.DecodeString(parts[0])
		if err != nil {
			http.Error(w, "malformed token", http.StatusBadRequest)
			return
		}
		var hdr joseHeader
		if err := json.Unmarshal(raw, &hdr); err != nil {
			http.Error(w, "malformed token", http.StatusBadRequest)
			return
		}
		if !algAllowed(hdr.Alg) { // want `check of the header's "alg" lets alg "none" through`
			http.Error(w, "unsupported token algorithm", http.StatusUnauthorized)
			return
		}
		if !slices.Contains(headerAlgs, hdr.Alg) { // want `check of the header's "alg" lets alg "none" through`
			http.Error(w, "unsupported token algorithm", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// --- silent ---

func isNone(alg string) bool { return strings.EqualFold(alg, "none") }

// isUnsignedToken is a predicate: true means "unsigned", not "accepted".
func isUnsignedToken(tok *jwt.Token) bool {
	if tok.Header["alg"] == "none" || tok.Method == jwt.SigningMethodNone {
		return true
	}
	return false
}

// RejectUnsigned refuses unsigned tokens before anything else runs.
func RejectUnsigned(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, _, err := jwt.NewParser().ParseUnverified(bearer(r), jwt.MapClaims{})
		if err != nil {
			http.Error(w, "malformed token", http.StatusBadRequest)
			return
		}
		if isNone(tok.Method.Alg()) {
			http.Error(w, "unsigned tokens are not accepted", http.StatusUnauthorized)
			return
		}
		if tok.Header["alg"] == "none" {
			return
		}
		next.ServeHTTP(w, r)
	})
}
