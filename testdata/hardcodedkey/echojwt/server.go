// Package echojwt protects an Echo server with labstack/echo-jwt. It
// exercises hardcodedkey on echojwt.JWT's key, on Config.SigningKey, on
// the values of Config.SigningKeys and on a Config.KeyFunc, and the
// negatives: keys from the environment and a JWKS-backed keyfunc.
package echojwt

import (
	"os"

	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"

	jwt "github.com/golang-jwt/jwt/v5"
)

const echoSecret = "echo-jwt-secret-from-the-example!!"

// Routes registers the protected groups.
func Routes(e *echo.Echo) {
	e.Group("/api", echojwt.JWT([]byte(echoSecret))) // want `hardcoded JWT verification key: echojwt.JWT returns const echoSecret`

	e.Group("/admin", echojwt.WithConfig(echojwt.Config{
		SigningKey:    []byte("admin-area-echo-signing-key-value"), // want `hardcoded JWT key: echojwt.Config.SigningKey is set to a string literal`
		SigningMethod: "HS512",
	}))

	e.Group("/partners", echojwt.WithConfig(echojwt.Config{
		SigningKeys: map[string]interface{}{
			"p1": []byte("partner-one-kid-keyed-secret-value"), // want `hardcoded JWT key: echojwt.Config.SigningKeys is set to a string literal`
			"p2": []byte(os.Getenv("PARTNER_TWO_SECRET")),
		},
	}))

	e.Group("/legacy", echojwt.WithConfig(echojwt.Config{
		KeyFunc: func(t *jwt.Token) (interface{}, error) {
			if t.Method.Alg() != "HS256" {
				return nil, echo.ErrUnauthorized
			}
			return []byte(echoSecret), nil // want `hardcoded JWT verification key: jwt.Keyfunc returns const echoSecret`
		},
	}))
}

// Negatives.

type jwks interface {
	Keyfunc(*jwt.Token) (interface{}, error)
}

func RoutesFromEnv(e *echo.Echo, set jwks) {
	e.Group("/api", echojwt.JWT([]byte(os.Getenv("ECHO_JWT_SECRET"))))
	e.Group("/sso", echojwt.WithConfig(echojwt.Config{KeyFunc: set.Keyfunc}))
}
