// Package envnames has several fixed keys: each fix reads a variable of
// its own, never one another key already reads (conf reads
// ENVNAMES_SIGNING_KEY for the access tokens).
package envnames

import (
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/fixtures/hardcodedkey/envnames/conf"
)

var signingKey = []byte("refresh-tokens-are-signed-with-this-one") // the holder's name is taken by conf

// Access signs with the key conf reads: no finding.
func Access(user string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()}).SignedString(conf.AccessSecret())
}

// Refresh signs refresh tokens.
func Refresh(user string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()}).SignedString(signingKey) // want `hardcoded JWT signing key: .* var signingKey`
}

// Invite and Reset each name a literal key after the variable they sign
// into; the second gets a suffix.
func Invite(user string) (string, error) {
	token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()}).SignedString([]byte("invitation-links-key-0123456789abcdef")) // want `hardcoded JWT signing key: .* a string literal`
	return token, err
}

func Reset(user string) (string, error) {
	token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()}).SignedString([]byte("password-reset-key-0123456789abcdef")) // want `hardcoded JWT signing key: .* a string literal`
	return token, err
}
