// Package selection chooses JWT secrets by deployment environment in
// every shape keyflow recognises.
package selection

import (
	"os"
	"strings"
)

var jwtSecrets = map[string]string{ // want `literal: dev=a prod=a staging=b`
	"dev":     "shared-secret-value-1234567890ab",
	"prod":    "shared-secret-value-1234567890ab",
	"staging": "other-secret-value-1234567890abc",
}

// Config holds one environment's settings.
type Config struct {
	Name      string
	JWTSecret string
	Issuer    string
}

var configs = []Config{ // want `literal: development.Name=a development.JWTSecret=b development.Issuer=c production.Name=d production.JWTSecret=b production.Issuer=e`
	{Name: "development", JWTSecret: "config-secret-0123456789abcdef01", Issuer: "dev-issuer"},
	{Name: "production", JWTSecret: "config-secret-0123456789abcdef01", Issuer: "prod-issuer"},
}

// Not a selection: the keys name no environment.
var byRegion = map[string]string{
	"eu": "region-secret-0123456789abcdef012",
	"us": "region-secret-0123456789abcdef012",
}

const devJWTSecret = "decl-secret-0123456789abcdef0123" // want `decls: devJWTSecret=a prodJWTSecret=a`

const prodJWTSecret = "decl-secret-0123456789abcdef0123"

func secretFor(env string) string {
	switch env { // want `switch: dev=a prod=b the default branch=-`
	case "dev":
		return "dev-secret-0123456789abcdef0123"
	case "prod":
		return "prod-secret-0123456789abcdef012"
	default:
		return os.Getenv("JWT_SECRET")
	}
}

func signingKey(env string) []byte {
	var key string
	if strings.EqualFold(env, "production") { // want `switch: production=a the else branch=a`
		key = "branch-secret-0123456789abcdef01"
	} else {
		key = "branch-secret-0123456789abcdef01"
	}
	return []byte(key)
}

// Not a selection: a switch on something else.
func mode(m string) string {
	switch m {
	case "fast":
		return "mode-secret-0123456789abcdef0123"
	default:
		return "mode-secret-0123456789abcdef0123"
	}
}

var _, _ = byRegion, jwtSecrets

func sink(key string) {}

func keys(env string) {
	sink(jwtSecrets[env])         // want `selects: dev=a prod=a staging=b`
	sink(string(signingKey(env))) // want `selects: production=a the else branch=a`
	// A default arm that reads the environment makes a fallback, not a
	// choice among constants.
	sink(secretFor(env))       // want `selects: $`
	sink(jwtSecrets["dev"])    // want `selects: $`
	sink(os.Getenv("JWT_KEY")) // want `selects: $`
}
