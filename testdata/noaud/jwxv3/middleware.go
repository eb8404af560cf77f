// Package jwxv3 verifies tokens with keys from a jwx v3 jwk.Cache and
// jwk.Fetch: jwt.Parse without jwt.WithAudience (reported), with it, and
// with the audience checked by a later jwt.Validate (not reported), and a
// raw JWS verified with the same keys (not reported).
package jwxv3

import (
	"context"
	"errors"
	"slices"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

// Auth holds the provider's cached key set.
type Auth struct {
	cache    *jwk.Cache
	jwksURL  string
	audience string
}

// New registers the provider's JWKS URL in a cache.
func New(ctx context.Context, url, audience string) (*Auth, error) {
	c, err := jwk.NewCache(ctx, nil)
	if err != nil {
		return nil, err
	}
	if err := c.Register(ctx, url); err != nil {
		return nil, err
	}
	return &Auth{cache: c, jwksURL: url, audience: audience}, nil
}

// Token verifies with the cached set and checks no audience.
func (a *Auth) Token(ctx context.Context, raw []byte) (jwt.Token, error) {
	set, err := a.cache.Lookup(ctx, a.jwksURL)
	if err != nil {
		return nil, err
	}
	return jwt.Parse(raw, jwt.WithKeySet(set), jwt.WithValidate(true)) // want `jwt.Parse accepts tokens issued for any audience, and its keys come from a remote key set \(jwk.NewCache at middleware.go:\d+\)`
}

// Checked adds the audience: not reported.
func (a *Auth) Checked(ctx context.Context, raw []byte) (jwt.Token, error) {
	set, err := a.cache.Lookup(ctx, a.jwksURL)
	if err != nil {
		return nil, err
	}
	return jwt.Parse(raw, jwt.WithKeySet(set), jwt.WithAudience(a.audience))
}

// Validated checks the audience in a separate validation: not reported.
func (a *Auth) Validated(ctx context.Context, raw []byte) (jwt.Token, error) {
	set, err := jwk.Fetch(ctx, a.jwksURL)
	if err != nil {
		return nil, err
	}
	tok, err := jwt.Parse(raw, jwt.WithKeySet(set), jwt.WithValidate(false))
	if err != nil {
		return nil, err
	}
	if err := jwt.Validate(tok, jwt.WithAudience(a.audience)); err != nil {
		return nil, err
	}
	return tok, nil
}

// Fetched verifies with a key set fetched on each call and compares the
// audience by hand: not reported.
func Fetched(ctx context.Context, url, audience string, raw []byte) (jwt.Token, error) {
	set, err := jwk.Fetch(ctx, url)
	if err != nil {
		return nil, err
	}
	tok, err := jwt.Parse(raw, jwt.WithKeySet(set))
	if err != nil {
		return nil, err
	}
	aud, _ := tok.Audience()
	if !slices.Contains(aud, audience) {
		return nil, errors.New("wrong audience")
	}
	return tok, nil
}

// Own verifies with the program's own key: not reported.
func Own(raw []byte, key []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.HS256(), key))
}

// Webhook verifies a signed payload, not a token, with the provider's
// keys: it has no audience, and is not reported.
func (a *Auth) Webhook(ctx context.Context, body []byte) ([]byte, error) {
	set, err := a.cache.Lookup(ctx, a.jwksURL)
	if err != nil {
		return nil, err
	}
	return jws.Verify(body, jws.WithKeySet(set))
}
