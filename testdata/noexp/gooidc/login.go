// Package gooidc configures coreos/go-oidc verifiers: one that skips the
// expiry check (reported), one in a test file (not reported), and one that
// keeps it.
package gooidc

import (
	"context"

	"github.com/coreos/go-oidc/v3/oidc"
)

// Verifier returns the login flow's ID token verifier.
func Verifier(ctx context.Context, issuer, clientID string) (*oidc.IDTokenVerifier, error) {
	p, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		return nil, err
	}
	return p.Verifier(&oidc.Config{ClientID: clientID, SkipExpiryCheck: true}), nil // want `oidc.Config\{SkipExpiryCheck: true\} switches off`
}

// Checked keeps the expiry check: not reported.
func Checked(p *oidc.Provider, clientID string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: clientID})
}
