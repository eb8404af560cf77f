// Package wired hands the provider's keyfunc to a constructor: the
// middleware's keys are the arguments of its constructor's calls in the
// package (reported: no audience).
package wired

import (
	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"
)

// Middleware checks bearer tokens.
type Middleware struct {
	kf keyfunc.Keyfunc
}

// NewMiddleware keeps the keyfunc it is given.
func NewMiddleware(kf keyfunc.Keyfunc) *Middleware { return &Middleware{kf: kf} }

// Check parses a token.
func (m *Middleware) Check(raw string) error {
	_, err := jwt.Parse(raw, m.kf.Keyfunc, jwt.WithExpirationRequired()) // want `jwt.Parse accepts tokens issued for any audience, and its keys come from a remote key set \(keyfunc.NewDefault at wired.go:\d+\)`
	return err
}

// Setup fetches the provider's keys.
func Setup(url string) (*Middleware, error) {
	kf, err := keyfunc.NewDefault([]string{url})
	if err != nil {
		return nil, err
	}
	return NewMiddleware(kf), nil
}
