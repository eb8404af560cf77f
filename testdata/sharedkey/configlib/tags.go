package configlib

import (
	"github.com/caarlos0/env/v11"
	"github.com/kelseyhightower/envconfig"
)

// EnvConfig is read by kelseyhightower/envconfig.
type EnvConfig struct {
	Port      int    `envconfig:"PORT" default:"8080"`
	JWTSecret string `envconfig:"JWT_SECRET" default:"envconfig-default-secret"` // want `jwt secret jwt_secret falls back to the default tag of field JWTSecret \(tags.go:\d+\) when environment variable JWT_SECRET is unset \(default struct tag\)`
	Required  string `envconfig:"API_TOKEN_SECRET" required:"true"`
}

// AppConfig is read by caarlos0/env.
type AppConfig struct {
	Auth struct {
		Secret   string `env:"AUTH_SIGNING" envDefault:"caarlos-auth-default"` // want `jwt secret secret falls back to the envDefault tag of field Secret .* when environment variable AUTH_SIGNING is unset \(envDefault struct tag\)`
		Audience string `env:"AUTH_AUDIENCE" envDefault:"web"`                 // want Audience:`fallback\(envDefault struct tag\)`
	}
	RefreshSecret string `env:"REFRESH_SECRET" envDefault:"${JWT_SECRET}" envExpand:"true"`
	LogLevel      string `env:"LOG_LEVEL" envDefault:"info"` // want LogLevel:`fallback\(envDefault struct tag\)`
}

// CleanConfig uses the cleanenv and sethvargo spellings.
type CleanConfig struct {
	TokenSecret string `env:"TOKEN_SECRET" env-default:"cleanenv-token-default"` // want `jwt secret token_secret falls back to the env-default tag`
	SigningKey  string `env:"SIGNING_KEY, default=sethvargo-signing-default"`    // want `jwt secret signing_key falls back to the env tag`
	ClientID    string `env:"CLIENT_ID" env-default:"public-client"`             // want ClientID:`fallback\(env-default struct tag\)`
}

func load() (*EnvConfig, *AppConfig, error) {
	var ec EnvConfig
	if err := envconfig.Process("", &ec); err != nil {
		return nil, nil, err
	}
	var ac AppConfig
	if err := env.Parse(&ac); err != nil {
		return nil, nil, err
	}
	return &ec, &ac, nil
}

// refresh falls back when the library left the field empty.
func (c *AppConfig) refresh() string {
	if c.RefreshSecret == "" {
		return "method-fallback-refresh-secret" // want `jwt secret falls back to a string literal \(tags.go:\d+\) when environment variable REFRESH_SECRET is unset \(env struct tag at tags.go:\d+\)`
	}
	return c.RefreshSecret
}

var _ = load
var _ = (*AppConfig).refresh
