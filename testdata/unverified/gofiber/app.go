// Package gofiber configures gofiber/contrib/jwt with its own keyfunc. It
// exercises unverified on Config.KeyFunc without an algorithm check
// (reported) and on SigningKey with JWTAlg (silent).
package gofiber

import (
	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
)

var keys = map[string]interface{}{}

func keyByKid(t *jwt.Token) (interface{}, error) {
	kid, _ := t.Header["kid"].(string)
	return keys[kid], nil
}

func protect(app *fiber.App, pub interface{}) {
	app.Use("/api", jwtware.New(jwtware.Config{KeyFunc: keyByKid})) // want `jwtware.Config.KeyFunc does not pin the signing algorithm`
	app.Use("/v2", jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{JWTAlg: jwtware.RS256, Key: pub}}))
}
