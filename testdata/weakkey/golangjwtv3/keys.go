// Package golangjwtv3 exercises weakkey on github.com/golang-jwt/jwt: a key short for HS512, a
// well-known secret returned by a keyfunc, and the negatives.
package golangjwtv3

import (
	jwt "github.com/golang-jwt/jwt"
)

var hs512Key = []byte("forty-byte-secret-fine-for-hs256-only!!!")

func sign(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS512, jwt.StandardClaims{Subject: sub}).SignedString(hs512Key) // want `short HS512 key: \(\*jwt.Token\).SignedString uses var hs512Key \(keys.go:\d+\), 40 bytes long; HS512 needs at least 64`
}

func parse(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(*jwt.Token) (interface{}, error) {
		return []byte("changeme"), nil // want `weak JWT secret: jwt.Keyfunc uses a string literal`
	})
}

// Negatives.

func signHS256(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.StandardClaims{Subject: sub}).SignedString(hs512Key)
}
