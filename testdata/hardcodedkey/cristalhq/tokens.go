// Package cristalhq signs and verifies tokens with cristalhq/jwt v4. It
// exercises hardcodedkey on NewSignerHS and NewVerifierHS keys, and the
// negatives: keys from the environment and generated keys.
package cristalhq

import (
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"time"

	"github.com/cristalhq/jwt/v4"
)

var hmacKey = []byte("cristalhq-hmac-key-in-the-source-x")

// Build mints a token.
func Build(sub string) (string, error) {
	signer, err := jwt.NewSignerHS(jwt.HS256, hmacKey) // want `hardcoded JWT signing key: jwt.NewSignerHS signs with var hmacKey`
	if err != nil {
		return "", err
	}
	tok, err := jwt.NewBuilder(signer).Build(&jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))})
	if err != nil {
		return "", err
	}
	return tok.String(), nil
}

// Check verifies a token and its expiry.
func Check(raw string) (*jwt.RegisteredClaims, error) {
	verifier, err := jwt.NewVerifierHS(jwt.HS256, []byte("cristalhq-verifier-key-literal-abc")) // want `hardcoded JWT verification key: jwt.NewVerifierHS returns a string literal`
	if err != nil {
		return nil, err
	}
	var c jwt.RegisteredClaims
	if err := jwt.ParseClaims([]byte(raw), verifier, &c); err != nil {
		return nil, err
	}
	if !c.IsValidAt(time.Now()) {
		return nil, os.ErrDeadlineExceeded
	}
	return &c, nil
}

// Negatives.

func BuildFromEnv(sub string) (string, error) {
	signer, err := jwt.NewSignerHS(jwt.HS512, []byte(os.Getenv("JWT_KEY")))
	if err != nil {
		return "", err
	}
	tok, err := jwt.NewBuilder(signer).Build(&jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))})
	if err != nil {
		return "", err
	}
	return tok.String(), nil
}

func BuildEdDSA(sub string) (string, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return "", err
	}
	signer, err := jwt.NewSignerEdDSA(priv)
	if err != nil {
		return "", err
	}
	tok, err := jwt.NewBuilder(signer).Build(&jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))})
	if err != nil {
		return "", err
	}
	return tok.String(), nil
}
