// Package gojosev2 issues and checks API tokens with gopkg.in/go-jose/go-jose.v2 (the renamed square copy). It exercises
// hardcodedkey on the SigningKey literal, the key passed to
// (*jwt.JSONWebToken).Claims and JSONWebSignature.Verify, and the
// negatives: keys from the environment and generated RSA keys.
package gojosev2

import (
	"crypto/rand"
	"crypto/rsa"
	"os"
	"time"

	jose "gopkg.in/go-jose/go-jose.v2"
	"gopkg.in/go-jose/go-jose.v2/jwt"
)

var apiSecret = []byte("api-token-secret-checked-into-git!")

type config struct {
	Secret string
	Issuer string
}

var defaults = config{Secret: "default-config-secret-for-api-tokens", Issuer: "api"}

// Mint signs an API token.
func Mint(sub string) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: apiSecret}, (&jose.SignerOptions{}).WithType("JWT")) // want `hardcoded JWT key: jose.SigningKey.Key is set to var apiSecret`
	if err != nil {
		return "", err
	}
	cl := jwt.Claims{Subject: sub, Issuer: "api", Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))}
	return jwt.Signed(signer).Claims(cl).CompactSerialize()
}

// MintWithDefaults signs with the secret of the default config.
func MintWithDefaults(sub string) (string, error) {
	key := jose.SigningKey{Algorithm: jose.HS512, Key: []byte(defaults.Secret)} // want `hardcoded JWT key: jose.SigningKey.Key is set to`
	signer, err := jose.NewSigner(key, nil)
	if err != nil {
		return "", err
	}
	return jwt.Signed(signer).Claims(jwt.Claims{Subject: sub, Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))}).CompactSerialize()
}

// Check verifies an API token.
func Check(raw string) (jwt.Claims, error) {
	var cl jwt.Claims
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return cl, err
	}
	if err := tok.Claims(apiSecret, &cl); err != nil { // want `hardcoded JWT verification key: \(\*jwt.JSONWebToken\).Claims returns var apiSecret`
		return cl, err
	}
	return cl, cl.Validate(jwt.Expected{Issuer: "api", Time: time.Now()})
}

// VerifyPayload checks a raw JWS.
func VerifyPayload(msg string) ([]byte, error) {
	sig, err := jose.ParseSigned(msg)
	if err != nil {
		return nil, err
	}
	return sig.Verify([]byte("raw-jws-verification-secret-value")) // want `hardcoded JWT verification key: \(\*jose.JSONWebSignature\).Verify returns a string literal`
}

// Negatives.

func MintFromEnv(sub string) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte(os.Getenv("API_SECRET"))}, nil)
	if err != nil {
		return "", err
	}
	return jwt.Signed(signer).Claims(jwt.Claims{Subject: sub, Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))}).CompactSerialize()
}

func MintRSA(sub string) (string, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 3072)
	if err != nil {
		return "", err
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.PS256, Key: priv}, nil)
	if err != nil {
		return "", err
	}
	return jwt.Signed(signer).Claims(jwt.Claims{Subject: sub, Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))}).CompactSerialize()
}

func CheckWithKey(raw string, key []byte) (jwt.Claims, error) {
	var cl jwt.Claims
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return cl, err
	}
	if err := tok.Claims(key, &cl); err != nil {
		return cl, err
	}
	return cl, cl.Validate(jwt.Expected{Time: time.Now()})
}
