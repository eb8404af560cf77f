// Package echo sets a JWT cookie the way echo's guide shows, field by
// field (reported, fixed after the Value assignment), and a cookie marked
// Secure from the request's scheme (not reported).
package echo

import (
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
)

var signingKey = []byte(os.Getenv("JWT_SIGNING_KEY"))

func Login(c echo.Context) error {
	t, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"name": c.FormValue("username"), "exp": time.Now().Add(72 * time.Hour).Unix()}).SignedString(signingKey)
	if err != nil {
		return err
	}
	cookie := new(http.Cookie) // want `JWT from \(\*jwt.Token\).SignedString is set in a cookie without Secure`
	cookie.Name = "token"
	cookie.Value = t
	cookie.Expires = time.Now().Add(72 * time.Hour)
	c.SetCookie(cookie)
	return c.NoContent(http.StatusOK)
}

// Negative: Secure follows the request's scheme.
func LoginBehindTLS(c echo.Context) error {
	t, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"name": c.FormValue("username"), "exp": time.Now().Add(time.Hour).Unix()}).SignedString(signingKey)
	if err != nil {
		return err
	}
	c.SetCookie(&http.Cookie{Name: "token", Value: t, Secure: c.Scheme() == "https", HttpOnly: true})
	return c.NoContent(http.StatusOK)
}
