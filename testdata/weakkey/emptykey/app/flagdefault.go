package app

import (
	"flag"

	"github.com/golang-jwt/jwt/v5"
)

// A flag with a non-empty default is empty only when the operator passes
// an empty value on purpose: not this rule's finding (the constant default
// is sharedkey's).
var devSecret = flag.String("dev-secret", "dev-default-secret-0123456789abcdef", "HMAC secret for dev tokens")

func DevToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString([]byte(*devSecret))
}
