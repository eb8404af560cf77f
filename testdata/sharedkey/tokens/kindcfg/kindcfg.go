// Package kindcfg uses golang-jwt v5. // want package:`keyuses\(.*\)`
//
// It exercises one config block per token kind: Access and Refresh are
// both a TokenConfig, so cfg.Access.Secret and cfg.Refresh.Secret are two
// keys though Secret is one field; keys["access"] and keys["refresh"] are
// two keys though keys is one map; and a helper that signs with tc.Secret
// of its parameter uses the key of the block its caller passes. All of
// that is silent. Passing the access block for refresh tokens, or reading
// keys["access"] for them, is one key for two kinds: reported.
package kindcfg

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type TokenConfig struct {
	Secret []byte
	TTL    time.Duration
}

type Config struct {
	Access  TokenConfig
	Refresh TokenConfig
}

func Load() Config {
	return Config{
		Access:  TokenConfig{Secret: []byte(os.Getenv("ACCESS_TOKEN_SECRET")), TTL: 15 * time.Minute},
		Refresh: TokenConfig{Secret: []byte(os.Getenv("REFRESH_TOKEN_SECRET")), TTL: 720 * time.Hour},
	}
}

type Service struct {
	cfg  Config
	keys map[string][]byte
}

func New(cfg Config) *Service {
	return &Service{cfg: cfg, keys: map[string][]byte{"access": cfg.Access.Secret, "refresh": cfg.Refresh.Secret}}
}

func claims(sub string, ttl time.Duration) jwt.RegisteredClaims {
	return jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(ttl))}
}

func (s *Service) AccessToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, s.cfg.Access.TTL)).SignedString(s.cfg.Access.Secret)
}

func (s *Service) RefreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, s.cfg.Refresh.TTL)).SignedString(s.cfg.Refresh.Secret)
}

func mint(tc TokenConfig, sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, tc.TTL)).SignedString(tc.Secret)
}

func (s *Service) NewAccessToken(sub string) (string, error)  { return mint(s.cfg.Access, sub) }
func (s *Service) NewRefreshToken(sub string) (string, error) { return mint(s.cfg.Refresh, sub) }

func (s *Service) MapAccessToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Minute)).SignedString(s.keys["access"])
}

func (s *Service) MapRefreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Hour)).SignedString(s.keys["refresh"])
}

// Shared is a second service whose refresh tokens reuse the access key.
type Shared struct {
	cfg  Config
	keys map[string][]byte
}

func (s *Shared) AccessToken(sub string) (string, error) { return mint(s.cfg.Access, sub) }

func (s *Shared) RefreshToken(sub string) (string, error) {
	return mint(s.cfg.Access, sub) // want `is used for refresh tokens`
}

func (s *Shared) MapAccessToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Minute)).SignedString(s.keys["access"])
}

func (s *Shared) MapRefreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Hour)).SignedString(s.keys["access"]) // want `is used for refresh tokens`
}
