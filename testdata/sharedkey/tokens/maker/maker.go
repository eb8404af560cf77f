// Package maker holds one token maker per kind, both of one type. // want package:`keyuses\(.*\)`
// Exercises: a key held in a receiver field is the same key only for the
// same receiver value: two makers with their own keys are fine, one maker
// for both kinds is reported.
package maker

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Maker signs tokens with its key.
type Maker struct {
	secretKey []byte
}

// CreateToken mints a token for user.
func (m *Maker) CreateToken(user string, d time.Duration) (string, error) { // want CreateToken:`signer\(key=-1, kind=any\)`
	claims := jwt.MapClaims{"sub": user, "exp": time.Now().Add(d).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(m.secretKey)
}

// Server holds the makers.
type Server struct {
	tokenMaker   *Maker
	accessMaker  *Maker
	refreshMaker *Maker
}

// New builds a server.
func New() *Server {
	return &Server{
		tokenMaker:   &Maker{secretKey: []byte(os.Getenv("TOKEN_SYMMETRIC_KEY"))},
		accessMaker:  &Maker{secretKey: []byte(os.Getenv("ACCESS_KEY"))},
		refreshMaker: &Maker{secretKey: []byte(os.Getenv("REFRESH_KEY"))},
	}
}

// LoginUser uses one maker for both kinds.
func (s *Server) LoginUser(user string) (string, string, error) {
	accessToken, err := s.tokenMaker.CreateToken(user, 15*time.Minute)
	if err != nil {
		return "", "", err
	}
	refreshToken, err := s.tokenMaker.CreateToken(user, 24*time.Hour) // want `jwt key field secretKey is used for refresh tokens by \(\*jwt.Token\).SignedString and for access tokens at maker.go:\d+`
	return accessToken, refreshToken, err
}

// LoginSeparate uses a maker per kind.
func (s *Server) LoginSeparate(user string) (string, string, error) {
	accessToken, err := s.accessMaker.CreateToken(user, 15*time.Minute)
	if err != nil {
		return "", "", err
	}
	refreshToken, err := s.refreshMaker.CreateToken(user, 24*time.Hour)
	return accessToken, refreshToken, err
}
