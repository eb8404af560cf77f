// Package fiber sets a JWT cookie with fiber v2 (the version
// gofiber/contrib/jwt uses): HTTPOnly is set, Secure is not (reported, the
// fix adds Secure only). A flash-message cookie is not a token.
package fiber

import (
	"os"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte(os.Getenv("JWT_SECRET"))

func Login(c *fiber.Ctx) error {
	claims := jwt.MapClaims{"sub": c.FormValue("user"), "exp": time.Now().Add(time.Hour).Unix()}
	t, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
	if err != nil {
		return fiber.ErrInternalServerError
	}
	c.Cookie(&fiber.Cookie{ // want `JWT from \(\*jwt.Token\).SignedString is set in a cookie without Secure`
		Name:     "jwt",
		Value:    t,
		Expires:  time.Now().Add(time.Hour),
		HTTPOnly: true,
	})
	return c.SendStatus(fiber.StatusNoContent)
}

// Negative.
func Flash(c *fiber.Ctx) error {
	c.Cookie(&fiber.Cookie{Name: "flash", Value: "saved"})
	return nil
}
