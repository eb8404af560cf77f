package noaud_test

import (
	"testing"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/noaud"
)

func TestNoAud(t *testing.T) {
	fixtures.RunWithFixes(t, noaud.Analyzer, "./noaud/...")
}

func TestFixesCompile(t *testing.T) {
	fixtures.GoldensCompile(t, "noaud")
}
