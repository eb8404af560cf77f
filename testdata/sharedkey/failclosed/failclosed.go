// Package failclosed refuses to start without its secrets. Exercises
// negatives: log.Fatal, a returned error or a panic when the variable is
// unset, a dev-only default behind an explicit environment check, an
// empty default, and fallbacks of settings that are not secrets.
package failclosed

import (
	"cmp"
	"errors"
	"log"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/fixtures/sharedkey/envutil"
)

// Config holds the secrets.
type Config struct {
	JWTSecret     []byte
	RefreshSecret []byte
	Issuer        string // want Issuer:`fallback\(cmp.Or\)`
}

// MustLoad exits when a secret is missing.
func MustLoad() Config {
	secret := os.Getenv("JWT_SECRET")
	if secret == "" {
		log.Fatal("JWT_SECRET must be set")
	}
	refresh, ok := os.LookupEnv("REFRESH_SECRET")
	if !ok || len(refresh) < 32 {
		log.Fatalf("REFRESH_SECRET must be set to at least 32 bytes")
	}
	return Config{
		JWTSecret:     []byte(secret),
		RefreshSecret: []byte(refresh),
		Issuer:        cmp.Or(os.Getenv("JWT_ISSUER"), "auth.example.com"),
	}
}

// Load returns an error instead.
func Load() (*Config, error) {
	secret := os.Getenv("JWT_SECRET")
	if secret == "" {
		return nil, errors.New("JWT_SECRET is required")
	}
	key, err := envutil.Must("JWT_REFRESH_SECRET")
	if err != nil {
		return nil, err
	}
	return &Config{JWTSecret: []byte(secret), RefreshSecret: []byte(key)}, nil
}

// signingKey has no default at all: an empty value is refused later.
func signingKey() []byte {
	return []byte(cmp.Or(os.Getenv("SIGNING_KEY"), ""))
}

// tokenTTL falls back, but it is not a secret.
func tokenTTL() time.Duration {
	d, err := time.ParseDuration(envutil.Get("JWT_TTL", "15m"))
	if err != nil {
		return 15 * time.Minute
	}
	return d
}

// devSecret only applies in development, by an explicit choice.
func devSecret() string {
	secret := os.Getenv("JWT_SECRET")
	if secret == "" {
		if os.Getenv("APP_ENV") == "development" {
			secret = "only-for-local-development"
		} else {
			panic("JWT_SECRET must be set")
		}
	}
	return secret
}

func sign(cfg Config, user string) (string, error) {
	claims := jwt.MapClaims{"sub": user, "iss": cfg.Issuer, "exp": time.Now().Add(tokenTTL()).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(cfg.JWTSecret)
}

var _ = signingKey
var _ = devSecret
var _ = sign
