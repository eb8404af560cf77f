// Package peek reads the issuer from a token's payload by hand to choose
// the key, then verifies the same token with golang-jwt: decode-then-verify
// is fine, in one function or split over a helper whose callers verify.
// A helper whose caller does not verify is reported.
package peek

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

var keys = map[string][]byte{
	"https://issuer.example": []byte(os.Getenv("ISSUER_KEY")),
}

func keyFor(iss string) jwt.Keyfunc {
	return func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errors.New("unexpected method")
		}
		k, ok := keys[iss]
		if !ok {
			return nil, errors.New("unknown issuer")
		}
		return k, nil
	}
}

type unverifiedClaims struct {
	Issuer string `json:"iss"`
}

// issuerOf decodes the payload for callers that verify afterwards.
func issuerOf(raw string) (string, error) {
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return "", errors.New("malformed")
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "", err
	}
	var c unverifiedClaims
	if err := json.Unmarshal(b, &c); err != nil {
		return "", err
	}
	return c.Issuer, nil
}

func verify(raw string) (*jwt.Token, error) {
	iss, err := issuerOf(raw)
	if err != nil {
		return nil, err
	}
	return jwt.Parse(raw, keyFor(iss), jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
}

// inline peeks and verifies in one function.
func inline(raw string) (*jwt.Token, error) {
	seg := strings.Split(raw, ".")
	if len(seg) != 3 {
		return nil, errors.New("malformed")
	}
	b, err := base64.RawURLEncoding.DecodeString(seg[1])
	if err != nil {
		return nil, err
	}
	var c unverifiedClaims
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, err
	}
	return jwt.Parse(raw, keyFor(c.Issuer), jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
}

// subjectOf is a helper whose caller trusts it without verifying.
func subjectOf(raw string) string {
	parts := strings.Split(raw, ".")
	if len(parts) < 2 {
		return ""
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return ""
	}
	var c map[string]interface{}
	if json.Unmarshal(b, &c) != nil { // want `claims decoded by hand from the token's payload segment are used`
		return ""
	}
	sub, _ := c["sub"].(string)
	return sub
}

func audit(raw string) string {
	return "request by " + subjectOf(raw)
}

// roleOf decodes the payload with golang-jwt's segment decoder, which
// verifies nothing, and trusts the role.
func roleOf(raw string) string {
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return ""
	}
	b, err := jwt.NewParser().DecodeSegment(parts[1])
	if err != nil {
		return ""
	}
	var c struct {
		Role string `json:"role"`
	}
	if json.Unmarshal(b, &c) != nil { // want `claims decoded by hand from the token's payload segment are used`
		return ""
	}
	return c.Role
}
