package analyzers_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/jwtvet/jwtvet/analyzers/hardcodedkey"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/unverified"
	"github.com/jwtvet/jwtvet/analyzers/weakkey"
)

// TestEchoLegacyMiddleware runs the rules that read the model rows of echo
// v4's built-in middleware.JWT on the real echo v4.12.0, in the fixture
// module of its own (testdata/echolegacy).
func TestEchoLegacyMiddleware(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages: skipped with -short")
	}
	dir := fixtures.EchoLegacyDir(t)
	analysistest.Run(t, dir, hardcodedkey.Analyzer, "./hardcodedkey/...")
	analysistest.Run(t, dir, weakkey.Analyzer, "./weakkey/...")
	analysistest.Run(t, dir, unverified.Analyzer, "./unverified/...")
}
