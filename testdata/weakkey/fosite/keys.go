// Package fosite exercises weakkey on ory/fosite token/jwt: the key of
// SignedString checked against the algorithm of NewWithClaims, a keyfunc's
// weak secret, and the negatives.
package fosite

import (
	"time"

	jose "github.com/go-jose/go-jose/v3"
	"github.com/ory/fosite/token/jwt"
)

func Sign(sub string) (string, error) {
	tok := jwt.NewWithClaims(jose.HS512, jwt.MapClaims{"sub": sub, "exp": time.Now().Add(time.Hour).Unix()})
	return tok.SignedString([]byte("forty-byte-secret-fine-for-hs256-only!!!")) // want `short HS512 key: \(\*jwt.Token\).SignedString uses a string literal \(keys.go:\d+\), 40 bytes long; HS512 needs at least 64`
}

func Parse(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(*jwt.Token) (interface{}, error) {
		return []byte("supersecret"), nil // want `weak JWT secret: jwt.Keyfunc uses a string literal`
	})
}

// Negatives.

func SignHS256(sub string) (string, error) {
	tok := jwt.NewWithClaims(jose.HS256, jwt.MapClaims{"sub": sub, "exp": time.Now().Add(time.Hour).Unix()})
	return tok.SignedString([]byte("forty-byte-secret-fine-for-hs256-only!!!"))
}
