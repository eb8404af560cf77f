// Package josev4 issues and checks session tokens with go-jose v4. It
// exercises hardcodedkey on the SigningKey literal (keyed and positional),
// a JSONWebKey, the key passed to (*jwt.JSONWebToken).Claims and to
// JSONWebSignature.Verify, and the negatives: keys from the environment,
// generated RSA keys and public keys.
package josev4

import (
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"os"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

const sessionSecret = "q8Xv2LmN5pR7sT1wY4zB6cD9fG3hJ0kA"

var partnerKey = []byte("partner-integration-key-2024-shared")

// Issue mints a session token for sub.
func Issue(sub string) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte(sessionSecret)}, nil) // want `hardcoded JWT key: jose.SigningKey.Key is set to const sessionSecret \(session.go:\d+\)`
	if err != nil {
		return "", err
	}
	claims := jwt.Claims{Subject: sub, Expiry: jwt.NewNumericDate(time.Now().Add(15 * time.Minute))}
	return jwt.Signed(signer).Claims(claims).Serialize()
}

// IssuePartner signs with a positional SigningKey literal.
func IssuePartner(sub string) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{jose.HS384, partnerKey}, (&jose.SignerOptions{}).WithType("JWT")) // want `hardcoded JWT key: jose.SigningKey.Key is set to var partnerKey`
	if err != nil {
		return "", err
	}
	return jwt.Signed(signer).Claims(jwt.Claims{Subject: sub, Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))}).Serialize()
}

// Check verifies a session token and its expiry.
func Check(raw string) (*jwt.Claims, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return nil, err
	}
	var c jwt.Claims
	if err := tok.Claims([]byte(sessionSecret), &c); err != nil { // want `hardcoded JWT verification key: \(\*jwt.JSONWebToken\).Claims returns const sessionSecret`
		return nil, err
	}
	if err := c.Validate(jwt.Expected{Time: time.Now()}); err != nil {
		return nil, err
	}
	return &c, nil
}

// VerifyWebhook checks a detached JWS from a partner.
func VerifyWebhook(body string) ([]byte, error) {
	sig, err := jose.ParseSigned(body, []jose.SignatureAlgorithm{jose.HS384})
	if err != nil {
		return nil, err
	}
	return sig.Verify(partnerKey) // want `hardcoded JWT verification key: \(\*jose.JSONWebSignature\).Verify returns var partnerKey`
}

// webhookJWK wraps the partner key as a JWK for key rotation by kid.
func webhookJWK() jose.JSONWebKey {
	return jose.JSONWebKey{Key: []byte("jwk-embedded-partner-secret-value"), KeyID: "p1", Algorithm: "HS256"} // want `hardcoded JWT key: jose.JSONWebKey.Key is set to a string literal`
}

// Negatives.

func IssueFromEnv(sub string) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte(os.Getenv("SESSION_SECRET"))}, nil)
	if err != nil {
		return "", err
	}
	return jwt.Signed(signer).Claims(jwt.Claims{Subject: sub, Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))}).Serialize()
}

func IssueRSA(sub string) (string, *rsa.PublicKey, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return "", nil, err
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: priv}, nil)
	if err != nil {
		return "", nil, err
	}
	out, err := jwt.Signed(signer).Claims(jwt.Claims{Subject: sub, Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))}).Serialize()
	return out, &priv.PublicKey, err
}

func CheckRSA(raw string, pub *rsa.PublicKey) (jwt.Claims, error) {
	var c jwt.Claims
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return c, err
	}
	if err := tok.Claims(pub, &c); err != nil {
		return c, err
	}
	if c.Expiry == nil {
		return c, errors.New("token without expiry")
	}
	return c, c.Validate(jwt.Expected{Time: time.Now()})
}

func publicJWK(pub *rsa.PublicKey) jose.JSONWebKey {
	return jose.JSONWebKey{Key: pub, KeyID: "rsa1", Algorithm: string(jose.RS256)}
}

var _ = publicJWK
var _ = webhookJWK
