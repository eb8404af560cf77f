// Package lifetime exercises mints whose expiry depends on a configured
// lifetime: set only when the setting is positive (a zero setting mints
// tokens that never expire), next to the correct shapes: a default in the
// else branch, a constant lifetime, a lifetime rejected at startup, and an
// expiry already in the literal.
package lifetime

import (
	"errors"
	"log"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var key = []byte(os.Getenv("JWT_KEY"))

// Config is loaded from the environment; zero values are possible.
type Config struct {
	AccessTTL  time.Duration
	RefreshTTL time.Duration
	InviteTTL  time.Duration // want InviteTTL:"lifetime-checked"
}

type Issuer struct {
	cfg Config
	ttl time.Duration
}

// Access sets exp only when the setting is positive.
func (s *Issuer) Access(sub string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: sub, IssuedAt: jwt.NewNumericDate(time.Now())}
	if s.cfg.AccessTTL > 0 { // want `jwt.NewWithClaims mints a token whose exp is set only when s.cfg.AccessTTL > 0: a zero lifetime setting mints tokens that never expire`
		claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(s.cfg.AccessTTL))
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Map claims, a parameter lifetime and a != test.
func Session(sub string, ttl time.Duration) (string, error) {
	claims := jwt.MapClaims{"sub": sub}
	if ttl != 0 { // want `jwt.NewWithClaims mints a token whose exp is set only when ttl != 0`
		claims["exp"] = time.Now().Add(ttl).Unix()
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	return tok.SignedString(key)
}

// Embedded registered claims, and the lifetime on the left.
type userClaims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

func (s *Issuer) User(sub, role string) (string, error) {
	c := &userClaims{Role: role}
	c.Subject = sub
	if 0 < s.ttl { // want `mints a token whose exp is set only when 0 < s.ttl`
		c.RegisteredClaims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(s.ttl))
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}

// Refresh falls back to a default lifetime: always an exp.
func (s *Issuer) Refresh(sub string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: sub}
	if s.cfg.RefreshTTL > 0 {
		claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(s.cfg.RefreshTTL))
	} else {
		claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(24 * time.Hour))
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Override keeps the literal's expiry unless a lifetime is configured.
func (s *Issuer) Override(sub string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute))}
	if s.cfg.AccessTTL > 0 {
		claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(s.cfg.AccessTTL))
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Fixed has a constant lifetime: the branch always runs.
func Fixed(sub string) (string, error) {
	ttl := 30 * time.Minute
	claims := jwt.RegisteredClaims{Subject: sub}
	if ttl > 0 {
		claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(ttl))
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// New rejects an invite lifetime that is not positive, so the test in
// Invite always holds.
func New(cfg Config, userTTL time.Duration) (*Issuer, error) {
	if cfg.InviteTTL <= 0 {
		return nil, errors.New("InviteTTL must be positive")
	}
	return &Issuer{cfg: cfg, ttl: userTTL}, nil
}

func (s *Issuer) Invite(email string) (string, error) {
	claims := jwt.MapClaims{"email": email}
	if s.cfg.InviteTTL > 0 {
		claims["exp"] = time.Now().Add(s.cfg.InviteTTL).Unix()
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

var remember time.Duration

func init() {
	d, err := time.ParseDuration(os.Getenv("REMEMBER_TTL"))
	if err != nil || d == 0 {
		log.Fatal("REMEMBER_TTL must be a positive duration")
	}
	remember = d
}

// Remember's lifetime is checked at startup with a fatal exit.
func Remember(sub string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: sub}
	if remember > 0 {
		claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(remember))
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Flag is a boolean choice between two lifetimes, not a lifetime test.
func Flag(sub string, long bool) (string, error) {
	claims := jwt.RegisteredClaims{Subject: sub}
	if long {
		claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(24 * time.Hour))
	} else {
		claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Hour))
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}
