package sharedkey_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/sharedkey"
)

func TestSharedKey(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), sharedkey.Analyzer, "./sharedkey/...")
}
