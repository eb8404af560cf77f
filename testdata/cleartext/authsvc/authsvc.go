// Package authsvc is a token service that handlers reach through an
// interface of their own: its exported method carries a TokenFact.
package authsvc

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Service mints access tokens.
type Service struct{ key []byte }

// New returns a Service keyed from the environment.
func New() *Service { return &Service{key: []byte(os.Getenv("AUTH_KEY"))} }

// Generate mints an access token for user.
func (s *Service) Generate(user string) (string, error) { // want Generate:`token\(results \[0\], \(\*jwt.Token\).SignedString\)`
	claims := jwt.RegisteredClaims{Subject: user, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.key)
}

// Describe returns no token.
func (s *Service) Describe() (string, error) { return "hs256", nil }
