// This file exercises peek-then-verify where the verified string is a
// local copy of the peeked one (tokenString := raw): the same token, so
// silent. A copy of another string verified after the peek leaves the
// peeked token unverified: reported.

package peek

import (
	"crypto/rsa"
	"errors"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

func peekIssuer(raw string) (string, error) {
	var rc jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &rc); err != nil {
		return "", err
	}
	return rc.Issuer, nil
}

func peekIssuerOther(raw string) (string, error) {
	var rc jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &rc); err != nil { // want `claims of \(\*jwt.Parser\).ParseUnverified are used but the token's signature is never verified`
		return "", err
	}
	return rc.Issuer, nil
}

type tenantKeys map[string]*rsa.PublicKey

func (t tenantKeys) VerifyCopy(header string) (*jwt.RegisteredClaims, error) {
	raw := strings.TrimPrefix(header, "Bearer ")
	iss, err := peekIssuer(raw)
	if err != nil {
		return nil, err
	}
	key, ok := t[iss]
	if !ok {
		return nil, errors.New("unknown issuer")
	}
	var c jwt.RegisteredClaims
	tokenString := raw
	if _, err := jwt.ParseWithClaims(tokenString, &c, func(*jwt.Token) (any, error) { return key, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer(iss), jwt.WithExpirationRequired()); err != nil {
		return nil, err
	}
	return &c, nil
}

func (t tenantKeys) VerifyOther(raw, other string) (*jwt.RegisteredClaims, error) {
	iss, err := peekIssuerOther(raw)
	if err != nil {
		return nil, err
	}
	var c jwt.RegisteredClaims
	tokenString := other
	if _, err := jwt.ParseWithClaims(tokenString, &c, func(*jwt.Token) (any, error) { return t[iss], nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithExpirationRequired()); err != nil {
		return nil, err
	}
	return &c, nil
}
