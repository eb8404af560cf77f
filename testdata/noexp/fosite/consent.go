// Package fosite mints consent challenges with ory/fosite token/jwt. It
// exercises noexp on NewWithClaims with MapClaims without "exp"
// (reported, fixed) and with it (silent).
package fosite

import (
	"time"

	jose "github.com/go-jose/go-jose/v3"
	"github.com/ory/fosite/token/jwt"
)

func challenge(key []byte, sub string) (string, error) {
	tok := jwt.NewWithClaims(jose.HS256, jwt.MapClaims{"sub": sub}) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
	return tok.SignedString(key)
}

// Negatives.

func challengeExp(key []byte, sub string) (string, error) {
	tok := jwt.NewWithClaims(jose.HS256, jwt.MapClaims{"sub": sub, "exp": time.Now().Add(10 * time.Minute).Unix()})
	return tok.SignedString(key)
}
