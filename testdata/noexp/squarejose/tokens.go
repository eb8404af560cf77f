// Package squarejose issues and checks tokens with gopkg.in/square/go-jose.v2. It exercises noexp on
// claims minted without Expiry (reported, fixed) and on verified claims
// never validated (reported); the negatives set Expiry and validate.
package squarejose

import (
	"time"

	jose "gopkg.in/square/go-jose.v2"
	"gopkg.in/square/go-jose.v2/jwt"
)

func mint(signer jose.Signer, sub string) (string, error) {
	return jwt.Signed(signer).Claims(jwt.Claims{Subject: sub}).CompactSerialize() // want `mints a token whose claims never get an exp claim`
}

func subject(raw string, key []byte) (string, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return "", err
	}
	var c jwt.Claims
	if err := tok.Claims(key, &c); err != nil { // want `tok.Claims verifies the signature but checks no claim`
		return "", err
	}
	return c.Subject, nil
}

// Negatives.

func mintWithExpiry(signer jose.Signer, sub string) (string, error) {
	return jwt.Signed(signer).Claims(jwt.Claims{Subject: sub, Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))}).CompactSerialize()
}

func validated(raw string, key []byte) (string, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return "", err
	}
	var c jwt.Claims
	if err := tok.Claims(key, &c); err != nil {
		return "", err
	}
	if err := c.Validate(jwt.Expected{Time: time.Now()}); err != nil {
		return "", err
	}
	return c.Subject, nil
}
