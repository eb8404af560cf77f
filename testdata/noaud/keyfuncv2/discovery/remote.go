// Package discovery keeps a keyfunc v2 key set in a field of an
// authenticator, filled by a loader reached through a function variable,
// and adds the audience option to a slice of parser options only when the
// audience setting is not blank.
package discovery

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/MicahParks/keyfunc/v2"
	"github.com/golang-jwt/jwt/v5"
)

// Authenticator verifies bearer tokens against an issuer's JWKS.
type Authenticator struct {
	Issuer   string
	Audience string
	KeysURL  string
	Keys     *keyfunc.JWKS
}

// loadKeys is swapped out by tests.
var loadKeys = load

// New builds an authenticator and fetches its keys.
func New(issuer, audience, keysURL string) (*Authenticator, error) {
	a := &Authenticator{Issuer: issuer, Audience: audience, KeysURL: keysURL}
	if err := loadKeys(a); err != nil {
		return nil, err
	}
	return a, nil
}

func load(a *Authenticator) error {
	set, err := a.fetch()
	if err != nil {
		return err
	}
	a.Keys = set
	return nil
}

func (a *Authenticator) fetch() (*keyfunc.JWKS, error) {
	return keyfunc.Get(a.KeysURL, keyfunc.Options{RefreshInterval: time.Hour})
}

// Check adds the audience option only when the setting is not blank.
func (a *Authenticator) Check(raw string) (jwt.MapClaims, error) {
	opts := []jwt.ParserOption{
		jwt.WithValidMethods([]string{"RS256"}),
		jwt.WithExpirationRequired(),
	}
	if strings.TrimSpace(a.Audience) != "" { // want `jwt.WithAudience is added to \(\*jwt.Parser\).Parse only when a.Audience is set`
		opts = append(opts, jwt.WithAudience(a.Audience))
	}
	p := jwt.NewParser(opts...)
	tok, err := p.Parse(raw, func(t *jwt.Token) (any, error) {
		return a.Keys.Keyfunc(t)
	})
	if err != nil || !tok.Valid {
		return nil, errors.New("invalid token")
	}
	claims, _ := tok.Claims.(jwt.MapClaims)
	return claims, nil
}

// CheckAlways appends the audience option unconditionally: not reported.
func (a *Authenticator) CheckAlways(raw string) (jwt.MapClaims, error) {
	opts := []jwt.ParserOption{
		jwt.WithValidMethods([]string{"RS256"}),
		jwt.WithExpirationRequired(),
	}
	opts = append(opts, jwt.WithAudience(a.Audience))
	p := jwt.NewParser(opts...)
	tok, err := p.Parse(raw, func(t *jwt.Token) (any, error) {
		return a.Keys.Keyfunc(t)
	})
	if err != nil || !tok.Valid {
		return nil, errors.New("invalid token")
	}
	claims, _ := tok.Claims.(jwt.MapClaims)
	return claims, nil
}

// CheckRequired refuses a blank audience setting, then always checks it:
// not reported.
func (a *Authenticator) CheckRequired(raw string) (jwt.MapClaims, error) {
	if strings.TrimSpace(a.Audience) == "" {
		return nil, errors.New("audience not configured")
	}
	opts := []jwt.ParserOption{jwt.WithExpirationRequired()}
	opts = append(opts, jwt.WithAudience(a.Audience))
	tok, err := jwt.NewParser(opts...).Parse(raw, a.Keys.Keyfunc)
	if err != nil || !tok.Valid {
		return nil, errors.New("invalid token")
	}
	claims, _ := tok.Claims.(jwt.MapClaims)
	return claims, nil
}

// CompareBlank compares the audience claim by hand, and only when the
// trimmed setting is not blank.
func (a *Authenticator) CompareBlank(raw string) error {
	claims := &jwt.RegisteredClaims{}
	if _, err := jwt.ParseWithClaims(raw, claims, a.Keys.Keyfunc, jwt.WithExpirationRequired()); err != nil { // want `jwt.ParseWithClaims's audience is compared only when a.Audience is set`
		return err
	}
	if len(strings.TrimSpace(a.Audience)) > 0 && !slices.Contains(claims.Audience, a.Audience) {
		return errors.New("token not issued for this service")
	}
	return nil
}

// CompareAlways compares it whatever the setting: not reported.
func (a *Authenticator) CompareAlways(raw string) error {
	claims := &jwt.RegisteredClaims{}
	if _, err := jwt.ParseWithClaims(raw, claims, a.Keys.Keyfunc, jwt.WithExpirationRequired()); err != nil {
		return err
	}
	if !slices.Contains(claims.Audience, strings.TrimSpace(a.Audience)) {
		return errors.New("token not issued for this service")
	}
	return nil
}
