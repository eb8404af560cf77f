// Package jwtauth mints and reads tokens with go-chi/jwtauth. It exercises
// noexp on Encode with a claims map without "exp" (reported, fixed), and
// on Decode, which checks no claim, with claims never validated
// (reported); the negatives set exp with SetExpiryIn or in the map, and
// verify with jwtauth.VerifyToken, which validates.
package jwtauth

import (
	"errors"
	"time"

	"github.com/go-chi/jwtauth/v5"
)

func login(ja *jwtauth.JWTAuth, user string) (string, error) {
	_, s, err := ja.Encode(map[string]interface{}{"user_id": user}) // want `ja.Encode mints a token whose claims never get an exp claim`
	return s, err
}

func userOf(ja *jwtauth.JWTAuth, s string) (string, error) {
	tok, err := ja.Decode(s) // want `ja.Decode verifies the signature but checks no claim`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// Negatives.

func loginExpiry(ja *jwtauth.JWTAuth, user string) (string, error) {
	claims := map[string]interface{}{"user_id": user}
	jwtauth.SetExpiryIn(claims, 15*time.Minute)
	_, s, err := ja.Encode(claims)
	return s, err
}

func loginExp(ja *jwtauth.JWTAuth, user string) (string, error) {
	_, s, err := ja.Encode(map[string]interface{}{"user_id": user, "exp": jwtauth.ExpireIn(time.Hour)})
	return s, err
}

func verified(ja *jwtauth.JWTAuth, s string) (string, error) {
	tok, err := jwtauth.VerifyToken(ja, s)
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// userChecked reads the expiry itself after Decode.
func userChecked(ja *jwtauth.JWTAuth, s string) (string, error) {
	tok, err := ja.Decode(s)
	if err != nil {
		return "", err
	}
	if tok.Expiration().Before(time.Now()) {
		return "", errExpired
	}
	return tok.Subject(), nil
}

var errExpired = errors.New("token expired")
