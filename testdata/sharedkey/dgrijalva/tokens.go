// Package dgrijalva signs with github.com/dgrijalva/jwt-go. // want package:`keyuses\(.*\)`
// It exercises sharedkey on a secret whose environment lookup falls back
// to a constant (reported at the constant), on one secret for access and
// refresh tokens (reported), and on a refresh key of its own (silent).
package dgrijalva

import (
	"os"

	jwt "github.com/dgrijalva/jwt-go"
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

func issueSession(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.StandardClaims{Subject: sub}).SignedString(secret())
}

func issueAccessToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.StandardClaims{Subject: sub}).SignedString(shared)
}

func issueRefreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.StandardClaims{Subject: sub}).SignedString(shared) // want `jwt key var shared is used for refresh tokens by \(\*jwt.Token\).SignedString and for access tokens at tokens.go:\d+`
}

// Negatives.

func rotateRefreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.StandardClaims{Subject: sub}).SignedString(refreshKey)
}
