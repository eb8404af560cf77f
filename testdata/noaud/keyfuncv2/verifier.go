// Package keyfuncv2 verifies tokens with MicahParks/keyfunc v2 and
// golang-jwt v5: a parse with no audience (reported, fixed with the one
// audience setting in scope) and one that checks it.
package keyfuncv2

import (
	"github.com/MicahParks/keyfunc/v2"
	"github.com/golang-jwt/jwt/v5"
)

var jwks *keyfunc.JWKS

// Init fetches the provider's key set.
func Init(url string) error {
	var err error
	jwks, err = keyfunc.Get(url, keyfunc.Options{})
	return err
}

// Parse has the audience in scope and does not check it.
func Parse(raw, audience string) (*jwt.Token, error) {
	return jwt.Parse(raw, jwks.Keyfunc) // want `jwt.Parse accepts tokens issued for any audience, and its keys come from a remote key set \(keyfunc.Get at verifier.go:\d+\)`
}

// ParseChecked checks it: not reported.
func ParseChecked(raw, audience string) (*jwt.Token, error) {
	return jwt.Parse(raw, jwks.Keyfunc, jwt.WithAudience(audience))
}

// Own verifies tokens the program signed with its own key: not reported.
func Own(raw string, key []byte) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil }, jwt.WithValidMethods([]string{"HS256"}))
}
