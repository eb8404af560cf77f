package analyzers_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
)

// TestTestsFlag checks the -RULE.tests switch: JWT code that lives only in
// a _test.go file is silent by default and reported with the switch on.
func TestTestsFlag(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages: skipped with -short")
	}
	count := func(a *analysis.Analyzer) int {
		n := 0
		for _, r := range fixtures.Analyze(t, a, "./suite/testsflag") {
			n += len(r.Diagnostics)
		}
		return n
	}
	for _, a := range analyzers.Suite() {
		f := a.Flags.Lookup("tests")
		if f == nil {
			continue
		}
		t.Run(a.Name, func(t *testing.T) {
			if n := count(a); n != 0 {
				t.Errorf("%s reported %d findings in a _test.go file by default", a.Name, n)
			}
			if err := a.Flags.Set("tests", "true"); err != nil {
				t.Fatal(err)
			}
			defer a.Flags.Set("tests", f.DefValue)
			if n := count(a); n == 0 {
				t.Errorf("%s reported nothing with -%s.tests=true", a.Name, a.Name)
			}
		})
	}
}
