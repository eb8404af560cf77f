// Package partner signs partner tokens with literal keys and no expiry;
// its only import is the JWT library, so two rules add imports to the
// same one-line import declaration.
package partner

import "github.com/golang-jwt/jwt/v5"

var secret = "partner-secret-everyone-in-the-sandbox-knows"

// Sandbox signs a sandbox token.
func Sandbox(partner string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": partner}).SignedString([]byte(secret))
}

// Callback signs a callback token with a literal key of its own.
func Callback(partner string) (string, error) {
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": partner}).SignedString([]byte("callback-key-fixed-in-the-source-0001"))
	return signed, err
}
