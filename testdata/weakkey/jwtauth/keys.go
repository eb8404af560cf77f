// Package jwtauth exercises weakkey on go-chi/jwtauth: both keys of New
// checked against its string algorithm, and the negatives.
package jwtauth

import (
	"github.com/go-chi/jwtauth/v5"
)

func Auth() *jwtauth.JWTAuth {
	return jwtauth.New("HS256", []byte("secret"), nil) // want `weak JWT secret: jwtauth.New uses a string literal`
}

func Partner() *jwtauth.JWTAuth {
	return jwtauth.New("HS512", []byte("forty-byte-secret-fine-for-hs256-only!!!"), []byte("forty-byte-secret-fine-for-hs256-only!!!")) // want `short HS512 key: jwtauth.New uses a string literal \(keys.go:\d+\), 40 bytes long; HS512 needs at least 64` `short HS512 key: jwtauth.New uses a string literal \(keys.go:\d+\), 40 bytes long; HS512 needs at least 64`
}

// Negatives.

func Long() *jwtauth.JWTAuth {
	return jwtauth.New("HS256", []byte("forty-byte-secret-fine-for-hs256-only!!!"), nil)
}
