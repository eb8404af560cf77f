//go:build !staging && !production

// Package buildtags3 has three variants; staging and production are
// both ignored in a default build and share the key, which is reported
// at the compiled default variant. A platform-only variant
// (keys_windows.go) is not an environment and is not compared.
package buildtags3

var signingKey = []byte("default-build-own-signing-key") // want `jwt secret signingKey is the same in keys_production.go \(//go:build production\) and keys_staging.go \(//go:build staging\)`

// Key returns the key of this build.
func Key() []byte { return signingKey }
