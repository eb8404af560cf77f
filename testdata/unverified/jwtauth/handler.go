// Package jwtauth reads tokens with go-chi/jwtauth outside its middleware.
// JWTAuth.Decode and jwtauth.VerifyToken return no token when verification
// fails, so a dropped error is no trusted claim: nothing is reported.
package jwtauth

import (
	"github.com/go-chi/jwtauth/v5"
)

// Negatives.

// userID drops the decode error; a failed Decode returns nil.
func userID(ja *jwtauth.JWTAuth, s string) string {
	tok, _ := ja.Decode(s)
	return tok.Subject()
}

func checked(ja *jwtauth.JWTAuth, s string) (string, error) {
	tok, err := jwtauth.VerifyToken(ja, s)
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}
