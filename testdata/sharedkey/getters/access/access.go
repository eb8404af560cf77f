// Package access mints access tokens with keys.SigningKey(). // want package:`keyuses\(.*\)`
// Exercises: a getter of another package as the key's identity.
package access

import (
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/fixtures/sharedkey/getters/keys"
)

// IssueAccessToken mints an access token.
func IssueAccessToken(user string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: user, ExpiresAt: jwt.NewNumericDate(time.Now().Add(10 * time.Minute))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(keys.SigningKey())
}
