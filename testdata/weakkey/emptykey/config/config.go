// Package config loads a service's settings from the environment. Some
// secrets are required by their tags or checked here; JWTSecret and
// WebhookSecret are not, so an unset variable leaves them empty.
package config

import (
	"errors"
	"os"
)

type Config struct {
	JWTSecret     string `env:"JWT_SECRET"` // want JWTSecret:"unchecked\\(field JWTSecret, filled by its env tag \"JWT_SECRET\"\\)"
	RefreshSecret string `env:"REFRESH_SECRET,required"`
	AdminSecret   string `mapstructure:"admin_secret" validate:"required,min=32"`
	APISecret     string
	WebhookSecret string // want WebhookSecret:"unchecked\\(field WebhookSecret, set from environment variable WEBHOOK_SECRET\\)"
	LogLevel      string `env:"LOG_LEVEL"`
	DevSecret     string `env:"DEV_SECRET" envDefault:"not-empty-in-dev"`
	SignSecret    string
}

// Load reads the variables that no tag covers.
func Load() (*Config, error) {
	sign := os.Getenv("SIGN_SECRET")
	if len(sign) < 32 {
		return nil, errors.New("SIGN_SECRET must hold at least 32 bytes")
	}
	c := &Config{
		SignSecret:    sign,
		APISecret:     os.Getenv("API_SECRET"),
		WebhookSecret: os.Getenv("WEBHOOK_SECRET"),
	}
	if c.APISecret == "" {
		return nil, errors.New("API_SECRET is required")
	}
	return c, nil
}
