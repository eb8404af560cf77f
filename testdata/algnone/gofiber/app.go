// gofiber contrib/jwt: the none magic key in a SigningKey (reported); an
// HS256 key from the environment (silent).
package gofiber

import (
	"os"

	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
)

func protect(app *fiber.App) {
	app.Use("/debug", jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{JWTAlg: "none", Key: jwt.UnsafeAllowNoneSignatureType}})) // want `jwt.UnsafeAllowNoneSignatureType used as a key`
	app.Use("/api", jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{JWTAlg: jwtware.HS256, Key: []byte(os.Getenv("JWT_SECRET"))}}))
}
