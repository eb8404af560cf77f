// Package jwtauth uses go-chi/jwtauth. // want package:`keyuses\(.*\)`
// It exercises sharedkey on a secret whose environment lookup falls back
// to a constant (reported at the constant), on one secret for access and
// refresh tokens (reported), and on a refresh key of its own (silent).
package jwtauth

import (
	"os"

	"github.com/go-chi/jwtauth/v5"
)

func secret() []byte {
	s := os.Getenv("ACCESS_SECRET")
	if s == "" {
		s = "local-development-access-secret!!" // want `jwt signing key of jwtauth.New falls back to a string literal \(tokens.go:\d+\) when environment variable ACCESS_SECRET is unset`
	}
	return []byte(s)
}

var shared = []byte(os.Getenv("JWT_SECRET"))

var refreshKey = []byte(os.Getenv("REFRESH_SECRET"))

func sessionAuth() *jwtauth.JWTAuth {
	return jwtauth.New("HS256", secret(), nil)
}

var accessTokenAuth = jwtauth.New("HS256", shared, nil)

var refreshTokenAuth = jwtauth.New("HS256", shared, nil) // want `jwt key var shared is used for refresh tokens by jwtauth.New and for access tokens at tokens.go:\d+`

// Negatives.

var rotatedRefreshTokenAuth = jwtauth.New("HS256", refreshKey, nil)
