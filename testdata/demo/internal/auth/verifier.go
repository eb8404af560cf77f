package auth

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Verifier checks the access token of incoming requests.
type Verifier struct {
	key    []byte
	debug  bool
	parser *jwt.Parser
}

// NewVerifier returns a Verifier for access tokens signed with key. In debug
// mode it also takes unsigned tokens, so local scripts can call the API
// without logging in first.
func NewVerifier(issuer string, key []byte, debug bool) *Verifier {
	methods := []string{"HS256"}
	if debug {
		methods = []string{"HS256", "none"}
	}
	parser := jwt.NewParser(
		jwt.WithValidMethods(methods),
		jwt.WithIssuer(issuer),
		jwt.WithAudience(AccessAudience),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(30*time.Second),
	)
	return &Verifier{key: key, debug: debug, parser: parser}
}

func (v *Verifier) keyfunc(t *jwt.Token) (any, error) {
	if v.debug && t.Method == jwt.SigningMethodNone {
		return jwt.UnsafeAllowNoneSignatureType, nil
	}
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected signing method %q", t.Method.Alg())
	}
	return v.key, nil
}

type claimsKey struct{}

// Middleware rejects requests without a valid access token and passes the
// token's claims on in the request context.
func (v *Verifier) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := BearerToken(r)
		if !ok {
			http.Error(w, "missing bearer token", http.StatusUnauthorized)
			return
		}
		claims := &AccessClaims{}
		if _, err := v.parser.ParseWithClaims(raw, claims, v.keyfunc); err != nil {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), claimsKey{}, claims)))
	})
}

// ClaimsFrom returns the claims Middleware stored in ctx.
func ClaimsFrom(ctx context.Context) (*AccessClaims, bool) {
	claims, ok := ctx.Value(claimsKey{}).(*AccessClaims)
	return claims, ok
}

// BearerToken returns the token of an "Authorization: Bearer" header.
func BearerToken(r *http.Request) (string, bool) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return raw, ok && raw != ""
}
