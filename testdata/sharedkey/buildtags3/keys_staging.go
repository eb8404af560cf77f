//go:build staging

package buildtags3

var signingKey = []byte("staging-and-production-equal")

// Key returns the key of this build.
func Key() []byte { return signingKey }
