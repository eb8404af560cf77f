// Package jwxv1 verifies tokens of an external identity provider with a
// lestrrat-go/jwx v1 jwk.Fetch key set: a parse that checks the issuer and
// never the audience (reported), next to one that checks it.
package jwxv1

import (
	"context"

	"github.com/lestrrat-go/jwx/jwk"
	"github.com/lestrrat-go/jwx/jwt"
)

// Provider is an external provider whose tokens the service accepts.
type Provider struct {
	Issuer  string
	KeysURL string
}

// VerifyExternal checks signature, expiry and issuer.
func (p *Provider) VerifyExternal(ctx context.Context, raw string) (jwt.Token, error) {
	set, err := jwk.Fetch(ctx, p.KeysURL)
	if err != nil {
		return nil, err
	}
	return jwt.ParseString(raw, jwt.WithKeySet(set), jwt.WithValidate(true), jwt.WithIssuer(p.Issuer)) // want `jwt.ParseString accepts tokens issued for any audience, and its keys come from a remote key set \(jwk.Fetch at idp.go:\d+\)`
}

// VerifyFor checks the audience too: not reported.
func (p *Provider) VerifyFor(ctx context.Context, raw, clientID string) (jwt.Token, error) {
	set, err := jwk.Fetch(ctx, p.KeysURL)
	if err != nil {
		return nil, err
	}
	return jwt.ParseString(raw, jwt.WithKeySet(set), jwt.WithValidate(true), jwt.WithIssuer(p.Issuer), jwt.WithAudience(clientID))
}
