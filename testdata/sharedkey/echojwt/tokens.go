// Package echojwt uses echo-jwt. // want package:`keyuses\(.*\)`
// It exercises sharedkey on a secret whose environment lookup falls back
// to a constant (reported at the constant), on one secret for access and
// refresh tokens (reported), and on a refresh key of its own (silent).
package echojwt

import (
	"os"

	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
)

func secret() []byte {
	s := os.Getenv("ACCESS_SECRET")
	if s == "" {
		s = "local-development-access-secret!!" // want `jwt key of echojwt.Config.SigningKey falls back to a string literal \(tokens.go:\d+\) when environment variable ACCESS_SECRET is unset`
	}
	return []byte(s)
}

var shared = []byte(os.Getenv("JWT_SECRET"))

var refreshKey = []byte(os.Getenv("REFRESH_SECRET"))

func sessionMiddleware() echo.MiddlewareFunc {
	return echojwt.WithConfig(echojwt.Config{SigningKey: secret()})
}

var accessTokenConfig = echojwt.Config{SigningKey: shared}

var refreshTokenConfig = echojwt.Config{SigningKey: shared} // want `jwt key var shared is used for refresh tokens by echojwt.Config.SigningKey and for access tokens at tokens.go:\d+`

// Negatives.

var rotatedRefreshTokenConfig = echojwt.Config{SigningKey: refreshKey}
