// Package weakkey configures echo v4's built-in JWT middleware with a short
// key and with an environment key nothing checks (the middleware and
// golang-jwt v3 accept an empty key), next to a checked one.
package weakkey

import (
	"log"
	"os"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func Routes(e *echo.Echo) {
	e.Group("/short").Use(middleware.JWT([]byte("tooshort"))) // want `short HS256 key`

	e.Group("/env").Use(middleware.JWTWithConfig(middleware.JWTConfig{
		SigningKey: []byte(os.Getenv("JWT_SECRET")), // want `JWT key may be empty: middleware.JWTConfig.SigningKey uses environment variable JWT_SECRET`
	}))

	secret := os.Getenv("CHECKED_SECRET")
	if len(secret) < 32 {
		log.Fatal("CHECKED_SECRET must be at least 32 bytes")
	}
	e.Group("/checked").Use(middleware.JWT([]byte(secret)))
}
