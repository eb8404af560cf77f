// Package jwxv1 checks sessions with lestrrat-go/jwx v1, whose jwt.Parse
// validates no claim (exp included) unless jwt.WithValidate(true) is
// passed or the token goes through jwt.Validate. It exercises noexp on
// verified parses without either (reported), on a mint without an
// expiration, and the negatives: WithValidate(true), a later jwt.Validate,
// a read of Expiration, and tokens handed to the caller.
package jwxv1

import (
	"errors"
	"os"
	"time"

	"github.com/lestrrat-go/jwx/jwa"
	"github.com/lestrrat-go/jwx/jwk"
	"github.com/lestrrat-go/jwx/jwt"
)

func secret() []byte { return []byte(os.Getenv("SESSION_SECRET")) }

// user verifies the signature and trusts the claims, expired or not.
func user(raw []byte) (string, error) {
	tok, err := jwt.Parse(raw, jwt.WithVerify(jwa.HS256, secret())) // want `jwt.Parse verifies the signature but checks no claim`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// tenant does the same with a key set.
func tenant(raw string, set jwk.Set) (interface{}, error) {
	tok, err := jwt.ParseString(raw, jwt.WithKeySet(set), jwt.WithValidate(false)) // want `jwt.ParseString verifies the signature but checks no claim`
	if err != nil {
		return nil, err
	}
	v, _ := tok.Get("tenant")
	return v, nil
}

// issuer asks for an issuer check, which v1 runs only under
// WithValidate(true): nothing is checked.
func issuer(raw []byte) (string, error) {
	tok, err := jwt.Parse(raw, jwt.WithVerify(jwa.HS256, secret()), jwt.WithIssuer("https://idp.example.com")) // want `jwt.Parse verifies the signature but checks no claim`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// mint signs a token that never expires.
func mint(sub string) ([]byte, error) {
	tok := jwt.New()
	if err := tok.Set(jwt.SubjectKey, sub); err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwa.HS256, secret()) // want `jwt.Sign mints a token whose claims never get an exp claim`
}

// Negatives.

func validated(raw []byte) (string, error) {
	tok, err := jwt.Parse(raw, jwt.WithVerify(jwa.HS256, secret()), jwt.WithValidate(true))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

func validatedAfter(raw []byte) (string, error) {
	tok, err := jwt.Parse(raw, jwt.WithVerify(jwa.HS256, secret()))
	if err != nil {
		return "", err
	}
	if err := jwt.Validate(tok); err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

func byHand(raw []byte) (string, error) {
	tok, err := jwt.Parse(raw, jwt.WithVerify(jwa.HS256, secret()))
	if err != nil {
		return "", err
	}
	if time.Now().After(tok.Expiration()) {
		return "", errors.New("expired")
	}
	return tok.Subject(), nil
}

// decoded verifies nothing: that is unverified's finding, not this rule's.
func decoded(raw []byte) (string, error) {
	tok, err := jwt.Parse(raw)
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// handOff returns the token: its caller validates it.
func handOff(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithVerify(jwa.HS256, secret()))
}

func mintWithExp(sub string) ([]byte, error) {
	tok, err := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(time.Hour)).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwa.HS256, secret())
}
