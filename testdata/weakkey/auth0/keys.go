// Package auth0 exercises weakkey on auth0 go-jwt-middleware: the key a
// validator.New keyfunc returns, checked against the validator's
// algorithm; and the negatives.
package auth0

import (
	"context"

	"github.com/auth0/go-jwt-middleware/v2/validator"
)

func Validator() (*validator.Validator, error) {
	return validator.New(func(context.Context) (interface{}, error) {
		return []byte("forty-byte-secret-fine-for-hs256-only!!!"), nil // want `short HS512 key: keyfunc of validator.New uses a string literal \(keys.go:\d+\), 40 bytes long; HS512 needs at least 64`
	}, validator.HS512, "https://issuer.example.com/", []string{"api"})
}

// Negatives.

func ValidatorHS256() (*validator.Validator, error) {
	return validator.New(func(context.Context) (interface{}, error) {
		return []byte("forty-byte-secret-fine-for-hs256-only!!!"), nil
	}, validator.HS256, "https://issuer.example.com/", []string{"api"})
}
