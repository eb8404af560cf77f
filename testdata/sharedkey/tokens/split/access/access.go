// Package access mints access tokens. // want package:`keyuses\(access@access/access.go:\d+\)`
// Exercises: the KeyUsesFact that lets the program's main package see one
// key serving two packages.
package access

import (
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/fixtures/sharedkey/tokens/split/keys"
)

// IssueAccessToken mints an access token.
func IssueAccessToken(user string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: user, ExpiresAt: jwt.NewNumericDate(time.Now().Add(10 * time.Minute))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(keys.Secret)
}
