// This file exercises decode-then-verify where the peek and the verification
// see the same token in different spellings: jwt.ParseInsecure([]byte(raw))
// followed by a helper that verifies raw itself (silent), and the converse,
// a []byte token verified as string(raw) (silent). Verifying some other
// string after the peek is still reported.
package jwxv3

import (
	"errors"

	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

type peekService struct{ set jwk.Set }

func (s *peekService) verifyString(raw string) (string, error) {
	tok, err := jwt.ParseString(raw, jwt.WithKeySet(s.set))
	if err != nil {
		return "", err
	}
	sub, _ := tok.Subject()
	return sub, nil
}

// peekThenVerifyString peeks at []byte(raw) and verifies raw.
func (s *peekService) peekThenVerifyString(raw string) (string, error) {
	unverified, err := jwt.ParseInsecure([]byte(raw))
	if err != nil {
		return "", err
	}
	if iss, _ := unverified.Issuer(); iss != "billing" {
		return "", errors.New("foreign issuer")
	}
	return s.verifyString(raw)
}

// peekBytesVerifyString peeks at raw and verifies string(raw).
func (s *peekService) peekBytesVerifyString(raw []byte) (string, error) {
	unverified, err := jwt.ParseInsecure(raw)
	if err != nil {
		return "", err
	}
	if iss, _ := unverified.Issuer(); iss != "billing" {
		return "", errors.New("foreign issuer")
	}
	return s.verifyString(string(raw))
}

// peekThenVerifyOther verifies a different token than the one it trusts.
func (s *peekService) peekThenVerifyOther(raw, other string) (string, error) {
	unverified, err := jwt.ParseInsecure([]byte(raw)) // want `claims of jwt.ParseInsecure are used but the token's signature is never verified`
	if err != nil {
		return "", err
	}
	if iss, _ := unverified.Issuer(); iss != "billing" {
		return "", errors.New("foreign issuer")
	}
	return s.verifyString(other)
}

func (s *peekService) verifyBytesOf(raw string) (jwt.Token, error) {
	return jwt.Parse([]byte(raw), jwt.WithKeySet(s.set))
}

// peekThenVerifyConverted verifies raw through a helper that converts it.
func (s *peekService) peekThenVerifyConverted(raw string) (string, error) {
	unverified, err := jwt.ParseInsecure([]byte(raw))
	if err != nil {
		return "", err
	}
	if iss, _ := unverified.Issuer(); iss != "billing" {
		return "", errors.New("foreign issuer")
	}
	tok, err := s.verifyBytesOf(raw)
	if err != nil {
		return "", err
	}
	sub, _ := tok.Subject()
	return sub, nil
}
