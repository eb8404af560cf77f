// Package ownkeys signs and verifies tokens with the program's own keys:
// a parse without an audience option is fine when the program is the only
// issuer (nothing reported).
package ownkeys

import (
	"crypto/rsa"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte(os.Getenv("JWT_SECRET"))

// Issue signs a session token.
func Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString(secret)
}

// Verify checks one.
func Verify(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256"}))
}

// VerifyRSA checks a token signed with the program's key pair.
func VerifyRSA(raw string, pub *rsa.PublicKey) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { return pub, nil }, jwt.WithValidMethods([]string{"RS256"}))
}
