// Package gooidc configures coreos/go-oidc verifiers: one that skips the
// signature check (reported), one set up the same way in a test file (not
// reported), and ordinary verifiers.
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
	return p.Verifier(&oidc.Config{ClientID: clientID, InsecureSkipSignatureCheck: true}), nil // want `oidc.Config\{InsecureSkipSignatureCheck: true\} accepts tokens without checking their signature`
}

// Assigned switches the check off through a field assignment.
func Assigned(p *oidc.Provider, clientID string, debug bool) *oidc.IDTokenVerifier {
	cfg := &oidc.Config{ClientID: clientID}
	cfg.InsecureSkipSignatureCheck = true // want `cfg.InsecureSkipSignatureCheck = true accepts tokens without checking their signature`
	return p.Verifier(cfg)
}

// Checked verifies signatures: not reported.
func Checked(p *oidc.Provider, clientID string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: clientID, InsecureSkipSignatureCheck: false})
}
