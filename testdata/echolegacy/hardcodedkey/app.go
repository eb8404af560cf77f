// Package hardcodedkey configures echo v4's built-in JWT middleware (the
// deprecated middleware.JWT, echo ≤ v4.12) with keys fixed in the source,
// next to a key read from the environment.
package hardcodedkey

import (
	"os"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

const adminKey = "admin-area-signing-key-0123456789abcdef"

func Routes(e *echo.Echo) {
	api := e.Group("/api")
	api.Use(middleware.JWT([]byte("api-signing-key-0123456789abcdefghij"))) // want `hardcoded JWT`

	admin := e.Group("/admin")
	admin.Use(middleware.JWTWithConfig(middleware.JWTConfig{
		SigningKey:    []byte(adminKey), // want `hardcoded JWT`
		SigningMethod: "HS256",
	}))

	partner := e.Group("/partner")
	partner.Use(middleware.JWTWithConfig(middleware.JWTConfig{
		SigningKey: []byte(os.Getenv("PARTNER_JWT_SECRET")),
	}))
}
