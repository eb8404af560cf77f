// Package gofiber protects a fiber API with the provider's JWKS through
// gofiber contrib/jwt, which checks no audience, and nothing in the
// package checks it (reported); package checked does.
package gofiber

import (
	"os"

	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
)

// Routes mounts the API.
func Routes(app *fiber.App) {
	app.Use(jwtware.New(jwtware.Config{
		JWKSetURLs: []string{os.Getenv("OIDC_JWKS_URL")}, // want `jwtware.Config.JWKSetURLs makes the middleware verify tokens with keys from JWKS URLs it fetches, and neither the middleware nor this package checks their audience`
	}))
	app.Get("/me", func(c *fiber.Ctx) error {
		tok := c.Locals("user").(*jwt.Token)
		sub, _ := tok.Claims.GetSubject()
		return c.SendString(sub)
	})
}

// Local mounts a second API on tokens the program signs itself: not
// reported.
func Local(app *fiber.App, secret []byte) {
	app.Use(jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{JWTAlg: jwtware.HS256, Key: secret}}))
}
