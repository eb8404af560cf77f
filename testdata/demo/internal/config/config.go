// Package config reads the API's settings from the environment.
package config

import (
	"crypto/rand"
	"fmt"
	"log/slog"
	"os"
	"time"
)

// Config holds everything the API needs at startup.
type Config struct {
	Addr          string
	Issuer        string
	AccessKey     []byte
	RefreshKey    []byte
	AccessTTL     time.Duration
	RefreshTTL    time.Duration
	NotifyURL     string
	LegacyConsole bool
	Debug         bool
}

// Load reads the configuration from environment variables.
func Load() (*Config, error) {
	cfg := &Config{
		Addr:          envOr("ADDR", ":8080"),
		Issuer:        envOr("JWT_ISSUER", "demo-api"),
		NotifyURL:     os.Getenv("NOTIFY_URL"),
		LegacyConsole: os.Getenv("LEGACY_CONSOLE") == "1",
		Debug:         os.Getenv("APP_DEBUG") == "1",
	}

	secret := os.Getenv("JWT_SECRET")
	if secret == "" {
		// Keeps `go run ./cmd/api` working on a fresh checkout.
		secret = "local-development-signing-key-do-not-deploy"
	}
	cfg.AccessKey = []byte(secret)

	if refresh := os.Getenv("JWT_REFRESH_SECRET"); refresh != "" {
		cfg.RefreshKey = []byte(refresh)
	} else {
		cfg.RefreshKey = make([]byte, 32)
		if _, err := rand.Read(cfg.RefreshKey); err != nil {
			return nil, fmt.Errorf("generate refresh key: %w", err)
		}
		slog.Warn("JWT_REFRESH_SECRET is not set; refresh tokens will not survive a restart")
	}

	var err error
	if cfg.AccessTTL, err = durationEnv("ACCESS_TTL", 15*time.Minute); err != nil {
		return nil, err
	}
	if cfg.RefreshTTL, err = durationEnv("REFRESH_TTL", 7*24*time.Hour); err != nil {
		return nil, err
	}
	return cfg, nil
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func durationEnv(name string, fallback time.Duration) (time.Duration, error) {
	v := os.Getenv(name)
	if v == "" {
		return fallback, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}
