package weakkey_test

import (
	"testing"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/weakkey"
)

func TestWeakKey(t *testing.T) {
	fixtures.RunWithFixes(t, weakkey.Analyzer, "./weakkey/...")
}

func TestFixesCompile(t *testing.T) {
	fixtures.GoldensCompile(t, "weakkey")
}
