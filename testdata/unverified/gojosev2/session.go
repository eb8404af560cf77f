// Package gojosev2 reads session tokens with gopkg.in/go-jose/go-jose.v2. It exercises unverified
// on UnsafeClaimsWithoutVerification (reported when trusted) and on a
// verification whose error is checked (silent).
package gojosev2

import (
	"time"

	"gopkg.in/go-jose/go-jose.v2/jwt"
)

type session struct {
	jwt.Claims
	UserID string `json:"uid"`
}

// userOf trusts an unverified token.
func userOf(raw string) string {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return ""
	}
	var s session
	if tok.UnsafeClaimsWithoutVerification(&s) != nil { // want `claims of \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification are used but the token's signature is never verified`
		return ""
	}
	return s.UserID
}

// Negatives.

func verified(raw string, key []byte) (string, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return "", err
	}
	var s session
	if err := tok.Claims(key, &s); err != nil {
		return "", err
	}
	if err := s.Validate(jwt.Expected{Time: time.Now()}); err != nil {
		return "", err
	}
	return s.UserID, nil
}
