// Package auth0dep builds the expected claims of auth0's validator, which
// itself depends on gopkg.in/go-jose/go-jose.v2: the import is reported,
// but rewriting it would break the types shared with the middleware, so no
// fix.
package auth0dep

import (
	"context"
	"os"

	"github.com/auth0/go-jwt-middleware/v2/validator"
	"gopkg.in/go-jose/go-jose.v2/jwt" // want `gopkg.in/go-jose/go-jose.v2 is obsolete \(go-jose v2 is no longer maintained\); use github.com/go-jose/go-jose/v4: go get github.com/go-jose/go-jose/v4`
)

var leeway = jwt.DefaultLeeway

func New() (*validator.Validator, error) {
	key := []byte(os.Getenv("AUTH0_SECRET"))
	return validator.New(func(context.Context) (interface{}, error) { return key, nil },
		validator.HS256, "https://issuer.example.com/", []string{"api"}, validator.WithAllowedClockSkew(leeway))
}
