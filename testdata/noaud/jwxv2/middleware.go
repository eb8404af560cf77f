// Package jwxv2 verifies tokens with a jwx v2 jwk.Fetch key set: the
// Zitadel external-IdP shape, where the issuer is checked and the audience
// never is (reported), next to a parse that checks it.
package jwxv2

import (
	"context"

	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

// IdentityProvider is an external provider whose tokens the service
// accepts.
type IdentityProvider struct {
	Issuer  string
	KeysURL string
}

// VerifyExternal checks signature and issuer.
func (p *IdentityProvider) VerifyExternal(ctx context.Context, raw string) (jwt.Token, error) {
	set, err := jwk.Fetch(ctx, p.KeysURL)
	if err != nil {
		return nil, err
	}
	return jwt.ParseString(raw, jwt.WithKeySet(set), jwt.WithIssuer(p.Issuer)) // want `jwt.ParseString accepts tokens issued for any audience, and its keys come from a remote key set \(jwk.Fetch at middleware.go:\d+\)`
}

// VerifyFor checks the audience too: not reported.
func (p *IdentityProvider) VerifyFor(ctx context.Context, raw, clientID string) (jwt.Token, error) {
	set, err := jwk.Fetch(ctx, p.KeysURL)
	if err != nil {
		return nil, err
	}
	return jwt.ParseString(raw, jwt.WithKeySet(set), jwt.WithIssuer(p.Issuer), jwt.WithAudience(clientID))
}
