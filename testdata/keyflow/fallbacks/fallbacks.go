// Package fallbacks exercises keyflow.Provenance.Fallbacks: constant
// defaults behind reads of configuration in several shapes, whether the
// names of where they go say JWT secret, and a startup check that
// rejects one.
package fallbacks

import (
	"cmp"
	"log"
	"os"
	"strings"
)

// Getenv returns the environment variable name, or def when it is unset.
func Getenv(name, def string) string { // want Getenv:`envDefault\(name=0, default=1\)`
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

var jwtSecret = cmp.Or(os.Getenv("JWT_SECRET"), "fallback-jwt-secret-0001") // want `environment variable JWT_SECRET via cmp.Or: named`

var apiBase = Getenv("API_BASE", "http://localhost:8080") // want `environment variable API_BASE via Getenv: unnamed`

func signingKey() string {
	k := os.Getenv("SIGNING_KEY")
	if k == "" {
		k = "fallback-signing-key-0002" // want `environment variable SIGNING_KEY via os.Getenv: named`
	}
	return k
}

// hmacKey tests the lookup through trimming and case mapping, which keep
// an empty value empty.
func hmacKey() string {
	k := strings.ToLower(os.Getenv("HMAC_KEY"))
	if strings.TrimSpace(k) == "" {
		k = "fallback-hmac-key-0004" // want `environment variable HMAC_KEY via os.Getenv: named`
	}
	return k
}

// refreshSecret's default is refused at startup: it fails closed.
var refreshSecret = cmp.Or(os.Getenv("REFRESH_SECRET"), "short") // want `environment variable REFRESH_SECRET via cmp.Or: named, fails closed`

func init() {
	if len(refreshSecret) < 32 {
		log.Fatal("REFRESH_SECRET must hold at least 32 bytes")
	}
}

// Config is filled by an environment loader.
type Config struct {
	Secret string `env:"JWT_SECRET" envDefault:"tag-default-secret-0003"` // want `environment variable JWT_SECRET via envDefault struct tag: named`
	Port   string `env:"PORT" envDefault:"8080"`                          // want `environment variable PORT via envDefault struct tag: unnamed`
}

var _, _, _, _ = jwtSecret, apiBase, signingKey, hmacKey
