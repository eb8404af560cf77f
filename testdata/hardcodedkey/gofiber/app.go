// Package gofiber protects a Fiber app with gofiber/contrib/jwt. It
// exercises hardcodedkey on SigningKey.Key (in Config and in the
// SigningKeys map) and on Config.KeyFunc, and the negatives: keys from the
// environment and JWKS URLs.
package gofiber

import (
	"os"

	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
)

var fiberSecret = []byte("fiber-contrib-jwt-secret-in-code!!")

// Protect registers the middleware.
func Protect(app *fiber.App) {
	app.Use(jwtware.New(jwtware.Config{
		SigningKey: jwtware.SigningKey{JWTAlg: jwtware.HS256, Key: fiberSecret}, // want `hardcoded JWT key: jwtware.SigningKey.Key is set to var fiberSecret`
	}))
}

// ProtectKeys registers a middleware that picks the key by kid.
func ProtectKeys(app *fiber.App) {
	app.Use(jwtware.New(jwtware.Config{
		SigningKeys: map[string]jwtware.SigningKey{
			"v1": {JWTAlg: jwtware.HS256, Key: []byte("fiber-kid-v1-secret-still-in-code")}, // want `hardcoded JWT key: jwtware.SigningKey.Key is set to a string literal`
			"v2": {JWTAlg: jwtware.HS256, Key: []byte(os.Getenv("FIBER_KID_V2"))},
		},
	}))
}

func keyfunc(t *jwt.Token) (interface{}, error) {
	return fiberSecret, nil // want `hardcoded JWT verification key: jwt.Keyfunc returns var fiberSecret`
}

// ProtectKeyfunc registers a middleware with a keyfunc.
func ProtectKeyfunc(app *fiber.App) {
	app.Use(jwtware.New(jwtware.Config{KeyFunc: keyfunc}))
}

// Negatives.

func ProtectFromEnv(app *fiber.App) {
	app.Use(jwtware.New(jwtware.Config{
		SigningKey: jwtware.SigningKey{JWTAlg: jwtware.HS256, Key: []byte(os.Getenv("FIBER_SECRET"))},
	}))
}

func ProtectJWKS(app *fiber.App) {
	app.Use(jwtware.New(jwtware.Config{JWKSetURLs: []string{"https://auth.example.com/.well-known/jwks.json"}}))
}
