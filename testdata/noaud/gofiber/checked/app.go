// Package checked protects a fiber API with the provider's JWKS and checks
// the audience in the middleware's success handler: not reported.
package checked

import (
	"os"
	"slices"

	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
)

// Routes mounts the API.
func Routes(app *fiber.App, audience string) {
	app.Use(jwtware.New(jwtware.Config{
		JWKSetURLs: []string{os.Getenv("OIDC_JWKS_URL")},
		SuccessHandler: func(c *fiber.Ctx) error {
			aud, err := c.Locals("user").(*jwt.Token).Claims.GetAudience()
			if err != nil || !slices.Contains(aud, audience) {
				return fiber.ErrUnauthorized
			}
			return c.Next()
		},
	}))
}
