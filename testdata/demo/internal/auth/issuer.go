// Package auth issues and verifies the API's JSON Web Tokens.
package auth

import (
	"crypto/rand"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Audiences keep the two token kinds apart even if a key were ever shared.
const (
	AccessAudience  = "api"
	RefreshAudience = "refresh"
)

// AccessClaims are the claims of an access token.
type AccessClaims struct {
	Roles []string `json:"roles,omitempty"`
	jwt.RegisteredClaims
}

// Issuer mints access and refresh tokens, each kind with its own key.
type Issuer struct {
	name       string
	accessKey  []byte
	refreshKey []byte
	accessTTL  time.Duration
	refreshTTL time.Duration
}

// NewIssuer returns an Issuer that names itself name in the iss claim.
func NewIssuer(name string, accessKey, refreshKey []byte, accessTTL, refreshTTL time.Duration) *Issuer {
	return &Issuer{
		name:       name,
		accessKey:  accessKey,
		refreshKey: refreshKey,
		accessTTL:  accessTTL,
		refreshTTL: refreshTTL,
	}
}

// AccessTTL is how long an access token stays valid.
func (i *Issuer) AccessTTL() time.Duration { return i.accessTTL }

// IssueAccess returns a signed access token for the user.
func (i *Issuer) IssueAccess(userID string, roles []string) (string, error) {
	now := time.Now()
	claims := AccessClaims{
		Roles: roles,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    i.name,
			Subject:   userID,
			Audience:  jwt.ClaimStrings{AccessAudience},
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(i.accessTTL)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(i.accessKey)
}

// IssueRefresh returns a refresh token. Its ID names the session, which
// logout revokes.
func (i *Issuer) IssueRefresh(userID string) (string, error) {
	now := time.Now()
	claims := jwt.RegisteredClaims{
		ID:        rand.Text(),
		Issuer:    i.name,
		Subject:   userID,
		Audience:  jwt.ClaimStrings{RefreshAudience},
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(i.refreshTTL)),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(i.refreshKey)
}

// RefreshParser returns a parser that accepts only this issuer's refresh
// tokens.
func (i *Issuer) RefreshParser() *jwt.Parser {
	return jwt.NewParser(
		jwt.WithValidMethods([]string{"HS256"}),
		jwt.WithIssuer(i.name),
		jwt.WithAudience(RefreshAudience),
		jwt.WithExpirationRequired(),
	)
}

// RefreshKeyfunc supplies the key that verifies refresh tokens.
func (i *Issuer) RefreshKeyfunc(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected signing method %q", t.Method.Alg())
	}
	return i.refreshKey, nil
}
