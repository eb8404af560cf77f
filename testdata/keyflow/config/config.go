// Package config exercises provenance facts exported across packages:
// constant package vars, constant getters, and config literals.
package config

import "os"

// Settings is the application's configuration.
type Settings struct {
	JWTSecret string
	Issuer    string
	Port      int
}

var DefaultSecret = "config-default-secret-value-0001" // want DefaultSecret:`const\(var DefaultSecret \(config.go:\d+\)\)`

// Defaults is never written: its fields are constant.
var Defaults = Settings{JWTSecret: "defaults-literal-secret-value-02", Issuer: "demo"} // want Defaults:`fields\(Issuer,JWTSecret\)`

// Loaded is filled from the environment: not constant.
var Loaded = Settings{JWTSecret: os.Getenv("JWT_SECRET")}

// Overridden starts constant but is reassigned from a flag-like source.
var Overridden = "starts-constant-but-is-reassigned"

func init() {
	Overridden = os.Getenv("OVERRIDE")
}

// Secret returns a constant.
func Secret() string { // want Secret:`const\(a string literal \(config.go:\d+\)\)`
	return "getter-returns-a-constant-secret"
}

// SecretFromEnv is environment-derived.
func SecretFromEnv() string {
	return os.Getenv("JWT_SECRET")
}

// Default returns a literal config.
func Default() Settings { // want Default:`fields\(Issuer,JWTSecret\)`
	return Settings{JWTSecret: "func-default-secret", Issuer: "x"}
}
