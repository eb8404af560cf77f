// Package authsvc signs through tokenlib.
// Exercises: events at calls of another package's signing wrapper, with
// the key from the call's argument and the kind from the call's context.
package authsvc

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/fixtures/sharedkey/tokens/tokenlib"
)

type handler struct {
	secret        []byte
	refreshSecret []byte
}

func newHandler() *handler {
	return &handler{secret: []byte(os.Getenv("AUTHSVC_SECRET")), refreshSecret: []byte(os.Getenv("AUTHSVC_REFRESH_SECRET"))}
}

func (h *handler) login(user string) (string, string, error) {
	accessClaims := jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()}
	accessToken, err := tokenlib.Sign(accessClaims, h.secret)
	if err != nil {
		return "", "", err
	}
	refreshClaims := jwt.MapClaims{"sub": user}
	refreshToken, err := tokenlib.Sign(refreshClaims, h.secret) // want `jwt key field secret is used for refresh tokens by \(\*jwt.Token\).SignedString and for access tokens at authsvc.go:\d+`
	return accessToken, refreshToken, err
}

func (h *handler) loginOK(user string) (string, string, error) {
	accessToken, err := tokenlib.Sign(jwt.MapClaims{"sub": user}, h.secret)
	if err != nil {
		return "", "", err
	}
	refreshToken, err := tokenlib.SignRefresh(jwt.MapClaims{"sub": user}, h.refreshSecret)
	return accessToken, refreshToken, err
}

var _ = newHandler
var _ = (*handler).login
var _ = (*handler).loginOK
