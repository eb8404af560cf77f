// Package cristalhq exercises weakkey on cristalhq/jwt v4: the keys of
// NewSignerHS and NewVerifierHS checked against their algorithm, a small
// RSA key, and the negatives.
package cristalhq

import (
	"crypto/rand"
	"crypto/rsa"

	"github.com/cristalhq/jwt/v4"
)

func Signer() (jwt.Signer, error) {
	return jwt.NewSignerHS(jwt.HS384, []byte("thirty-two-bytes-for-hs256-only!")) // want `short HS384 key: jwt.NewSignerHS uses a string literal \(keys.go:\d+\), 32 bytes long; HS384 needs at least 48`
}

func Verifier() (jwt.Verifier, error) {
	return jwt.NewVerifierHS(jwt.HS256, []byte("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")) // want `weak JWT secret: jwt.NewVerifierHS uses a string literal`
}

func RSASigner() (jwt.Signer, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 1536) // want `rsa.GenerateKey makes a 1536-bit key that jwt.NewSignerRS uses`
	if err != nil {
		return nil, err
	}
	return jwt.NewSignerRS(jwt.RS256, priv)
}

// Negatives.

func HS256Signer() (jwt.Signer, error) {
	return jwt.NewSignerHS(jwt.HS256, []byte("thirty-two-bytes-for-hs256-only!"))
}
