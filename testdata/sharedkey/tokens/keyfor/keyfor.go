// Package keyfor uses golang-jwt v5. // want package:`keyuses\(.*\)`
//
// It exercises a getter that picks the key by token kind on
// golang-jwt v5: keyFor("access") and keyFor("refresh") read different
// fields, so signing access and refresh tokens through it is silent. A
// getter with a parameter that returns the same field whatever it is
// asked for still shares one key between the kinds: reported.
package keyfor

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type Keys struct {
	access, refresh []byte
	session         []byte
}

func Load() *Keys {
	return &Keys{
		access:  []byte(os.Getenv("ACCESS_SECRET")),
		refresh: []byte(os.Getenv("REFRESH_SECRET")),
		session: []byte(os.Getenv("SESSION_SECRET")),
	}
}

func (k *Keys) keyFor(kind string) []byte {
	if kind == "refresh" {
		return k.refresh
	}
	return k.access
}

func claims(sub string, ttl time.Duration) jwt.RegisteredClaims {
	return jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(ttl))}
}

func (k *Keys) GenerateAccessToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, 15*time.Minute)).SignedString(k.keyFor("access"))
}

func (k *Keys) GenerateRefreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, 720*time.Hour)).SignedString(k.keyFor("refresh"))
}

// sessionKey ignores its argument: every kind gets the session key.
func (k *Keys) sessionKey(kind string) []byte {
	_ = kind
	return k.session
}

func (k *Keys) NewAccessToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, 15*time.Minute)).SignedString(k.sessionKey("access"))
}

func (k *Keys) NewRefreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, 720*time.Hour)).SignedString(k.sessionKey("refresh")) // want `jwt key field session is used for refresh tokens`
}
