// Package iris exercises weakkey on iris middleware/jwt: the keys of
// NewSigner and NewVerifier and of a Signer literal checked against their
// algorithm, and the negatives.
package iris

import (
	"time"

	"github.com/kataras/iris/v12/middleware/jwt"
)

func Signer() *jwt.Signer {
	return jwt.NewSigner(jwt.HS256, []byte("iris-short-key"), 15*time.Minute) // want `short HS256 key: jwt.NewSigner uses a string literal \(keys.go:\d+\), 14 bytes long`
}

func Verifier() *jwt.Verifier {
	return jwt.NewVerifier(jwt.HS256, "secret") // want `weak JWT secret: jwt.NewVerifier uses a string literal`
}

var admin = &jwt.Signer{Alg: jwt.HS512, Key: []byte("forty-byte-secret-fine-for-hs256-only!!!"), MaxAge: time.Hour} // want `short HS512 key: jwt.Signer.Key uses a string literal \(keys.go:\d+\), 40 bytes long; HS512 needs at least 64`

var _ = admin

// Negatives.

func LongSigner() *jwt.Signer {
	return jwt.NewSigner(jwt.HS256, []byte("forty-byte-secret-fine-for-hs256-only!!!"), time.Hour)
}
