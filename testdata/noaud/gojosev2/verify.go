// Package gojosev2 verifies tokens with gopkg.in/go-jose/go-jose.v2 and
// the key set an auth0 JWKS provider fetches (a *jose.JSONWebKeySet of that
// module): expectations that name the issuer and no audience (reported,
// fixed with the configured audience), and ones that name it.
package gojosev2

import (
	"context"
	"errors"
	"net/url"

	"github.com/auth0/go-jwt-middleware/v2/jwks"
	jose "gopkg.in/go-jose/go-jose.v2"
	"gopkg.in/go-jose/go-jose.v2/jwt"
)

// Settings configure the provider.
type Settings struct {
	Issuer   *url.URL
	Audience string
}

// Verifier verifies tokens of one provider.
type Verifier struct {
	settings Settings
	keys     *jwks.CachingProvider
}

// NewVerifier builds the key provider.
func NewVerifier(s Settings) *Verifier {
	return &Verifier{settings: s, keys: jwks.NewCachingProvider(s.Issuer, 0)}
}

func (v *Verifier) keySet(ctx context.Context) (*jose.JSONWebKeySet, error) {
	k, err := v.keys.KeyFunc(ctx)
	if err != nil {
		return nil, err
	}
	set, ok := k.(*jose.JSONWebKeySet)
	if !ok {
		return nil, errors.New("no key set")
	}
	return set, nil
}

// Subject checks signature, issuer and expiry.
func (v *Verifier) Subject(ctx context.Context, raw string) (string, error) {
	set, err := v.keySet(ctx)
	if err != nil {
		return "", err
	}
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return "", err
	}
	var claims jwt.Claims
	if err := tok.Claims(set, &claims); err != nil {
		return "", err
	}
	if err := claims.Validate(jwt.Expected{Issuer: v.settings.Issuer.String()}); err != nil { // want `\(\*jwt.Claims\).Validate's jwt.Expected names no audience, and \(\*jwt.JSONWebToken\).Claims verified the token with keys from a remote key set \(jwks.NewCachingProvider at verify.go:\d+\)`
		return "", err
	}
	return claims.Subject, nil
}

// Checked names the audience: not reported.
func (v *Verifier) Checked(ctx context.Context, raw string) (string, error) {
	set, err := v.keySet(ctx)
	if err != nil {
		return "", err
	}
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return "", err
	}
	var claims jwt.Claims
	if err := tok.Claims(set, &claims); err != nil {
		return "", err
	}
	if err := claims.Validate(jwt.Expected{Issuer: v.settings.Issuer.String(), Audience: jwt.Audience{v.settings.Audience}}); err != nil {
		return "", err
	}
	return claims.Subject, nil
}
