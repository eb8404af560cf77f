// Package authtest helps other packages' tests: it mints tokens without
// expiry and parses leniently on purpose, and is not reported (a package
// named like net/http/httptest exists for tests).
package authtest

import (
	"github.com/golang-jwt/jwt/v5"
)

// Token signs claims for a test user.
func Token(key []byte, user string) string {
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user}).SignedString(key)
	if err != nil {
		return ""
	}
	return s
}

// Decode parses a token the way the tests inspect it.
func Decode(key []byte, raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(*jwt.Token) (any, error) { return key, nil })
}
