// Package refresh mints refresh tokens with the access tokens' getter. // want package:`keyuses\(.*\)`
// Exercises: a getter of another package as the key's identity; audit
// tokens use a getter no other kind calls (negative).
package refresh

import (
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/fixtures/sharedkey/getters/keys"
)

// IssueRefreshToken mints a refresh token.
func IssueRefreshToken(user string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: user, ExpiresAt: jwt.NewNumericDate(time.Now().Add(720 * time.Hour))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(keys.SigningKey())
}

// IssueAuditToken mints an audit token with its own key.
func IssueAuditToken(user string) (string, error) { // want IssueAuditToken:`signer\(key=-1, kind=any\)`
	claims := jwt.RegisteredClaims{Subject: user, Audience: jwt.ClaimStrings{"audit"}, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(keys.AuditKey())
}
