// Package jwxv1 uses lestrrat-go/jwx v1. // want package:`keyuses\(.*\)`
// It exercises sharedkey on positional keys: a secret whose environment
// lookup falls back to a constant (reported at the constant), one secret
// for access and refresh tokens (reported), and a refresh key of its own
// (silent).
package jwxv1

import (
	"os"
	"time"

	"github.com/lestrrat-go/jwx/jwa"
	"github.com/lestrrat-go/jwx/jwt"
)

func secret() []byte {
	s := os.Getenv("ACCESS_SECRET")
	if s == "" {
		s = "local-development-access-secret!!" // want `jwt signing key of jwt.Sign falls back to a string literal \(tokens.go:\d+\) when environment variable ACCESS_SECRET is unset`
	}
	return []byte(s)
}

var shared = []byte(os.Getenv("JWT_SECRET"))

var refreshKey = []byte(os.Getenv("REFRESH_SECRET"))

func build(sub string, ttl time.Duration) jwt.Token {
	t, _ := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(ttl)).Build()
	return t
}

func issueSession(sub string) ([]byte, error) {
	return jwt.Sign(build(sub, time.Hour), jwa.HS256, secret())
}

func issueAccessToken(sub string) ([]byte, error) {
	return jwt.Sign(build(sub, 15*time.Minute), jwa.HS256, shared)
}

func issueRefreshToken(sub string) ([]byte, error) {
	return jwt.Sign(build(sub, 24*time.Hour), jwa.HS256, shared) // want `jwt key var shared is used for refresh tokens by jwt.Sign and for access tokens at tokens.go:\d+`
}

// Negatives.

func rotateRefreshToken(sub string) ([]byte, error) {
	return jwt.Sign(build(sub, 24*time.Hour), jwa.HS256, refreshKey)
}
