// +build !staging

// Package buildtags2 uses the old // +build syntax. Exercises: variants
// recognised without a //go:build line.
package buildtags2

var tokenSecret = "plus-build-shared-token-secret" // want `jwt secret tokenSecret is the same in secret_default.go \(//go:build !staging\) and secret_staging.go \(//go:build staging\)`

// TokenSecret returns the secret.
func TokenSecret() string { return tokenSecret }
