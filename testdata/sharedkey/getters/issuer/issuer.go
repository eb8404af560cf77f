// Package issuer signs through getters of its own, on golang-jwt v5. // want package:`keyuses\(.*\)`
// Exercises: a method getter whose key depends on the receiver, called by
// the access and refresh methods of one receiver (reported); a getter
// used by one kind of token only (negative).
package issuer

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type issuer struct{ keyVar string }

func (i *issuer) key() []byte { return []byte(os.Getenv(i.keyVar)) }

func claims(sub string, ttl time.Duration) jwt.RegisteredClaims {
	return jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(ttl))}
}

func (i *issuer) accessToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, 15*time.Minute)).SignedString(i.key())
}

func (i *issuer) refreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, 720*time.Hour)).SignedString(i.key()) // want `jwt key from key\(\) is used for refresh tokens by \(\*jwt.Token\).SignedString and for access tokens at issuer.go:\d+`
}

func accessKey() []byte { return []byte(os.Getenv("ISSUER_ACCESS_KEY")) }

func refreshKey() []byte { return []byte(os.Getenv("ISSUER_REFRESH_KEY")) }

func newAccessToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, 15*time.Minute)).SignedString(accessKey())
}

func newRefreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, 720*time.Hour)).SignedString(refreshKey())
}

var _ = []any{(*issuer).accessToken, (*issuer).refreshToken, newAccessToken, newRefreshToken}
