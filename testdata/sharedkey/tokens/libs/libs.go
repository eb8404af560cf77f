// Package libs signs with go-jose and jwx. Exercises: key sinks of other // want package:`keyuses\(.*\)`
// libraries (a jwx key option, a go-jose SigningKey config) in token-kind
// conflicts, kinds from the minting function's name, and a same-package
// helper of another shape (firstNonEmpty) whose fallback reaches a key.
package libs

import (
	"os"
	"time"

	"github.com/go-jose/go-jose/v4"
	josejwt "github.com/go-jose/go-jose/v4/jwt"
	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

var key = []byte(os.Getenv("JWX_KEY"))

// IssueAccessToken signs with the jwx key.
func IssueAccessToken(sub string) ([]byte, error) {
	tok, err := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(time.Minute)).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256(), key))
}

// IssueRefreshToken signs with the same key.
func IssueRefreshToken(sub string) ([]byte, error) {
	tok, err := jwt.NewBuilder().Subject(sub).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256(), key)) // want `jwt key var key is used for refresh tokens by jwt.WithKey and for access tokens at libs.go:\d+`
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

var joseKey = []byte(firstNonEmpty(os.Getenv("JOSE_KEY"), "jose-fallback-key-material")) // want `jwt key of jose.SigningKey.Key falls back to a string literal \(libs.go:\d+\) when environment variable JOSE_KEY is unset \(firstNonEmpty\)`

// NewAccessToken signs with go-jose.
func NewAccessToken(sub string) (string, error) {
	sig, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: joseKey}, nil)
	if err != nil {
		return "", err
	}
	return josejwt.Signed(sig).Claims(josejwt.Claims{Subject: sub}).Serialize()
}

// NewRefreshToken signs with the same key.
func NewRefreshToken(sub string) (string, error) {
	sig, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: joseKey}, nil) // want `jwt key var joseKey is used for refresh tokens by jose.SigningKey.Key and for access tokens at libs.go:\d+`
	if err != nil {
		return "", err
	}
	return josejwt.Signed(sig).Claims(josejwt.Claims{Subject: sub}).Serialize()
}
