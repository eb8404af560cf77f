// Package partner signs partner tokens with literal keys and no expiry:
// sandbox tokens with go-jose, whose fix reads the key from the
// environment, and callback tokens with golang-jwt, which accepts an empty
// key and so gets no such fix.
package partner

import (
	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	jwtv5 "github.com/golang-jwt/jwt/v5"
)

var secret = "partner-secret-everyone-in-the-sandbox-knows"

// Sandbox signs a sandbox token.
func Sandbox(partner string) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte(secret)}, nil)
	if err != nil {
		return "", err
	}
	return jwt.Signed(signer).Claims(jwt.Claims{Subject: partner}).Serialize()
}

// Callback signs a callback token with a literal key of its own.
func Callback(partner string) (string, error) {
	signed, err := jwtv5.NewWithClaims(jwtv5.SigningMethodHS256, jwtv5.MapClaims{"sub": partner}).SignedString([]byte("callback-key-fixed-in-the-source-0001"))
	return signed, err
}
