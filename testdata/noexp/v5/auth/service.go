// A token service whose claims are built by helper methods of the same
// package: helpers returning literals without and with expiry, a helper
// with an error result, and one whose result comes from its parameter.
package auth

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type User struct {
	ID    string
	Email string
	Admin bool
}

type TokenService struct {
	key    []byte
	issuer string
	ttl    time.Duration
}

func NewTokenService(key []byte, issuer string, ttl time.Duration) *TokenService {
	return &TokenService{key: key, issuer: issuer, ttl: ttl}
}

func (s *TokenService) baseClaims(u User) UserClaims {
	return UserClaims{
		UserID: u.ID,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:  s.issuer,
			Subject: u.ID,
		},
	}
}

// Issue signs the helper's claims, which never get an expiry.
func (s *TokenService) Issue(u User) (string, error) {
	claims := s.baseClaims(u)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.key) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}

func (s *TokenService) expiringClaims(u User) *UserClaims {
	now := time.Now()
	return &UserClaims{
		UserID: u.ID,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    s.issuer,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(s.ttl)),
		},
	}
}

// IssueExpiring signs claims whose helper sets ExpiresAt.
func (s *TokenService) IssueExpiring(u User) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, s.expiringClaims(u))
	return token.SignedString(s.key)
}

// IssueWithTTL sets the expiry after the helper.
func (s *TokenService) IssueWithTTL(u User) (string, error) {
	claims := s.baseClaims(u)
	claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(s.ttl))
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.key)
}

func adminClaims(u User) (jwt.MapClaims, error) {
	if !u.Admin {
		return nil, errors.New("not an admin")
	}
	return jwt.MapClaims{"sub": u.ID, "email": u.Email, "admin": true}, nil
}

// IssueAdmin signs map claims from a helper with an error result.
func (s *TokenService) IssueAdmin(u User) (string, error) {
	claims, err := adminClaims(u)
	if err != nil {
		return "", err
	}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
	return token.SignedString(s.key)
}

func withAudience(c UserClaims, aud string) UserClaims {
	c.Audience = jwt.ClaimStrings{aud}
	return c
}

// IssueFor passes the claims through a helper that returns its parameter:
// what the caller built is out of sight.
func (s *TokenService) IssueFor(c UserClaims, aud string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, withAudience(c, aud)).SignedString(s.key)
}
