// Package cristalhq reads tokens with cristalhq/jwt v4. It exercises
// unverified on ParseNoVerify (claims trusted: reported; peeked, then
// verified: silent) and on Parse whose error is dropped (silent: a
// failed Parse returns no token).
package cristalhq

import (
	"github.com/cristalhq/jwt/v4"
)

// subject trusts an unverified token.
func subject(raw []byte) (string, error) {
	tok, err := jwt.ParseNoVerify(raw) // want `claims of jwt.ParseNoVerify are used but the token's signature is never verified`
	if err != nil {
		return "", err
	}
	var c jwt.RegisteredClaims
	if err := tok.DecodeClaims(&c); err != nil {
		return "", err
	}
	return c.Subject, nil
}

// Negatives.

// audience drops the parse error; a failed Parse returns nil.
func audience(raw []byte, v jwt.Verifier) []string {
	tok, _ := jwt.Parse(raw, v)
	var c jwt.RegisteredClaims
	_ = tok.DecodeClaims(&c)
	return c.Audience
}

func verified(raw []byte, verifiers map[string]jwt.Verifier) (string, error) {
	peek, err := jwt.ParseNoVerify(raw)
	if err != nil {
		return "", err
	}
	tok, err := jwt.Parse(raw, verifiers[peek.Header().KeyID])
	if err != nil {
		return "", err
	}
	var c jwt.RegisteredClaims
	if err := tok.DecodeClaims(&c); err != nil {
		return "", err
	}
	return c.Subject, nil
}
