// Package kataras reads tokens with github.com/kataras/jwt. It exercises
// unverified on jwt.Decode (claims trusted: reported; decoded to read the
// kid, then verified: silent) and on jwt.Verify whose error is dropped
// (silent: a failed verification returns no token, so the code fails
// instead of trusting claims).
package kataras

import (
	"github.com/kataras/jwt"
)

type claims struct {
	User  string `json:"user"`
	Admin bool   `json:"admin"`
}

// userOf trusts a decoded token.
func userOf(token []byte) (string, error) {
	ut, err := jwt.Decode(token) // want `claims of jwt.Decode are used but the token's signature is never verified`
	if err != nil {
		return "", err
	}
	var c claims
	if err := ut.Claims(&c); err != nil {
		return "", err
	}
	return c.User, nil
}

// nameOf reads the decoded claims through Claims(&dest) and only
// compares the decoding error with nil.
func nameOf(token []byte) string {
	ut, err := jwt.Decode(token) // want `claims of jwt.Decode are used but the token's signature is never verified`
	if err != nil {
		return ""
	}
	var c claims
	if err := ut.Claims(&c); err != nil {
		return ""
	}
	return c.User
}

// Negatives.

// isAdmin drops the verification error; a failed Verify returns nil.
func isAdmin(token, key []byte) bool {
	verified, _ := jwt.Verify(jwt.HS256, key, token)
	var c claims
	_ = verified.Claims(&c)
	return c.Admin
}

// verified decodes to find the key, then verifies the same token.
func verified(token []byte, keys map[string][]byte) (claims, error) {
	var c claims
	ut, err := jwt.Decode(token)
	if err != nil {
		return c, err
	}
	key := keys[string(ut.Header)]
	verified, err := jwt.Verify(jwt.HS256, key, token)
	if err != nil {
		return c, err
	}
	return c, verified.Claims(&c)
}
