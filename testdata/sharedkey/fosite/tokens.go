// Package fosite uses ory/fosite token/jwt. // want package:`keyuses\(.*\)`
// It exercises sharedkey on a secret whose environment lookup falls back
// to a constant (reported at the constant), on one secret for access and
// refresh tokens (reported), and on a refresh key of its own (silent).
package fosite

import (
	"os"
	"time"

	jose "github.com/go-jose/go-jose/v3"
	"github.com/ory/fosite/token/jwt"
)

func secret() []byte {
	s := os.Getenv("ACCESS_SECRET")
	if s == "" {
		s = "local-development-access-secret!!" // want `jwt signing key of \(\*jwt.Token\).SignedString falls back to a string literal \(tokens.go:\d+\) when environment variable ACCESS_SECRET is unset`
	}
	return []byte(s)
}

var shared = []byte(os.Getenv("JWT_SECRET"))

var refreshKey = []byte(os.Getenv("REFRESH_SECRET"))

func claims(sub string, ttl time.Duration) jwt.MapClaims {
	return jwt.MapClaims{"sub": sub, "exp": time.Now().Add(ttl).Unix()}
}

func issueSession(sub string) (string, error) {
	return jwt.NewWithClaims(jose.HS256, claims(sub, time.Hour)).SignedString(secret())
}

func issueAccessToken(sub string) (string, error) {
	return jwt.NewWithClaims(jose.HS256, claims(sub, 15*time.Minute)).SignedString(shared)
}

func issueRefreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jose.HS256, claims(sub, 24*time.Hour)).SignedString(shared) // want `jwt key var shared is used for refresh tokens by \(\*jwt.Token\).SignedString and for access tokens at tokens.go:\d+`
}

// Negatives.

func rotateRefreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jose.HS256, claims(sub, 24*time.Hour)).SignedString(refreshKey)
}
