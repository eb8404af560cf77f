// Package ginjwt exercises weakkey on gin-jwt: GinJWTMiddleware.Key checked
// against SigningAlgorithm and its HS256 default, and the negatives.
package ginjwt

import (
	jwt "github.com/appleboy/gin-jwt/v2"
)

func Default() (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{Realm: "zone", Key: []byte("secret key")}) // want `short HS256 key: jwt.GinJWTMiddleware.Key uses a string literal \(keys.go:\d+\), 10 bytes long`
}

func HS384() (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{Realm: "zone", SigningAlgorithm: "HS384", Key: []byte("forty-byte-secret-fine-for-hs256-only!!!")}) // want `short HS384 key: jwt.GinJWTMiddleware.Key uses a string literal \(keys.go:\d+\), 40 bytes long; HS384 needs at least 48`
}

// Negatives.

func Long() (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{Realm: "zone", Key: []byte("forty-byte-secret-fine-for-hs256-only!!!")})
}
