// Package settings reads settings whose names say nothing about JWTs.
// Exercises: FallbackFact on exported fields and functions that another
// package uses as a key (reported there, at the key).
package settings

import "os"

// Settings are generic.
type Settings struct {
	Secret string // want Secret:`fallback\(os.Getenv\)`
	Region string
}

// FromEnv reads the settings.
func FromEnv() Settings {
	s := Settings{Secret: os.Getenv("APP_SECRET"), Region: os.Getenv("REGION")}
	if s.Secret == "" {
		s.Secret = "settings-secret-fallback-31"
	}
	return s
}

// Salt returns the salt, or a default.
func Salt() string { // want Salt:`fallback\(os.LookupEnv\)`
	v, ok := os.LookupEnv("APP_SALT")
	if !ok {
		return "settings-salt-default-value"
	}
	return v
}

var secretKey = os.Getenv("SECRET_KEY")

func init() {
	if secretKey == "" {
		secretKey = "settings-secret-key-init"
	}
}

// SecretKey returns the key read at start-up.
func SecretKey() []byte { return []byte(secretKey) } // want SecretKey:`fallback\(os.Getenv\)`
