// Package envselect picks its key by the environment at run time, on
// golang-jwt v5, under names that do not say "secret". It exercises
// sharedkey on selections whose candidates repeat one value for two
// environments: a package struct of per-stage keys chosen by an if, a map
// kept in a field. The negatives: a per-stage struct whose members differ,
// and one whose members come from the environment.
package envselect

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

func claims(sub string) jwt.MapClaims { return jwt.MapClaims{"sub": sub, "exp": 1} }

type perStage struct{ Staging, Production []byte }

var macKeys = perStage{
	Staging:    []byte("mac-key-staging-equals-production-0123"),
	Production: []byte("mac-key-staging-equals-production-0123"), // want `jwt secret mac_keys is the same for Staging \(envselect.go:20\) and Production \(envselect.go:21\)`
}

func issueMac(sub string) (string, error) {
	k := macKeys.Staging
	if os.Getenv("APP_ENV") == "production" {
		k = macKeys.Production
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(k)
}

type Tenant struct {
	env  string
	keys map[string][]byte
}

func NewTenant() *Tenant {
	t := &Tenant{env: os.Getenv("APP_ENV")}
	t.keys = map[string][]byte{
		"staging":    []byte("tenant-key-reused-across-stages-01234"),
		"production": []byte("tenant-key-reused-across-stages-01234"), // want `jwt secret keys is the same for staging \(envselect.go:40\) and production \(envselect.go:41\)`
	}
	return t
}

func (t *Tenant) issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(t.keys[t.env])
}

// Negative: each stage has its own value.
var tagKeys = perStage{
	Staging:    []byte("tag-key-for-staging-only-0123456789ab"),
	Production: []byte("tag-key-for-production-only-0123456789"),
}

func issueTag(sub string) (string, error) {
	k := tagKeys.Staging
	if os.Getenv("APP_ENV") == "production" {
		k = tagKeys.Production
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(k)
}

// Negative: each stage's member comes from its own variable.
func issueFromEnv(sub string) (string, error) {
	p := perStage{Staging: []byte(os.Getenv("STAGING_KEY")), Production: []byte(os.Getenv("PRODUCTION_KEY"))}
	k := p.Staging
	if os.Getenv("APP_ENV") == "production" {
		k = p.Production
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(k)
}

var _ = []any{NewTenant, issueMac, (*Tenant).issue, issueTag, issueFromEnv}
