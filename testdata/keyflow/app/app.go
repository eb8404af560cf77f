// Package app asks provenance questions through sink(...) calls.
package app

import (
	"cmp"
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	mrand "math/rand"
	"os"

	"jwtvet.test/fixtures/keyflow/config"
)

func sink(any) {}

const localConst = "a-local-constant-secret"

var pkgKey = []byte("package-level-key-never-written")

var reassigned = []byte("package-level-key-later-reassigned")

func SetKey(k []byte) { reassigned = k }

type appConfig struct {
	Secret string
	Nested struct{ Key string }
}

var envs = map[string]appConfig{
	"dev":  {Secret: "dev-secret"},
	"prod": {Secret: "prod-secret"},
}

func getenv(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func secretFromHelper() string { return "helper-" + localConst }

func cases(param string) {
	sink("literal")                       // want `constant: a string literal`
	sink([]byte("converted literal"))     // want `constant: a string literal`
	sink(localConst)                      // want `constant: const localConst`
	sink(pkgKey)                          // want `constant: var pkgKey`
	sink(reassigned)                      // want `unknown`
	sink(config.DefaultSecret)            // want `constant: var DefaultSecret \(config.go`
	sink(config.Defaults.JWTSecret)       // want `constant:`
	sink(config.Loaded.JWTSecret)         // want `unknown`
	sink(config.Overridden)               // want `unknown`
	sink(config.Secret())                 // want `constant:`
	sink(config.SecretFromEnv())          // want `unknown`
	sink(config.Default().JWTSecret)      // want `constant:`
	sink(os.Getenv("JWT_SECRET"))         // want `env JWT_SECRET`
	sink(param)                           // want `param`
	sink(envs["prod"].Secret)             // want `constant:`
	sink(fmt.Sprintf("%s-%d", "x", 3))    // want `constant: a fmt.Sprintf`
	sink(secretFromHelper())              // want `constant:`
	sink(getenv("JWT_SECRET", "dev-key")) // want `fallback JWT_SECRET`
	sink(cmp.Or(os.Getenv("K"), "dflt"))  // want `fallback K`

	s := os.Getenv("JWT_SECRET")
	if s == "" {
		s = "fallback-secret"
	}
	sink(s) // want `fallback JWT_SECRET`

	local := "local-literal"
	sink([]byte(local)) // want `constant: a string literal`

	cfg := appConfig{Secret: "struct-literal-secret"}
	sink(cfg.Secret) // want `constant:`

	var fromFlag string
	readInto(&fromFlag)
	sink(fromFlag) // want `unknown`

	buf := make([]byte, 16)
	_, _ = rand.Read(buf)
	sink(buf) // want `random size=16`

	weak := make([]byte, 64)
	mrand.Read(weak)
	sink(weak) // want `predictable size=64`

	k, _ := rsa.GenerateKey(rand.Reader, 1024)
	sink(k)            // want `rsa-key size=1024`
	sink(&k.PublicKey) // want `rsa-key size=1024`
}

func readInto(p *string) { *p = os.Args[0] }
