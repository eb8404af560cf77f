// Package unverified gives echo v4's built-in JWT middleware a KeyFunc,
// which replaces the middleware's own algorithm check: one that returns
// keys of mixed types without looking at token.Method is reported, one
// that checks it is not.
package unverified

import (
	"crypto/rsa"
	"errors"
	"os"

	"github.com/golang-jwt/jwt"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

var (
	legacySecret = []byte(os.Getenv("LEGACY_SECRET"))
	partnerKey   *rsa.PublicKey
)

func mixed(t *jwt.Token) (interface{}, error) {
	if kid, _ := t.Header["kid"].(string); kid == "partner" {
		return partnerKey, nil
	}
	return legacySecret, nil
}

func pinned(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodRSA); !ok {
		return nil, errors.New("unexpected method")
	}
	return partnerKey, nil
}

func Routes(e *echo.Echo) {
	e.Group("/mixed").Use(middleware.JWTWithConfig(middleware.JWTConfig{
		KeyFunc: mixed, // want `middleware.JWTConfig.KeyFunc does not pin the signing algorithm`
	}))
	e.Group("/pinned").Use(middleware.JWTWithConfig(middleware.JWTConfig{
		KeyFunc: pinned,
	}))
}
