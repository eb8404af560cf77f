// Package fallback loads a service configuration from the environment.
// Exercises: each shape of an environment lookup with a constant
// fallback (if-empty assignment, cmp.Or, LookupEnv, a same-package
// getenv helper, a helper from another package, a getter function, a
// package variable patched in init), qualified by the JWT-like name of the
// variable, field or environment variable.
package fallback

import (
	"cmp"
	"os"
	"strings"

	"jwtvet.test/fixtures/sharedkey/envutil"
)

// Config is what the service runs with.
type Config struct {
	Port          string // want Port:`fallback\(getenv\)`
	JWTSecret     string
	RefreshSecret string
	DatabaseURL   string // want DatabaseURL:`fallback\(cmp.Or\)`
	SigningKey    []byte
}

const defaultRefreshSecret = "local-refresh-secret-7c1e" // want `jwt secret refresh_secret falls back to const defaultRefreshSecret \(config.go:\d+\) when environment variable REFRESH_TOKEN_SECRET is unset \(cmp.Or at config.go:\d+\)`

func getenv(key, fallback string) string {
	value := os.Getenv(key)
	if value == "" {
		return fallback
	}
	return value
}

// Load reads the configuration.
func Load() *Config {
	cfg := &Config{
		Port:          getenv("PORT", "8080"),
		JWTSecret:     getenv("JWT_SECRET", "dev-jwt-secret-change-me"), // want `jwt secret jwt_secret falls back to a string literal \(config.go:\d+\) when environment variable JWT_SECRET is unset \(getenv\)`
		RefreshSecret: cmp.Or(os.Getenv("REFRESH_TOKEN_SECRET"), defaultRefreshSecret),
		DatabaseURL:   cmp.Or(os.Getenv("DATABASE_URL"), "postgres://localhost/app"),
	}
	key := os.Getenv("SIGNING_KEY")
	if key == "" {
		key = "fallback-signing-key-42" // want `jwt secret signing_key falls back to a string literal \(config.go:\d+\) when environment variable SIGNING_KEY is unset \(os.Getenv at config.go:\d+\)`
	}
	cfg.SigningKey = []byte(key)
	return cfg
}

// hmacSecret is read once at start-up.
var hmacSecret = os.Getenv("HMAC_SECRET")

func init() {
	if os.Getenv("JWT_SIGNING_SECRET") == "" {
		os.Setenv("JWT_SIGNING_SECRET", "setenv-default-signing-secret") // want `jwt secret falls back to a string literal \(config.go:\d+\) when environment variable JWT_SIGNING_SECRET is unset \(os.Setenv\)`
	}
	if strings.TrimSpace(hmacSecret) == "" {
		hmacSecret = "init-hmac-secret-value" // want `jwt secret hmac_secret falls back to a string literal .* when environment variable HMAC_SECRET is unset`
	}
}

// TokenSecret returns the token secret.
func TokenSecret() string {
	if s, ok := os.LookupEnv("TOKEN_SECRET"); ok {
		return s
	}
	return "lookup-default-token-secret" // want `jwt secret token_secret falls back to a string literal .* when environment variable TOKEN_SECRET is unset \(os.LookupEnv at config.go:\d+\)`
}

// AuthSecret is a package-level default replaced by the environment.
var authSecret = "auth-secret-default-value-xyz" // want `jwt secret auth_secret falls back to a string literal .* when environment variable AUTH_SECRET is unset`

func loadAuth() {
	if v := os.Getenv("AUTH_SECRET"); v != "" {
		authSecret = v
	}
}

func prefixed() string {
	env := envutil.Env{Prefix: "APP_"}
	secret := env.String("JWT_SECRET", "method-helper-default-secret") // want `jwt secret falls back to a string literal \(config.go:\d+\) when environment variable JWT_SECRET is unset \(envutil.Env.String\)`
	return secret
}

// Shared uses the helper of another package.
var accessSecret = envutil.Get("ACCESS_TOKEN_SECRET", "shared-helper-access-secret") // want `jwt secret access_secret falls back to a string literal .* when environment variable ACCESS_TOKEN_SECRET is unset \(envutil.Get\)`

func lookupJWTKey() string {
	secret, found := os.LookupEnv("JWT_KEY")
	if !found {
		secret = "lookup-jwt-key-default" // want `falls back to a string literal .* when environment variable JWT_KEY is unset`
	}
	return secret
}

func strongEnough() string {
	s := os.Getenv("JWT_HMAC_SECRET")
	if s == "" || len(s) < 32 {
		s = "a-default-that-is-long-enough-for-hs256" // want `jwt secret falls back to a string literal .* when environment variable JWT_HMAC_SECRET is unset`
	}
	return s
}

var refreshKey string

func loadRefreshKey() {
	if v, ok := os.LookupEnv("REFRESH_KEY"); ok {
		refreshKey = v
	} else {
		refreshKey = "else-branch-refresh-key" // want `jwt secret refresh_key falls back to a string literal .* when environment variable REFRESH_KEY is unset \(os.LookupEnv at config.go:\d+\)`
	}
}

// demoSecret is suppressed with a reason.
func demoSecret() string {
	//jwtvet:ignore sharedkey the demo binary is never deployed
	return cmp.Or(os.Getenv("DEMO_JWT_SECRET"), "demo-only-jwt-secret-value")
}

// Not secrets: a port, a log level, a database URL.
func other() (string, string) {
	level := os.Getenv("LOG_LEVEL")
	if level == "" {
		level = "info"
	}
	return level, getenv("REDIS_ADDR", "localhost:6379")
}

var _ = loadAuth
var _ = lookupJWTKey
var _ = other
var _ = strongEnough
var _ = prefixed
var _ = demoSecret
var _ = loadRefreshKey
