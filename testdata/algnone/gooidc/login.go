// Package gooidc lists the algorithms a coreos/go-oidc verifier accepts:
// "none" among them (reported; go-jose never verifies none, the list shows
// intent) and a list without it.
package gooidc

import "github.com/coreos/go-oidc/v3/oidc"

// Verifier accepts RS256 and, by mistake, none.
func Verifier(p *oidc.Provider, clientID string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: clientID, SupportedSigningAlgs: []string{oidc.RS256, "none"}}) // want `none`
}

// Pinned accepts RS256 only: not reported.
func Pinned(p *oidc.Provider, clientID string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: clientID, SupportedSigningAlgs: []string{oidc.RS256}})
}
