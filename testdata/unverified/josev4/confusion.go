package josev4

// Algorithm confusion with go-jose v4: the allow-list is given when
// decoding and the key when verifying. A list mixing HS256 with RS256
// while the key comes from a key set of interface values lets an RSA
// public key verify an HMAC token; a typed key, or a list of one family,
// is fine.

import (
	"crypto/rsa"
	"errors"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

var (
	partnerKeys map[string]interface{}
	partnerRSA  *rsa.PublicKey
)

func partnerSubject(raw, kid string) (string, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256, jose.HS256}) // want `jwt.ParseSigned mixes HMAC with public-key algorithms \(RS256, HS256\) while \(\*jwt.JSONWebToken\).Claims verifies with an interface\{\} key from one key set`
	if err != nil {
		return "", err
	}
	key, ok := partnerKeys[kid]
	if !ok {
		return "", errors.New("unknown kid")
	}
	var c jwt.Claims
	if err := tok.Claims(key, &c); err != nil {
		return "", err
	}
	return c.Subject, nil
}

func typedSubject(raw string) (string, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256, jose.HS256})
	if err != nil {
		return "", err
	}
	var c jwt.Claims
	if err := tok.Claims(partnerRSA, &c); err != nil {
		return "", err
	}
	return c.Subject, nil
}
