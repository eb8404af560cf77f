//go:build special

// Package tagged builds only with -tags=special.
package tagged

// Word is reported only when the tag is set.
func Word() string { return "magic" }
