// Package josev4 resolves the tenant of a request from a go-jose v4
// token. It exercises unverified on UnsafeClaimsWithoutVerification
// (claims trusted: reported; peeked at to pick the key, then verified:
// silent) and on (*jwt.JSONWebToken).Claims whose error is dropped
// (silent: on failure go-jose leaves the claims empty) or checked
// (silent).
package josev4

import (
	"errors"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

type tenantClaims struct {
	jwt.Claims
	Tenant string `json:"tenant"`
	Role   string `json:"role"`
}

var algs = []jose.SignatureAlgorithm{jose.RS256}

// tenantOf trusts the token's claims without verifying them.
func tenantOf(raw string) (string, error) {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return "", err
	}
	var c tenantClaims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil { // want `claims of \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification are used but the token's signature is never verified`
		return "", err
	}
	return c.Tenant, nil
}

// Negatives.

// isAdmin drops the verification error, but go-jose fills the claims
// only once the signature verifies.
func isAdmin(raw string, key interface{}) bool {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return false
	}
	var c tenantClaims
	_ = tok.Claims(key, &c) // on failure c stays empty: go-jose decodes only verified claims
	return c.Role == "admin"
}

// verify peeks at the issuer to pick its key, then verifies.
func verify(raw string, keys map[string]interface{}) (*tenantClaims, error) {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return nil, err
	}
	var peek jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&peek); err != nil {
		return nil, err
	}
	key, ok := keys[peek.Issuer]
	if !ok {
		return nil, errors.New("unknown issuer")
	}
	var c tenantClaims
	if err := tok.Claims(key, &c); err != nil {
		return nil, err
	}
	if err := c.Validate(jwt.Expected{Time: time.Now()}); err != nil {
		return nil, err
	}
	return &c, nil
}
