package unmaintained_test

import (
	"testing"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/unmaintained"
)

func TestUnmaintained(t *testing.T) {
	fixtures.RunWithFixes(t, unmaintained.Analyzer, "./unmaintained/...")
}

// TestFixesCompile builds the rewritten files against the replacement
// modules of the fixture module.
func TestFixesCompile(t *testing.T) {
	fixtures.GoldensCompile(t, "unmaintained")
}
