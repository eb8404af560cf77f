// Package gooidc verifies ID tokens with coreos/go-oidc: SkipClientIDCheck
// with no audience comparison after Verify (reported), the same switch
// followed by a membership check of the token's audience (the oxia shape,
// not reported), the switch turned on whenever the client ID is empty
// (reported), and the client ID checked by the library.
package gooidc

import (
	"context"
	"errors"
	"net/http"
	"slices"

	"github.com/coreos/go-oidc/v3/oidc"
)

// Provider wraps an OIDC provider.
type Provider struct {
	verifier *oidc.IDTokenVerifier
	clientID string
}

// NewProvider discovers the issuer and skips the client ID check.
func NewProvider(ctx context.Context, issuer, clientID string) (*Provider, error) {
	p, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		return nil, err
	}
	return &Provider{verifier: p.Verifier(&oidc.Config{SkipClientIDCheck: true}), clientID: clientID}, nil
}

// Authenticate compares the audience after Verify: the switch is safe.
func (p *Provider) Authenticate(ctx context.Context, raw string) (string, error) {
	tok, err := p.verifier.Verify(ctx, raw)
	if err != nil {
		return "", err
	}
	if !slices.Contains(tok.Audience, p.clientID) {
		return "", errors.New("token not issued for this client")
	}
	return tok.Subject, nil
}

// Session verifies ID tokens of a login flow and never compares the
// audience.
type Session struct {
	verifier *oidc.IDTokenVerifier
}

// NewSession builds the session verifier.
func NewSession(ctx context.Context, issuer string) (*Session, error) {
	p, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		return nil, err
	}
	cfg := &oidc.Config{SkipClientIDCheck: true} // want `oidc.Config\{SkipClientIDCheck: true\} switches off the audience check of \(\*oidc.Provider\).Verifier, whose keys come from a remote key set`
	return &Session{verifier: p.Verifier(cfg)}, nil
}

// Callback handles the login redirect.
func (s *Session) Callback(w http.ResponseWriter, r *http.Request) {
	tok, err := s.verifier.Verify(r.Context(), r.URL.Query().Get("id_token"))
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.Write([]byte(tok.Subject))
}

// Optional switches the check off whenever no client ID is configured.
func Optional(ctx context.Context, issuer, jwksURL, clientID string) *oidc.IDTokenVerifier {
	keys := oidc.NewRemoteKeySet(ctx, jwksURL)
	return oidc.NewVerifier(issuer, keys, &oidc.Config{ClientID: clientID, SkipClientIDCheck: clientID == ""}) // want `oidc.Config\{SkipClientIDCheck: clientID == ""\} switches off the audience check of oidc.NewVerifier`
}

// Checked lets the library compare the audience with the client ID: not
// reported.
func Checked(ctx context.Context, issuer, clientID string) (*oidc.IDTokenVerifier, error) {
	p, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		return nil, err
	}
	return p.Verifier(&oidc.Config{ClientID: clientID}), nil
}

// Static verifies tokens signed with the program's own keys: not reported.
func Static(issuer string, keys *oidc.StaticKeySet) *oidc.IDTokenVerifier {
	return oidc.NewVerifier(issuer, keys, &oidc.Config{SkipClientIDCheck: true})
}

// Exported hands the verifier to another package, which may compare the
// audience after Verify: not reported.
func Exported(ctx context.Context, issuer string) (*oidc.IDTokenVerifier, error) {
	p, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		return nil, err
	}
	return p.Verifier(&oidc.Config{SkipClientIDCheck: true}), nil
}

// Handler verifies with a remote key set its caller made, and never
// compares the audience.
type Handler struct {
	verifier *oidc.IDTokenVerifier
}

// NewHandler builds the verifier over the given key set.
func NewHandler(issuer string, keys *oidc.RemoteKeySet) *Handler {
	return &Handler{verifier: oidc.NewVerifier(issuer, keys, &oidc.Config{SkipClientIDCheck: true})} // want `oidc.Config\{SkipClientIDCheck: true\} switches off the audience check of oidc.NewVerifier, whose keys come from a remote key set \(a value of type oidc.RemoteKeySet\)`
}

// Subject verifies a token.
func (h *Handler) Subject(ctx context.Context, raw string) (string, error) {
	tok, err := h.verifier.Verify(ctx, raw)
	if err != nil {
		return "", err
	}
	return tok.Subject, nil
}
