// Package api signs access tokens with the configured secret and refresh
// tokens with a key fixed in the source.
package api

import (
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/severalkeys/config"
)

var refreshSecret = []byte("refresh-secret-fixed-in-the-source-2019")

// Access signs an access token.
func Access(user string) (string, error) {
	claims := jwt.MapClaims{"sub": user, "typ": "access", "exp": time.Now().Add(15 * time.Minute).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(config.AccessSecret())
}

// Refresh signs a refresh token.
func Refresh(user string) (string, error) {
	claims := jwt.MapClaims{"sub": user, "typ": "refresh", "exp": time.Now().Add(24 * time.Hour).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(refreshSecret)
}
