package cleartext_test

import (
	"testing"

	"github.com/jwtvet/jwtvet/analyzers/cleartext"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
)

func TestCleartext(t *testing.T) {
	fixtures.RunWithFixes(t, cleartext.Analyzer, "./cleartext/...")
}

func TestFixesCompile(t *testing.T) {
	fixtures.GoldensCompile(t, "cleartext")
}
