// Package auth0 builds auth0 go-jwt-middleware validators over the
// issuer's JWKS: with no audience (reported) and with the API's audience.
package auth0

import (
	"net/url"
	"time"

	"github.com/auth0/go-jwt-middleware/v2/jwks"
	"github.com/auth0/go-jwt-middleware/v2/validator"
)

// NoAudience accepts tokens of every API of the tenant.
func NoAudience(issuer *url.URL) (*validator.Validator, error) {
	provider := jwks.NewCachingProvider(issuer, 5*time.Minute)
	return validator.New(provider.KeyFunc, validator.RS256, issuer.String(), []string{}) // want `validator.New is given no audience, and its keys come from a remote key set \(jwks.NewCachingProvider at api.go:\d+\)`
}

// WithAudience checks the API's audience: not reported.
func WithAudience(issuer *url.URL, audience string) (*validator.Validator, error) {
	provider := jwks.NewProvider(issuer)
	return validator.New(provider.KeyFunc, validator.RS256, issuer.String(), []string{audience})
}

// FromProvider is handed the tenant's key provider by its caller: the
// provider's type says its keys are the issuer's JWKS.
func FromProvider(p *jwks.CachingProvider, issuer string) (*validator.Validator, error) {
	return validator.New(p.KeyFunc, validator.RS256, issuer, nil) // want `validator.New is given no audience, and its keys come from a remote key set \(a value of type jwks.CachingProvider\)`
}
