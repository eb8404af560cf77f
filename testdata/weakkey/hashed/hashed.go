// Package hashed derives its HMAC keys from passphrases in the source. The
// derivation keeps the length exact: an MD5 digest is 16 bytes, too short
// for HS256, while a SHA-512 digest is long enough for HS512 (a constant
// key all the same, which is hardcodedkey's finding, not this rule's).
package hashed

import (
	"crypto/md5"
	"crypto/sha512"

	"github.com/golang-jwt/jwt/v5"
)

func Legacy(sub string) (string, error) {
	sum := md5.Sum([]byte("legacy-service-passphrase-from-2016"))
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(sum[:]) // want `short HS256 key: .* uses a key derived from a string literal \(hashed.go:15\), 16 bytes long`
}

// Negative for weakkey: 64 bytes for HS512.
func Current(sub string) (string, error) {
	sum := sha512.Sum512([]byte("current-service-passphrase"))
	return jwt.NewWithClaims(jwt.SigningMethodHS512, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(sum[:])
}
