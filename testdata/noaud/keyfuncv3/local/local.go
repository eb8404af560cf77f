// Package local hands a constructor a keyfunc over the program's own key
// set, given as JSON: not reported.
package local

import (
	"encoding/json"

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
	_, err := jwt.Parse(raw, m.kf.Keyfunc, jwt.WithExpirationRequired())
	return err
}

// Setup loads the program's own public keys.
func Setup(set json.RawMessage) (*Middleware, error) {
	kf, err := keyfunc.NewJWKSetJSON(set)
	if err != nil {
		return nil, err
	}
	return NewMiddleware(kf), nil
}
