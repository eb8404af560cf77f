// Package gofiber exercises weakkey on gofiber/contrib/jwt: SigningKey.Key
// checked against JWTAlg, and against the HS256 bound when JWTAlg is unset;
// and the negatives.
package gofiber

import (
	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
)

func Protect() fiber.Handler {
	return jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{JWTAlg: jwtware.HS512, Key: []byte("forty-byte-secret-fine-for-hs256-only!!!")}}) // want `short HS512 key: jwtware.SigningKey.Key uses a string literal \(keys.go:\d+\), 40 bytes long; HS512 needs at least 64`
}

func NoAlg() fiber.Handler {
	return jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{Key: []byte("fiber-16-byte-ke")}}) // want `short HMAC key: jwtware.SigningKey.Key uses a string literal \(keys.go:\d+\), 16 bytes long; HMAC needs at least 32`
}

// Negatives.

func Long() fiber.Handler {
	return jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{JWTAlg: jwtware.HS256, Key: []byte("forty-byte-secret-fine-for-hs256-only!!!")}})
}
