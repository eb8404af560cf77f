// Package cristalhq issues and checks tokens with cristalhq/jwt v4. It
// exercises noexp on Builder.Build with claims without ExpiresAt
// (reported, fixed), on ParseClaims and Parse whose claims are never
// validated (reported), and the negatives: ExpiresAt set, IsValidAt.
package cristalhq

import (
	"errors"
	"time"

	"github.com/cristalhq/jwt/v4"
)

func mint(b *jwt.Builder, sub string) (string, error) {
	tok, err := b.Build(&jwt.RegisteredClaims{Subject: sub}) // want `b.Build mints a token whose claims never get an exp claim`
	if err != nil {
		return "", err
	}
	return tok.String(), nil
}

func subject(raw []byte, v jwt.Verifier) (string, error) {
	var c jwt.RegisteredClaims
	if err := jwt.ParseClaims(raw, v, &c); err != nil { // want `jwt.ParseClaims verifies the signature but checks no claim, and these claims are never validated, so a token past its exp is accepted: call RegisteredClaims.IsValidAt on them before use`
		return "", err
	}
	return c.Subject, nil
}

func audience(raw []byte, v jwt.Verifier) ([]string, error) {
	tok, err := jwt.Parse(raw, v) // want `jwt.Parse verifies the signature but checks no claim`
	if err != nil {
		return nil, err
	}
	var c jwt.RegisteredClaims
	if err := tok.DecodeClaims(&c); err != nil {
		return nil, err
	}
	return c.Audience, nil
}

// Negatives.

func mintWithExpiry(b *jwt.Builder, sub string) (string, error) {
	tok, err := b.Build(&jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))})
	if err != nil {
		return "", err
	}
	return tok.String(), nil
}

func validated(raw []byte, v jwt.Verifier) (string, error) {
	var c jwt.RegisteredClaims
	if err := jwt.ParseClaims(raw, v, &c); err != nil {
		return "", err
	}
	if !c.IsValidAt(time.Now()) {
		return "", errors.New("token expired or not yet valid")
	}
	return c.Subject, nil
}
