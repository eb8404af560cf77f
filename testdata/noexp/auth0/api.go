// Package auth0 configures the auth0 go-jwt-middleware validator. It
// exercises noexp on WithAllowedClockSkew of a day (reported) and of 30
// seconds (silent).
package auth0

import (
	"context"
	"os"
	"time"

	"github.com/auth0/go-jwt-middleware/v2/validator"
)

func key(context.Context) (interface{}, error) { return []byte(os.Getenv("API_SECRET")), nil }

func lenient() (*validator.Validator, error) {
	return validator.New(key, validator.HS256, "https://issuer.example.com/", []string{"api"}, validator.WithAllowedClockSkew(24*time.Hour)) // want `validator.WithAllowedClockSkew\(24h0m0s\) accepts tokens for 24h0m0s after they expire`
}

// Negatives.

func strict() (*validator.Validator, error) {
	return validator.New(key, validator.HS256, "https://issuer.example.com/", []string{"api"}, validator.WithAllowedClockSkew(30*time.Second))
}
