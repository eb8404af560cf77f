// Package perenv keeps per-environment settings in code. Exercises: maps
// and struct literals keyed by environment names, slices of
// per-environment structs, package declarations named after
// environments, and switch / if-else chains on the environment name,
// whose arms give the same secret; and the negatives (distinct values,
// values read from distinct variables, equal non-secrets).
package perenv

import "os"

// EnvConfig is one environment's settings.
type EnvConfig struct {
	Name      string
	BaseURL   string
	JWTSecret string
	LogLevel  string
}

var jwtSecrets = map[string]string{
	"development": "dev-and-staging-share-this",
	"staging":     "dev-and-staging-share-this", // want `jwt secret jwt_secrets is the same for development \(maps.go:\d+\) and staging \(maps.go:\d+\): one secret serves several environments; give each environment its own secret`
	"production":  "prod-has-its-own-secret-value",
}

var configs = map[string]EnvConfig{
	"dev": {
		BaseURL:   "http://localhost:8080",
		JWTSecret: "copied-from-dev-into-prod",
		LogLevel:  "debug",
	},
	"prod": {
		BaseURL:   "https://api.example.com",
		JWTSecret: "copied-from-dev-into-prod", // want `jwt secret jwt_secret is the same for dev \(maps.go:\d+\) and prod \(maps.go:\d+\)`
		LogLevel:  "debug",
	},
}

// Environments lists every environment's settings.
var Environments = []EnvConfig{
	{Name: "test", JWTSecret: "one-secret-for-all-envs", LogLevel: "info"},
	{Name: "qa", JWTSecret: "qa-secret-of-its-own"},
	{Name: "production", JWTSecret: "one-secret-for-all-envs"}, // want `jwt secret jwt_secret is the same for test \(maps.go:\d+\) and production \(maps.go:\d+\)`
}

// Secrets has one field per environment.
type Secrets struct {
	DevSigningKey  string
	ProdSigningKey string
	Issuer         string
}

var signing = Secrets{
	DevSigningKey:  "signing-key-dev-and-prod",
	ProdSigningKey: "signing-key-dev-and-prod", // want `jwt secret signing_key is the same for DevSigningKey \(maps.go:\d+\) and ProdSigningKey \(maps.go:\d+\)`
	Issuer:         "perenv",
}

const (
	devTokenSecret  = "token-secret-repeated-in-two-consts"
	prodTokenSecret = "token-secret-repeated-in-two-consts" // want `jwt secret token_secret is the same for devTokenSecret \(maps.go:\d+\) and prodTokenSecret \(maps.go:\d+\)`
)

// keys is named for nothing; the function reading it is.
var keys = map[string]string{
	"development": "map-read-by-jwt-func",
	"production":  "map-read-by-jwt-func", // want `jwt secret keys is the same for development \(maps.go:\d+\) and production \(maps.go:\d+\)`
}

func jwtKeyFor(env string) string { return keys[env] }

// Negatives.

var distinct = map[string]string{
	"dev":     "distinct-dev-jwt-secret",
	"staging": "distinct-staging-jwt-secret",
	"prod":    "distinct-prod-jwt-secret",
}

var fromEnv = map[string]EnvConfig{
	"dev":  {JWTSecret: os.Getenv("DEV_JWT_SECRET"), LogLevel: "debug"},
	"prod": {JWTSecret: os.Getenv("PROD_JWT_SECRET"), LogLevel: "debug"},
}

var sameURL = map[string]string{
	"dev":  "https://sandbox.example.com",
	"test": "https://sandbox.example.com",
}

const (
	devTimeout  = "30s"
	prodTimeout = "30s"
)

var _, _, _, _, _, _, _ = jwtSecrets, configs, signing, distinct, fromEnv, sameURL, prodTimeout
var _ = devTimeout
var _ = jwtKeyFor
