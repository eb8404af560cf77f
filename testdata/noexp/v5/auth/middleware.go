// HTTP middleware in golang-jwt v5 that rejects a missing exp by hand: a
// nil ExpiresAt check after the parse, the claims type's own Validate, and
// a nil result of GetExpirationTime. None of these parses is reported.
package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

type ctxKey struct{}

// Middleware checks ExpiresAt itself.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		claims := &UserClaims{}
		if _, err := jwt.ParseWithClaims(raw, claims, keyFunc, jwt.WithValidMethods([]string{"HS256"})); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if claims.ExpiresAt == nil {
			http.Error(w, "token without expiry", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, claims)))
	})
}

// StrictClaims refuse a token without exp in Validate, which v5 runs
// after its own checks.
type StrictClaims struct {
	Tenant string `json:"tenant"`
	jwt.RegisteredClaims
}

func (c StrictClaims) Validate() error {
	if c.ExpiresAt == nil {
		return errors.New("exp is required")
	}
	return nil
}

// ParseStrict relies on StrictClaims.Validate.
func ParseStrict(raw string) (*StrictClaims, error) {
	var c StrictClaims
	_, err := jwt.ParseWithClaims(raw, &c, keyFunc)
	return &c, err
}

// ParseGetter checks the getter's result.
func ParseGetter(raw string) (jwt.Claims, error) {
	token, err := jwt.Parse(raw, keyFunc)
	if err != nil {
		return nil, err
	}
	exp, err := token.Claims.GetExpirationTime()
	if err != nil || exp == nil {
		return nil, errors.New("exp is required")
	}
	return token.Claims, nil
}

func requireExpiry(c *UserClaims) error {
	if c.ExpiresAt == nil {
		return errors.New("token without expiry")
	}
	return nil
}

// ParseChecked rejects a missing exp in a helper it calls.
func ParseChecked(raw string) (*UserClaims, error) {
	c := &UserClaims{}
	if _, err := jwt.ParseWithClaims(raw, c, keyFunc); err != nil {
		return nil, err
	}
	return c, requireExpiry(c)
}
