package envselect

// Per-environment configs read with a comma-ok index: the value is the
// element the map holds, or the zero value, as with a plain index. The
// positives: a map of constant struct literals selected in a helper that
// falls back to staging, the same map read into a key inside the if, and
// a map of constant keys whose miss is an error. The negatives: the same
// shapes over a map whose secrets come from the environment, a map filled
// at run time, and a map of variable names.

import (
	"errors"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

type deployConfig struct {
	APIBase string
	Secret  string
}

var deployConfigs = map[string]deployConfig{
	"staging":    {APIBase: "https://staging.example.com", Secret: "deploy-staging-secret-0123456789abcdefgh"},
	"production": {APIBase: "https://api.example.com", Secret: "deploy-production-secret-0123456789abcd"},
}

func currentDeploy() deployConfig {
	if c, ok := deployConfigs[os.Getenv("DEPLOY_ENV")]; ok {
		return c
	}
	return deployConfigs["staging"]
}

func IssueDeploy(sub string) (string, error) {
	cfg := currentDeploy()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(cfg.Secret)) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(commaok.go:24\)`
}

func IssueDeployInline(sub string) (string, error) {
	var key string
	if c, ok := deployConfigs[os.Getenv("DEPLOY_ENV")]; ok {
		key = c.Secret
	}
	if key == "" {
		return "", errors.New("unknown DEPLOY_ENV")
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(key)) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(commaok.go:24\)`
}

var tierKeys = map[string]string{
	"free": "tier-free-signing-key-0123456789abcdefghij",
	"paid": "tier-paid-signing-key-0123456789abcdefghij",
}

func IssueTier(sub, tier string) (string, error) {
	k, ok := tierKeys[tier]
	if !ok {
		return "", errors.New("unknown tier")
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(k)) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(commaok.go:52\)`
}

// Negative: each environment's secret is read from the environment.
var envConfigs = map[string]deployConfig{
	"staging":    {APIBase: "https://staging.example.com", Secret: os.Getenv("STAGING_JWT_SECRET")},
	"production": {APIBase: "https://api.example.com", Secret: os.Getenv("PRODUCTION_JWT_SECRET")},
}

func IssueDeployFromEnv(sub string) (string, error) {
	c, ok := envConfigs[os.Getenv("DEPLOY_ENV")]
	if !ok {
		c = envConfigs["staging"]
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(c.Secret))
}

// Negative: the map starts with a development key but Register fills it
// at run time.
var tenantConfigs = map[string]deployConfig{
	"dev": {Secret: "tenant-development-secret-0123456789abcde"},
}

func Register(tenant string, c deployConfig) { tenantConfigs[tenant] = c }

func IssueTenant(sub, tenant string) (string, error) {
	c, ok := tenantConfigs[tenant]
	if !ok {
		return "", errors.New("unknown tenant")
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(c.Secret))
}

// Negative: the map holds the names of the variables that hold the
// secrets.
var secretNames = map[string]string{
	"staging":    "STAGING_SIGNING_SECRET",
	"production": "PRODUCTION_SIGNING_SECRET",
}

func IssueNamed(sub string) (string, error) {
	name, ok := secretNames[os.Getenv("DEPLOY_ENV")]
	if !ok {
		return "", errors.New("unknown DEPLOY_ENV")
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(os.Getenv(name)))
}
