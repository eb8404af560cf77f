//go:build !prod

// Package buildtags picks its settings by build tag: config_dev.go for
// everything but -tags prod, config_prod.go for production. Exercises: a
// key defined with the same value in both variants (reported at the
// compiled one), a config literal field and a getter that repeat the
// secret, and names that differ per variant or are not secrets.
package buildtags

const jwtSecret = "same-in-dev-and-prod-builds" // want `jwt secret jwtSecret is the same in config_dev.go \(//go:build !prod\) and config_prod.go \(//go:build prod\): one secret serves several builds; give each environment its own secret`

const refreshSecret = "dev-build-refresh-secret"

const apiBase = "http://localhost:8080"

var settings = Settings{
	Issuer:     "buildtags",
	SigningKey: "settings-signing-key-both-builds", // want `jwt secret settings.SigningKey is the same in config_dev.go \(//go:build !prod\) and config_prod.go \(//go:build prod\)`
}

func hmacKey() string {
	return "hmac-key-func-in-both-builds" // want `jwt secret hmacKey\(\) is the same in config_dev.go \(//go:build !prod\) and config_prod.go \(//go:build prod\)`
}
