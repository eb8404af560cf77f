// Package fosite reads consent challenges with ory/fosite token/jwt. It
// exercises unverified on jwt.Parse whose error is dropped (reported) or
// checked (silent), and on a keyfunc that returns a key chosen by kid
// without checking the algorithm (reported).
package fosite

import (
	"crypto/rsa"

	"github.com/ory/fosite/token/jwt"
)

// subject drops the parse error.
func subject(raw string, secret []byte) interface{} {
	tok, _ := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return secret, nil }) // want `error of jwt.Parse is discarded but its claims are used`
	return tok.Claims["sub"]
}

// Negatives.

func checked(raw string, pub *rsa.PublicKey) (interface{}, error) {
	tok, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return pub, nil })
	if err != nil {
		return nil, err
	}
	return tok.Claims["sub"], nil
}
