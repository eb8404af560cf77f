// want package:"signs\\(RS256\\)"

// This file mints the package's tokens with RS256, which is the algorithm
// the fixes in verify.go pin.
package app

import (
	"crypto/rsa"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Issue signs an access token for sub.
func Issue(key *rsa.PrivateKey, sub string) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject:   sub,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute)),
	}
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims).SignedString(key)
}
