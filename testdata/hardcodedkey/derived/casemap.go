package derived

// Trimming and case mapping keep a key's origin: the result of a literal
// is as fixed as the literal, the result of an environment value is
// configured at run time (the negative).

import (
	"bytes"
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

func signLowered(sub string) (string, error) {
	key := strings.ToLower("Partner-Callback-Signing-Key-0123456789")
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString([]byte(key)) // want `hardcoded JWT signing key: .* signs with a string literal \(casemap.go:16\)`
}

func signTrimmedBytes(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(bytes.TrimSpace([]byte(" report-signing-key-0123456789abcdef "))) // want `hardcoded JWT signing key: .* signs with a string literal \(casemap.go:21\)`
}

// Negative: the environment value, upper-cased.
func signUpperEnv(sub string) (string, error) {
	key := strings.ToUpper(os.Getenv("UPPER_JWT_SECRET"))
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString([]byte(key))
}
