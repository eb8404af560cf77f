// Package authsvc takes its signing key through a constructor, a
// functional option and a setter, keeps it in unexported fields and signs
// with them in methods. Its parameters are key sinks; the constants passed
// to them are judged at the calls, here and in other packages.
package authsvc

import (
	"github.com/golang-jwt/jwt/v5"
)

type Server struct {
	signingKey []byte
	issuer     string
}

type Option func(*Server)

// WithSigningKey replaces the key the server signs with.
func WithSigningKey(key string) Option {
	return func(s *Server) { s.signingKey = []byte(key) }
}

// WithIssuer sets the issuer: not a key.
func WithIssuer(iss string) Option {
	return func(s *Server) { s.issuer = iss }
}

func New(opts ...Option) *Server {
	s := &Server{}
	for _, o := range opts {
		o(s)
	}
	return s
}

func (s *Server) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "iss": s.issuer, "exp": 1}).SignedString(s.signingKey)
}

// Signer holds a key given to its constructor or its setter.
type Signer struct{ key []byte }

func NewSigner(key []byte) *Signer { return &Signer{key: key} }

func (s *Signer) SetKey(key []byte) { s.key = key }

func (s *Signer) Sign(claims jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.key)
}

// Preview is wired in this package with a fixed key.
func Preview() *Signer {
	return NewSigner([]byte("preview-signing-key-0123456789abcdef")) // want `hardcoded JWT signing key: the constant passed here reaches \(\*jwt.Token\).SignedString at authsvc.go:48 through NewSigner`
}
