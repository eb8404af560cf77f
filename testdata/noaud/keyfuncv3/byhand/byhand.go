// Package byhand checks the audience of provider tokens by hand: after the
// parse in the same function, and in the caller of a helper that returns
// the claims (neither reported), next to a helper whose claims nobody
// checks in a package that checks other claims (reported).
package byhand

import (
	"errors"
	"slices"

	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"
)

// Gate checks tokens for one API.
type Gate struct {
	jwks     keyfunc.Keyfunc
	audience string
}

// Open fetches the provider's keys.
func Open(url, audience string) (*Gate, error) {
	k, err := keyfunc.NewDefault([]string{url})
	if err != nil {
		return nil, err
	}
	return &Gate{jwks: k, audience: audience}, nil
}

// Check compares the audience after the parse.
func (g *Gate) Check(raw string) error {
	claims := &jwt.RegisteredClaims{}
	if _, err := jwt.ParseWithClaims(raw, claims, g.jwks.Keyfunc, jwt.WithExpirationRequired()); err != nil {
		return err
	}
	if !slices.Contains(claims.Audience, g.audience) {
		return errors.New("token not issued for this API")
	}
	return nil
}

// parse returns the claims; Subject checks their audience.
func (g *Gate) parse(raw string) (*jwt.RegisteredClaims, error) {
	claims := &jwt.RegisteredClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, g.jwks.Keyfunc, jwt.WithExpirationRequired())
	return claims, err
}

// Subject checks the audience of the claims parse returns.
func (g *Gate) Subject(raw string) (string, error) {
	claims, err := g.parse(raw)
	if err != nil {
		return "", err
	}
	for _, aud := range claims.Audience {
		if aud == g.audience {
			return claims.Subject, nil
		}
	}
	return "", errors.New("token not issued for this API")
}

// Scopes reads a map of claims whose audience nothing checks.
func (g *Gate) Scopes(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, g.jwks.Keyfunc, jwt.WithExpirationRequired()) // want `jwt.ParseWithClaims accepts tokens issued for any audience`
	return claims, err
}

// Optional compares the audience only when one is configured.
func (g *Gate) Optional(raw string) error {
	claims := &jwt.RegisteredClaims{}
	if _, err := jwt.ParseWithClaims(raw, claims, g.jwks.Keyfunc, jwt.WithExpirationRequired()); err != nil { // want `jwt.ParseWithClaims's audience is compared only when g.audience is set`
		return err
	}
	if g.audience != "" && !slices.Contains(claims.Audience, g.audience) {
		return errors.New("token not issued for this API")
	}
	return nil
}

// Nested compares it inside a block that runs only when it is configured.
func (g *Gate) Nested(raw string) error {
	claims := &jwt.RegisteredClaims{}
	if _, err := jwt.ParseWithClaims(raw, claims, g.jwks.Keyfunc, jwt.WithExpirationRequired()); err != nil { // want `jwt.ParseWithClaims's audience is compared only when g.audience is set`
		return err
	}
	if len(g.audience) > 0 {
		if !slices.Contains(claims.Audience, g.audience) {
			return errors.New("token not issued for this API")
		}
	}
	return nil
}

// Strict refuses to run unconfigured, then always compares: not reported.
func (g *Gate) Strict(raw string) error {
	if g.audience == "" {
		return errors.New("audience not configured")
	}
	claims := &jwt.RegisteredClaims{}
	if _, err := jwt.ParseWithClaims(raw, claims, g.jwks.Keyfunc, jwt.WithExpirationRequired()); err != nil {
		return err
	}
	if !slices.Contains(claims.Audience, g.audience) {
		return errors.New("token not issued for this API")
	}
	return nil
}
