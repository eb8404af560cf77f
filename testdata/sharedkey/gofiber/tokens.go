// Package gofiber uses gofiber contrib/jwt. // want package:`keyuses\(.*\)`
// It exercises sharedkey on a secret whose environment lookup falls back
// to a constant (reported at the constant), on one secret for access and
// refresh tokens (reported), and on a refresh key of its own (silent).
package gofiber

import (
	"os"

	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
)

func secret() []byte {
	s := os.Getenv("ACCESS_SECRET")
	if s == "" {
		s = "local-development-access-secret!!" // want `jwt key of jwtware.SigningKey.Key falls back to a string literal \(tokens.go:\d+\) when environment variable ACCESS_SECRET is unset`
	}
	return []byte(s)
}

var shared = []byte(os.Getenv("JWT_SECRET"))

var refreshKey = []byte(os.Getenv("REFRESH_SECRET"))

func sessionMiddleware() fiber.Handler {
	return jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{JWTAlg: jwtware.HS256, Key: secret()}})
}

var accessTokenKey = jwtware.SigningKey{JWTAlg: jwtware.HS256, Key: shared}

var refreshTokenKey = jwtware.SigningKey{JWTAlg: jwtware.HS256, Key: shared} // want `jwt key var shared is used for refresh tokens by jwtware.SigningKey.Key and for access tokens at tokens.go:\d+`

// Negatives.

var rotatedRefreshTokenKey = jwtware.SigningKey{JWTAlg: jwtware.HS256, Key: refreshKey}

var _ fiber.Handler
