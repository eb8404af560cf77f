// Package auth0 uses the auth0 go-jwt-middleware validator. It exercises
// sharedkey on a keyfunc secret whose environment lookup falls back to a
// constant (reported at the constant) and on a secret without fallback
// (silent). One validator checks one kind of token, so token kinds do not
// apply.
package auth0

import (
	"context"
	"os"

	"github.com/auth0/go-jwt-middleware/v2/validator"
)

func secret() []byte {
	s := os.Getenv("API_SECRET")
	if s == "" {
		s = "local-development-api-secret-value" // want `jwt verification key returned by keyfunc of validator.New falls back to a string literal \(api.go:\d+\) when environment variable API_SECRET is unset`
	}
	return []byte(s)
}

func apiValidator() (*validator.Validator, error) {
	return validator.New(func(context.Context) (interface{}, error) { return secret(), nil }, validator.HS256, "https://issuer.example.com/", []string{"api"})
}

// Negatives.

var key = []byte(os.Getenv("API_SECRET"))

func strictValidator() (*validator.Validator, error) {
	return validator.New(func(context.Context) (interface{}, error) { return key, nil }, validator.HS256, "https://issuer.example.com/", []string{"api"})
}
