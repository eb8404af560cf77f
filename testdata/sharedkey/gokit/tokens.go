// Package gokit uses go-kit auth/jwt. // want package:`keyuses\(.*\)`
// It exercises sharedkey on a secret whose environment lookup falls back
// to a constant (reported at the constant), on one secret for access and
// refresh tokens (reported), and on a refresh key of its own (silent).
package gokit

import (
	"os"

	kitjwt "github.com/go-kit/kit/auth/jwt"
	"github.com/go-kit/kit/endpoint"
	jwt "github.com/golang-jwt/jwt/v4"
)

func secret() []byte {
	s := os.Getenv("ACCESS_SECRET")
	if s == "" {
		s = "local-development-access-secret!!" // want `jwt signing key of jwt.NewSigner falls back to a string literal \(tokens.go:\d+\) when environment variable ACCESS_SECRET is unset`
	}
	return []byte(s)
}

var shared = []byte(os.Getenv("JWT_SECRET"))

var refreshKey = []byte(os.Getenv("REFRESH_SECRET"))

func sessionSigner() endpoint.Middleware {
	return kitjwt.NewSigner("s", secret(), jwt.SigningMethodHS256, jwt.MapClaims{"iss": "svc"})
}

var accessTokenSigner = kitjwt.NewSigner("a", shared, jwt.SigningMethodHS256, jwt.MapClaims{"iss": "svc"})

var refreshTokenSigner = kitjwt.NewSigner("r", shared, jwt.SigningMethodHS256, jwt.MapClaims{"iss": "svc"}) // want `jwt key var shared is used for refresh tokens by jwt.NewSigner and for access tokens at tokens.go:\d+`

// Negatives.

var rotatedRefreshTokenSigner = kitjwt.NewSigner("r2", refreshKey, jwt.SigningMethodHS256, jwt.MapClaims{"iss": "svc"})

var _ endpoint.Middleware = rotatedRefreshTokenSigner
