// Package kataras uses github.com/kataras/jwt. // want package:`keyuses\(.*\)`
// It exercises sharedkey on a secret whose environment lookup falls back
// to a constant (reported at the constant), on one secret for access and
// refresh tokens (reported), and on a refresh key of its own (silent).
package kataras

import (
	"os"
	"time"

	"github.com/kataras/jwt"
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

type claims struct {
	User string `json:"user"`
}

func issueSession(user string) ([]byte, error) {
	return jwt.Sign(jwt.HS256, secret(), claims{User: user}, jwt.MaxAge(time.Hour))
}

func issueAccessToken(user string) ([]byte, error) {
	return jwt.Sign(jwt.HS256, shared, claims{User: user}, jwt.MaxAge(15*time.Minute))
}

func issueRefreshToken(user string) ([]byte, error) {
	return jwt.Sign(jwt.HS256, shared, claims{User: user}, jwt.MaxAge(24*time.Hour)) // want `jwt key var shared is used for refresh tokens by jwt.Sign and for access tokens at tokens.go:\d+`
}

// Negatives.

func rotateRefreshToken(user string) ([]byte, error) {
	return jwt.Sign(jwt.HS256, refreshKey, claims{User: user}, jwt.MaxAge(24*time.Hour))
}
