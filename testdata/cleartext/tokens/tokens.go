// Package tokens mints tokens for package web: an exported function and an
// exported struct field hold them, so facts carry them across packages.
package tokens

import (
	"os"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

var key = []byte(os.Getenv("TOKEN_KEY"))

// Pair is what a login returns.
type Pair struct {
	Access string // want Access:`token\(field, jwt.Sign\)`
	Kind   string
}

// Issue mints an access token.
func Issue(sub string) ([]byte, error) { // want Issue:`token\(results \[0\], jwt.Sign\)`
	tok, err := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(time.Hour)).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256(), key))
}

// NewPair wraps Issue.
func NewPair(sub string) (*Pair, error) {
	b, err := Issue(sub)
	if err != nil {
		return nil, err
	}
	return &Pair{Access: string(b), Kind: "Bearer"}, nil
}
