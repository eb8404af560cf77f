// echo-jwt: the none magic key set as the signing key (reported); an HS256
// key from the environment (silent).
package echojwt

import (
	"os"

	jwt "github.com/golang-jwt/jwt/v5"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
)

func routes(e *echo.Echo) {
	e.Group("/debug", echojwt.WithConfig(echojwt.Config{
		SigningMethod: "none",
		SigningKey:    jwt.UnsafeAllowNoneSignatureType, // want `jwt.UnsafeAllowNoneSignatureType used as a key makes the none algorithm sign and verify`
	}))
	e.Group("/api", echojwt.WithConfig(echojwt.Config{SigningKey: []byte(os.Getenv("JWT_SECRET"))}))
}
