// +build staging

package buildtags2

var tokenSecret = "plus-build-shared-token-secret"

// TokenSecret returns the secret.
func TokenSecret() string { return tokenSecret }
