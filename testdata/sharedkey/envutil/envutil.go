// Package envutil holds the getenv-with-default helper a service shares
// across its packages. Exercises: the EnvDefaultFact exported for a
// helper of the getenv(name, def) shape, and a fail-closed helper that
// gets none.
package envutil

import (
	"fmt"
	"os"
)

// Get returns the variable, or def when it is unset.
func Get(key, def string) string { // want Get:`envDefault\(name=0, default=1\)`
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// Must returns the variable or an error when it is unset.
func Must(key string) (string, error) {
	v := os.Getenv(key)
	if v == "" {
		return "", fmt.Errorf("%s is not set", key)
	}
	return v, nil
}

// Env reads variables under a prefix.
type Env struct{ Prefix string }

// String returns the prefixed variable, or def when it is unset or empty.
func (e Env) String(name, def string) string { // want String:`envDefault\(name=0, default=1\)`
	v, ok := os.LookupEnv(e.Prefix + name)
	if !ok || v == "" {
		return def
	}
	return v
}

// Int is not about secrets at all.
func Int(key string, def int) int {
	if v := os.Getenv(key); v != "" {
		var n int
		if _, err := fmt.Sscan(v, &n); err == nil {
			return n
		}
	}
	return def
}
