// Package refresh mints refresh tokens, with the access tokens' key. // want package:`keyuses\(refresh@refresh/refresh.go:\d+,refresh@refresh/refresh.go:\d+\)`
// Exercises: reported where both packages meet (split/app), not here.
package refresh

import (
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/fixtures/sharedkey/tokens/split/keys"
)

// IssueRefreshToken mints a refresh token.
func IssueRefreshToken(user string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: user, ExpiresAt: jwt.NewNumericDate(time.Now().Add(720 * time.Hour))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(keys.Secret)
}

// IssueRefreshTokenV2 uses the refresh key: fine.
func IssueRefreshTokenV2(user string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: user}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(keys.RefreshSecret)
}
