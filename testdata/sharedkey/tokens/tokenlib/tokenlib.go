// Package tokenlib wraps signing for the rest of the program.
// Exercises: the SignerFact of a wrapper that takes the key as a
// parameter and leaves the kind to its callers.
package tokenlib

import "github.com/golang-jwt/jwt/v5"

// Sign signs claims with key.
func Sign(claims jwt.Claims, key []byte) (string, error) { // want Sign:`signer\(key=1, kind=any\)`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// SignRefresh signs refresh tokens with key.
func SignRefresh(claims jwt.Claims, key []byte) (string, error) { // want SignRefresh:`signer\(key=1, kind=refresh\)`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}
