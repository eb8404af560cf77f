// Package envselect picks its key by the environment at run time, on
// golang-jwt v5. It exercises hardcodedkey on a selection whose every
// candidate is constant: a local map indexed by APP_ENV, a map kept in a
// field and indexed by a field, a struct of per-stage keys in a field
// chosen by a switch. The negatives: a map whose values are read from the
// environment, a per-stage struct filled from the environment, and a
// local map handed to a function that may add to it.
package envselect

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

func claims(sub string) jwt.MapClaims { return jwt.MapClaims{"sub": sub, "exp": 1} }

func IssueLocal(sub string) (string, error) {
	keys := map[string][]byte{
		"dev":  []byte("local-map-development-key-0123456789ab"),
		"prod": []byte("local-map-production-key-0123456789abc"),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(keys[os.Getenv("APP_ENV")]) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(envselect.go:20\)`
}

type Registry struct {
	env  string
	keys map[string]string
}

func NewRegistry() *Registry {
	return &Registry{
		env: os.Getenv("STAGE"),
		keys: map[string]string{
			"staging":    "registry-staging-key-0123456789abcdefg",
			"production": "registry-production-key-0123456789abcd",
		},
	}
}

func (r *Registry) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(r.keys[r.env])) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(envselect.go:35\)`
}

type stageKeys struct {
	Development string
	Staging     string
	Production  string
}

type App struct {
	stage string
	keys  stageKeys
}

func NewApp() *App {
	return &App{stage: os.Getenv("APP_STAGE"), keys: stageKeys{
		Development: "app-development-key-0123456789abcdefgh",
		Staging:     "app-staging-key-0123456789abcdefghijkl",
		Production:  "app-production-key-0123456789abcdefghi",
	}}
}

func (a *App) key() string {
	switch a.stage {
	case "production":
		return a.keys.Production
	case "staging":
		return a.keys.Staging
	default:
		return a.keys.Development
	}
}

func (a *App) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(a.key())) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(envselect.go:\d+\)`
}

// Negative: every stage's key comes from its own variable.
var envKeys = map[string]string{
	"staging":    os.Getenv("STAGING_JWT_KEY"),
	"production": os.Getenv("PRODUCTION_JWT_KEY"),
}

func IssueFromEnv(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(envKeys[os.Getenv("APP_ENV")]))
}

// Negative: a per-stage struct filled from the environment.
type PerStage struct {
	Development string
	Production  string
}

func loadPerStage() PerStage {
	return PerStage{Development: os.Getenv("DEV_JWT_KEY"), Production: os.Getenv("PROD_JWT_KEY")}
}

func IssuePerStage(sub string) (string, error) {
	p := loadPerStage()
	k := p.Development
	if os.Getenv("APP_ENV") == "production" {
		k = p.Production
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(k))
}

// Negative: the local map is handed to a loader that may replace its
// entries.
func IssueLoaded(sub string, load func(map[string][]byte)) (string, error) {
	keys := map[string][]byte{"dev": []byte("placeholder-the-loader-replaces-000000")}
	load(keys)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(keys[os.Getenv("APP_ENV")])
}

var _ = NewRegistry
var _ = NewApp
