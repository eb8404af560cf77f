// Package keyfuncv3 verifies access tokens of an identity provider with
// MicahParks/keyfunc v3 and golang-jwt v5: parses without an audience
// option (reported, fixed with the configured audience), the audience
// option added only when the setting is set (reported, the OpenFGA shape),
// and correct look-alikes. Audience checks by hand are in package byhand.
package keyfuncv3

import (
	"context"
	"errors"

	"github.com/MicahParks/jwkset"
	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"
)

// Config is the service's identity-provider settings.
type Config struct {
	JWKSURL  string
	Issuer   string
	Audience string
}

// Verifier checks bearer tokens.
type Verifier struct {
	cfg  Config
	jwks keyfunc.Keyfunc
}

// NewVerifier fetches the provider's key set.
func NewVerifier(cfg Config) (*Verifier, error) {
	k, err := keyfunc.NewDefault([]string{cfg.JWKSURL})
	if err != nil {
		return nil, err
	}
	return &Verifier{cfg: cfg, jwks: k}, nil
}

// Subject checks the signature, the issuer and the expiry, never the
// audience.
func (v *Verifier) Subject(raw string) (string, error) {
	tok, err := jwt.Parse(raw, v.jwks.Keyfunc, jwt.WithIssuer(v.cfg.Issuer), jwt.WithExpirationRequired()) // want `jwt.Parse accepts tokens issued for any audience, and its keys come from a remote key set \(keyfunc.NewDefault at verifier.go:\d+\)`
	if err != nil {
		return "", err
	}
	return tok.Claims.GetSubject()
}

// Checked passes the audience: not reported.
func (v *Verifier) Checked(raw string) (string, error) {
	tok, err := jwt.Parse(raw, v.jwks.Keyfunc, jwt.WithIssuer(v.cfg.Issuer), jwt.WithAudience(v.cfg.Audience), jwt.WithExpirationRequired())
	if err != nil {
		return "", err
	}
	return tok.Claims.GetSubject()
}

// Wrapped hands the key set's keyfunc through a literal of its own.
func (v *Verifier) Wrapped(ctx context.Context, raw string) (*jwt.RegisteredClaims, error) {
	claims := &jwt.RegisteredClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) { // want `jwt.ParseWithClaims accepts tokens issued for any audience`
		return v.jwks.KeyfuncCtx(ctx)(t)
	}, jwt.WithExpirationRequired())
	return claims, err
}

// Authenticate adds the audience option only when it is configured, so a
// deployment that leaves it unset accepts tokens for every application
// of the provider.
func (v *Verifier) Authenticate(raw string) (*jwt.RegisteredClaims, error) {
	opts := []jwt.ParserOption{jwt.WithIssuer(v.cfg.Issuer), jwt.WithExpirationRequired()}
	if v.cfg.Audience != "" { // want `jwt.WithAudience is added to jwt.ParseWithClaims only when v.cfg.Audience is set`
		opts = append(opts, jwt.WithAudience(v.cfg.Audience))
	}
	claims := &jwt.RegisteredClaims{}
	if _, err := jwt.ParseWithClaims(raw, claims, v.jwks.Keyfunc, opts...); err != nil {
		return nil, err
	}
	return claims, nil
}

// Required refuses to run without an audience and always checks it: not
// reported.
func (v *Verifier) Required(raw string) (*jwt.RegisteredClaims, error) {
	if v.cfg.Audience == "" {
		return nil, errors.New("audience not configured")
	}
	opts := []jwt.ParserOption{jwt.WithIssuer(v.cfg.Issuer), jwt.WithExpirationRequired()}
	opts = append(opts, jwt.WithAudience(v.cfg.Audience))
	claims := &jwt.RegisteredClaims{}
	if _, err := jwt.ParseWithClaims(raw, claims, v.jwks.Keyfunc, opts...); err != nil {
		return nil, err
	}
	return claims, nil
}

// fromStorage builds the keyfunc over an HTTP storage of its own.
func fromStorage(url string) (keyfunc.Keyfunc, error) {
	storage, err := jwkset.NewDefaultHTTPClient([]string{url})
	if err != nil {
		return nil, err
	}
	return keyfunc.New(keyfunc.Options{Storage: storage})
}

// Storage parses with a parser built once; the parser has no audience.
func Storage(url, raw string) (jwt.MapClaims, error) {
	k, err := fromStorage(url)
	if err != nil {
		return nil, err
	}
	p := jwt.NewParser(jwt.WithExpirationRequired())
	claims := jwt.MapClaims{}
	_, err = p.ParseWithClaims(raw, claims, k.Keyfunc) // want `\(\*jwt.Parser\).ParseWithClaims accepts tokens issued for any audience, and its keys come from a remote key set \(jwkset.NewDefaultHTTPClient`
	return claims, err
}

// Local verifies with keys the program holds: not reported.
func Local(raw string, set jwkset.Storage) (jwt.MapClaims, error) {
	k, err := keyfunc.New(keyfunc.Options{Storage: set})
	if err != nil {
		return nil, err
	}
	claims := jwt.MapClaims{}
	_, err = jwt.ParseWithClaims(raw, claims, k.Keyfunc, jwt.WithExpirationRequired())
	return claims, err
}
