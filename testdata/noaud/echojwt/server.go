// Package echojwt protects an echo API with echo-jwt and a keyfunc over
// the provider's JWKS; echo-jwt checks no audience and neither does the
// package (reported). Package custom parses tokens itself.
package echojwt

import (
	"github.com/MicahParks/keyfunc/v3"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
)

// Mount adds the middleware.
func Mount(e *echo.Echo, jwksURL string) error {
	k, err := keyfunc.NewDefault([]string{jwksURL})
	if err != nil {
		return err
	}
	e.Use(echojwt.WithConfig(echojwt.Config{KeyFunc: k.Keyfunc})) // want `echojwt.Config.KeyFunc makes the middleware verify tokens with keys from a remote key set \(keyfunc.NewDefault at server.go:\d+\)`
	return nil
}
