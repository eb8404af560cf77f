// Package derived computes its JWT keys from other values: a hash of a
// passphrase, the decoding of an encoded secret. A key derived from a
// constant is as fixed as the constant; one derived from the environment
// or a secret store is not.
package derived

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

const encodedKey = "c2VydmljZS1zaWduaW5nLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OQ=="

// Hashed passphrase, kept in a local.
func signSession(sub string) (string, error) {
	sum := sha256.Sum256([]byte("billing-passphrase"))
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(sum[:]) // want `hardcoded JWT signing key: .* signs with a key derived from a string literal \(derived.go:21\)`
}

// A getter hashing a concatenation of literals.
func tenantKey() []byte {
	sum := sha512.Sum512([]byte("tenant-" + "seed"))
	return sum[:]
}

func signTenant(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS512, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(tenantKey()) // want `hardcoded JWT signing key: .* signs with a key derived from a string literal \(derived.go:27\)`
}

// A base64 constant decoded at run time.
func signReport(sub string) (string, error) {
	k, err := base64.StdEncoding.DecodeString(encodedKey)
	if err != nil {
		return "", err
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(k) // want `hardcoded JWT signing key: .* signs with a key derived from const encodedKey`
}

// A hex literal decoded inline into a keyfunc's result.
func verifyKey(*jwt.Token) (any, error) {
	k, err := hex.DecodeString("6b65792d6d6174657269616c2d666f722d7468652d7665726966696572")
	return k, err // want `hardcoded JWT verification key: .* key derived from a string literal`
}

// Negative: the same derivations of values read at run time.
func signFromEnv(sub string) (string, error) {
	sum := sha256.Sum256([]byte(os.Getenv("SESSION_PASSPHRASE")))
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(sum[:])
}

func signFromEncodedEnv(sub string) (string, error) {
	k, err := base64.StdEncoding.DecodeString(os.Getenv("REPORT_KEY_B64"))
	if err != nil {
		return "", err
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(k)
}

// Negative: a hash of the token's own subject is not key material from
// the source (and not a key jwtvet can see at all).
func signPerSubject(sub string) (string, error) {
	sum := sha256.Sum256([]byte(sub))
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(sum[:])
}

var _ = []any{signSession, signTenant, signReport, verifyKey, signFromEnv, signFromEncodedEnv, signPerSubject}
