// Package jwxv1 authenticates gateway calls with lestrrat-go/jwx v1, whose
// jwt.Parse verifies only when an option gives it a key. It exercises
// unverified on jwt.ParseString and jwt.Parse without WithVerify or
// WithKeySet (claims trusted: reported), and the negatives: parses with
// WithVerify, WithKeySet or WithVerifyAuto, and an unverified peek at the
// issuer followed by a verified parse of the same token.
package jwxv1

import (
	"os"

	"github.com/lestrrat-go/jwx/jwa"
	"github.com/lestrrat-go/jwx/jwk"
	"github.com/lestrrat-go/jwx/jwt"
)

// caller trusts a token nothing verified.
func caller(raw string) (string, error) {
	tok, err := jwt.ParseString(raw, jwt.WithValidate(true)) // want `claims of jwt.ParseString are used but the token's signature is never verified`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// scope reads a claim of a decoded token.
func scope(raw []byte) (interface{}, error) {
	tok, err := jwt.Parse(raw) // want `claims of jwt.Parse are used but the token's signature is never verified`
	if err != nil {
		return nil, err
	}
	scope, _ := tok.Get("scope")
	return scope, nil
}

// issuer checks a claim of a token nothing verified.
func issuer(raw string) (string, error) {
	tok, err := jwt.ParseString(raw, jwt.WithIssuer("https://idp.example.com"), jwt.WithValidate(true)) // want `claims of jwt.ParseString are used but the token's signature is never verified`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// Negatives.

func withKey(raw []byte) (string, error) {
	tok, err := jwt.Parse(raw, jwt.WithVerify(jwa.HS256, []byte(os.Getenv("GATEWAY_SECRET"))), jwt.WithValidate(true))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

func withSet(raw string, set jwk.Set) (string, error) {
	tok, err := jwt.ParseString(raw, jwt.WithKeySet(set), jwt.WithValidate(true))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

func withAuto(raw []byte) (string, error) {
	tok, err := jwt.Parse(raw, jwt.WithVerifyAuto(true), jwt.WithValidate(true))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// verified peeks at the issuer, then verifies with that issuer's key.
func verified(raw []byte, keys map[string]jwk.Key) (string, error) {
	peek, err := jwt.Parse(raw)
	if err != nil {
		return "", err
	}
	key := keys[peek.Issuer()]
	tok, err := jwt.Parse(raw, jwt.WithVerify(jwa.RS256, key), jwt.WithValidate(true))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// opaque passes options the analysis cannot see: they may verify.
func opaque(raw []byte, opts []jwt.ParseOption) (string, error) {
	tok, err := jwt.Parse(raw, opts...)
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}
