// Peeking at the issuer of a go-jose token, then parsing the same raw
// string again and verifying it, is the decode-then-verify idiom: silent.
// Peeking and never verifying that string is reported.
package josev4

import (
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

var partnerAlgs = []jose.SignatureAlgorithm{jose.ES256}

func VerifyReparsed(raw string, keys map[string]any) (*jwt.Claims, error) {
	peek, err := jwt.ParseSigned(raw, partnerAlgs)
	if err != nil {
		return nil, err
	}
	var issuer jwt.Claims
	if err := peek.UnsafeClaimsWithoutVerification(&issuer); err != nil {
		return nil, err
	}
	tok, err := jwt.ParseSigned(raw, partnerAlgs)
	if err != nil {
		return nil, err
	}
	var c jwt.Claims
	if err := tok.Claims(keys[issuer.Issuer], &c); err != nil {
		return nil, err
	}
	if err := c.Validate(jwt.Expected{Time: time.Now()}); err != nil {
		return nil, err
	}
	return &c, nil
}

func IssuerOnly(raw, other string, keys map[string]any) (string, error) {
	peek, err := jwt.ParseSigned(raw, partnerAlgs)
	if err != nil {
		return "", err
	}
	var issuer jwt.Claims
	if err := peek.UnsafeClaimsWithoutVerification(&issuer); err != nil { // want `claims of \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification are used but the token's signature is never verified`
		return "", err
	}
	// A different token is verified: the peeked one still is not.
	tok, err := jwt.ParseSigned(other, partnerAlgs)
	if err != nil {
		return "", err
	}
	var c jwt.Claims
	if err := tok.Claims(keys["x"], &c); err != nil {
		return "", err
	}
	return issuer.Issuer, nil
}
