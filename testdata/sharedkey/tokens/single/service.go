// Package single issues access and refresh tokens in one package.
// Exercises: one key signing both kinds, evidenced by variable names,
// method names, an explicit type claim, a signing helper whose callers
// decide the kind, and two audiences; and the negatives: distinct keys
// per kind, a helper called with distinct keys, one kind only.
package single

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var jwtSecret = []byte(os.Getenv("JWT_SECRET"))

// Login returns a token pair signed with one secret.
func Login(user string) (string, string, error) {
	access := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "exp": time.Now().Add(15 * time.Minute).Unix()})
	accessToken, err := access.SignedString(jwtSecret)
	if err != nil {
		return "", "", err
	}
	refresh := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "exp": time.Now().Add(7 * 24 * time.Hour).Unix()})
	refreshToken, err := refresh.SignedString(jwtSecret) // want `jwt key var jwtSecret is used for refresh tokens by \(\*jwt.Token\).SignedString and for access tokens at service.go:\d+: one kind of token passes for the other; give each token kind its own secret`
	return accessToken, refreshToken, err
}

// Service signs with a secret of its own.
type Service struct {
	secret []byte
	ttl    time.Duration
}

// GenerateAccessToken mints an access token.
func (s *Service) GenerateAccessToken(user string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: user, ExpiresAt: jwt.NewNumericDate(time.Now().Add(s.ttl))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

// GenerateRefreshToken mints a refresh token with the same secret.
func (s *Service) GenerateRefreshToken(user string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: user, ExpiresAt: jwt.NewNumericDate(time.Now().Add(30 * 24 * time.Hour))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret) // want `jwt key field secret is used for refresh tokens by \(\*jwt.Token\).SignedString and for access tokens at service.go:\d+`
}

// Issuer signs through one helper for every kind.
type Issuer struct {
	key []byte
}

func (i *Issuer) sign(claims jwt.MapClaims, ttl time.Duration) (string, error) {
	claims["exp"] = time.Now().Add(ttl).Unix()
	return jwt.NewWithClaims(jwt.SigningMethodHS512, claims).SignedString(i.key)
}

// Pair returns both tokens.
func (i *Issuer) Pair(user string) (access, refresh string, err error) {
	accessClaims := jwt.MapClaims{"sub": user}
	refreshClaims := jwt.MapClaims{"sub": user}
	if access, err = i.sign(accessClaims, 15*time.Minute); err != nil {
		return
	}
	refresh, err = i.sign(refreshClaims, 7*24*time.Hour) // want `jwt key field key is used for refresh tokens by \(\*jwt.Token\).SignedString and for access tokens at service.go:\d+`
	return
}

// Typed tokens say their kind in a claim.
func typed(user string) (string, string) {
	key := []byte(os.Getenv("TYPED_SECRET"))
	a, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "typ": "access"}).SignedString(key)
	r, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "typ": "refresh"}).SignedString(key) // want `jwt key from environment variable TYPED_SECRET is used for refresh tokens`
	return a, r
}

// Audiences: one key, two audiences.
func audiences(user string) (string, string) {
	k := []byte(os.Getenv("AUD_SECRET"))
	web, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: user, Audience: jwt.ClaimStrings{"web"}}).SignedString(k)
	mobile, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: user, Audience: jwt.ClaimStrings{"mobile"}}).SignedString(k) // want `jwt key from environment variable AUD_SECRET signs tokens for two audiences, here with \(\*jwt.Token\).SignedString and at service.go:\d+: a token meant for one is accepted by the other; give each audience its own secret`
	return web, mobile
}

var _ = typed
var _ = audiences
