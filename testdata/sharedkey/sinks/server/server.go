// Package server signs and verifies tokens with keys whose names say
// nothing about JWTs. Exercises: the fallback reported because it reaches
// a key (SignedString, a keyfunc), in this package and through facts from
// another package.
package server

import (
	"cmp"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/fixtures/sharedkey/sinks/settings"
)

type server struct {
	settings settings.Settings
}

func (s *server) issue(user string) (string, error) {
	claims := jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	return tok.SignedString([]byte(s.settings.Secret)) // want `jwt signing key of \(\*jwt.Token\).SignedString falls back to a string literal \(settings/settings.go:\d+\) when environment variable APP_SECRET is unset \(os.Getenv\)`
}

func signWithSalt(claims jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(settings.Salt())) // want `jwt signing key of \(\*jwt.Token\).SignedString falls back to a string literal \(settings/settings.go:\d+\) when environment variable APP_SALT is unset`
}

func material() []byte {
	m := os.Getenv("MATERIAL")
	if m == "" {
		m = "local-material-for-signing" // want `jwt verification key returned by jwt.Keyfunc falls back to a string literal \(server.go:\d+\) when environment variable MATERIAL is unset \(os.Getenv at server.go:\d+\)`
	}
	return []byte(m)
}

func parse(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		return material(), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
}

func parse2(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		return []byte(cmp.Or(os.Getenv("PASSPHRASE"), "cmp-or-passphrase-default")), nil // want `jwt verification key returned by jwt.Keyfunc falls back to a string literal \(server.go:\d+\) when environment variable PASSPHRASE is unset \(cmp.Or\)`
	}, jwt.WithValidMethods([]string{"HS256"}))
}

func login(user string) (string, string) {
	a, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user}).SignedString(settings.SecretKey()) // want `jwt signing key of \(\*jwt.Token\).SignedString falls back to a string literal \(settings/settings.go:\d+\) when environment variable SECRET_KEY is unset`
	b, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user}).SignedString(settings.SecretKey())
	return a, b
}

var _ = login
var _ = (*server).issue
var _ = signWithSalt
var _ = parse
var _ = parse2
