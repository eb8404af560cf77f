// Package keys is what the driver fixtures call: Danger is the call the
// test rule reports.
package keys

// Danger returns key material as it is.
func Danger(s string) string { return s }

// Len is an unreported use of the package.
func Len(s string) int { return len(s) }
