// Package auth0 protects an API with auth0/go-jwt-middleware v2. It
// exercises hardcodedkey on the keyfunc given to validator.New (whose
// signature is func(context.Context) (interface{}, error)), as a literal
// and as a declared function, and the negatives: a key from the
// environment and a JWKS provider.
package auth0

import (
	"context"
	"net/http"
	"os"

	jwtmiddleware "github.com/auth0/go-jwt-middleware/v2"
	"github.com/auth0/go-jwt-middleware/v2/validator"
)

const apiSecret = "auth0-api-hs256-signing-secret-val"

// Middleware checks tokens issued for this API.
func Middleware(next http.Handler) (http.Handler, error) {
	keyFunc := func(ctx context.Context) (interface{}, error) {
		return []byte(apiSecret), nil // want `hardcoded JWT verification key: keyfunc of validator.New returns const apiSecret`
	}
	v, err := validator.New(keyFunc, validator.HS256, "https://issuer.example.com/", []string{"api"})
	if err != nil {
		return nil, err
	}
	return jwtmiddleware.New(v.ValidateToken).CheckJWT(next), nil
}

func legacyKey(context.Context) (interface{}, error) {
	return []byte("auth0-legacy-hs512-key-in-the-code"), nil // want `hardcoded JWT verification key: keyfunc of validator.New returns a string literal`
}

// Legacy checks tokens of the old issuer.
func Legacy() (*validator.Validator, error) {
	return validator.New(legacyKey, validator.HS512, "https://old.example.com/", []string{"api"})
}

// Negatives.

func FromEnv() (*validator.Validator, error) {
	secret := []byte(os.Getenv("AUTH0_API_SECRET"))
	return validator.New(func(context.Context) (interface{}, error) { return secret, nil }, validator.HS256, "https://issuer.example.com/", []string{"api"})
}

type provider interface {
	KeyFunc(ctx context.Context) (interface{}, error)
}

func JWKS(p provider) (*validator.Validator, error) {
	return validator.New(p.KeyFunc, validator.RS256, "https://issuer.example.com/", []string{"api"})
}
