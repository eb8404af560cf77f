// Package custom replaces echo-jwt's parse with its own, which checks the
// audience: not reported.
package custom

import (
	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
)

// Mount adds the middleware.
func Mount(e *echo.Echo, jwksURL, audience string) error {
	k, err := keyfunc.NewDefault([]string{jwksURL})
	if err != nil {
		return err
	}
	e.Use(echojwt.WithConfig(echojwt.Config{
		KeyFunc: k.Keyfunc,
		ParseTokenFunc: func(c echo.Context, auth string) (interface{}, error) {
			return jwt.Parse(auth, k.Keyfunc, jwt.WithAudience(audience), jwt.WithExpirationRequired())
		},
	}))
	return nil
}
