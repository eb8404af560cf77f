// Package jwxv2 authenticates API gateway calls with lestrrat-go/jwx v2. It
// exercises unverified on jwt.ParseInsecure (claims trusted: reported;
// peeked at, then verified: silent), on jwt.Parse with WithVerify(false)
// (reported), and on a verified parse whose error is dropped (silent: a
// failed jwx parse returns no token) or checked (silent).
package jwxv2

import (
	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

// caller trusts an unverified token.
func caller(raw []byte) (string, error) {
	tok, err := jwt.ParseInsecure(raw) // want `claims of jwt.ParseInsecure are used but the token's signature is never verified`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// scope switches verification off.
func scope(raw []byte) (interface{}, error) {
	tok, err := jwt.Parse(raw, jwt.WithVerify(false)) // want `claims of jwt.Parse are used but the token's signature is never verified`
	if err != nil {
		return nil, err
	}
	scope, _ := tok.Get("scope")
	return scope, nil
}

// Negatives.

// owner drops the parse error; a failed Parse returns nil.
func owner(raw []byte, set jwk.Set) string {
	tok, _ := jwt.Parse(raw, jwt.WithKeySet(set))
	return tok.Subject()
}

// verified peeks at the issuer, then verifies with that issuer's key.
func verified(raw []byte, keys map[string]jwk.Key) (string, error) {
	peek, err := jwt.ParseInsecure(raw)
	if err != nil {
		return "", err
	}
	key := keys[peek.Issuer()]
	tok, err := jwt.Parse(raw, jwt.WithKey(jwa.RS256, key))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

func checked(raw []byte, set jwk.Set) (string, error) {
	tok, err := jwt.Parse(raw, jwt.WithKeySet(set), jwt.WithVerify(true))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

var _ = jwa.RS256
