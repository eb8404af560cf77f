// Package gokit exercises weakkey on go-kit auth/jwt: NewSigner's key
// checked against its signing method, a keyfunc handed to NewParser, and
// the negatives.
package gokit

import (
	kitjwt "github.com/go-kit/kit/auth/jwt"
	"github.com/go-kit/kit/endpoint"
	jwt "github.com/golang-jwt/jwt/v4"
)

func Signer() endpoint.Middleware {
	return kitjwt.NewSigner("k1", []byte("twenty-byte-secret!!"), jwt.SigningMethodHS256, jwt.MapClaims{"iss": "svc"}) // want `short HS256 key: jwt.NewSigner uses a string literal \(keys.go:\d+\), 20 bytes long`
}

func Parser() endpoint.Middleware {
	return kitjwt.NewParser(func(*jwt.Token) (interface{}, error) { return []byte("changeit"), nil }, jwt.SigningMethodHS256, kitjwt.MapClaimsFactory) // want `weak JWT secret: jwt.Keyfunc uses a string literal`
}

// Negatives.

func SignerLong() endpoint.Middleware {
	return kitjwt.NewSigner("k1", []byte("a-forty-eight-byte-key-good-enough-for-hs384!!!!"), jwt.SigningMethodHS384, jwt.MapClaims{"iss": "svc"})
}
