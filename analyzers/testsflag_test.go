package analyzers_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/jwtvet/jwtvet/analyzers"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
)

// TestTestsFlag checks the -RULE.tests switch: JWT code that lives only in
// a _test.go file is silent by default and reported with the switch on.
func TestTestsFlag(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages: skipped with -short")
	}
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   fixtures.Dir(t),
		Tests: true,
		Env:   append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./suite/testsflag")
	if err != nil {
		t.Fatal(err)
	}
	count := func(a *analysis.Analyzer) int {
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{Sequential: true})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for act := range graph.All() {
			if act.IsRoot && act.Analyzer == a {
				n += len(act.Diagnostics)
			}
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
