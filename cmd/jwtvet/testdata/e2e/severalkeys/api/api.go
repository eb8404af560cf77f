// Package api signs access tokens with the configured secret (golang-jwt)
// and refresh tokens with a key fixed in the source (go-jose).
package api

import (
	"time"

	"github.com/go-jose/go-jose/v4"
	josejwt "github.com/go-jose/go-jose/v4/jwt"
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
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: refreshSecret}, nil)
	if err != nil {
		return "", err
	}
	claims := josejwt.Claims{Subject: user, Expiry: josejwt.NewNumericDate(time.Now().Add(24 * time.Hour))}
	return josejwt.Signed(signer).Claims(claims).Serialize()
}
