package algnone_test

import (
	"bytes"
	"flag"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/jwtvet/jwtvet/analyzers/algnone"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
)

var update = flag.Bool("write-golden", false, "rewrite the .golden files of testdata/algnone from the suggested fixes (review the diff)")

// TestAnalyzer checks the diagnostics against the // want comments and the
// fixes against the .golden files, then checks that each fixed file is what
// gofmt makes of the raw edits and that the fixed packages type-check.
func TestAnalyzer(t *testing.T) {
	dir := fixtures.Dir(t)
	if *update {
		if err := fixtures.WriteGoldens(fixtures.Run(t, algnone.Analyzer, "./algnone/...")); err != nil {
			t.Fatal(err)
		}
		return
	}
	// Fixture packages that do not type-check fail the run.
	results := fixtures.RunWithSuggestedFixes(t, algnone.Analyzer, "./algnone/...")
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Package.ID, r.Err)
		}
	}
	if t.Failed() {
		return
	}
	fixed := applyFixes(t, results)
	if len(fixed) == 0 {
		t.Fatal("no suggested fixes at all")
	}

	// Every golden file belongs to a file that gets fixes.
	goldens, err := filepath.Glob(filepath.Join(dir, "algnone", "*", "*.golden"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens {
		if _, ok := fixed[strings.TrimSuffix(g, ".golden")]; !ok {
			t.Errorf("%s: no fix applies to %s", g, filepath.Base(strings.TrimSuffix(g, ".golden")))
		}
	}

	overlay := make(map[string][]byte)
	for name, got := range fixed {
		want, err := os.ReadFile(name + ".golden")
		if err != nil {
			t.Errorf("fixes apply to %s but: %v", name, err)
			continue
		}
		if formatted, err := format.Source(want); err != nil || !bytes.Equal(formatted, want) {
			t.Errorf("%s.golden is not gofmt-formatted (%v)", name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: gofmt of the fixed file differs from the golden file:\n%s", name, got)
		}
		overlay[name] = want
	}

	if testing.Short() {
		t.Skip("type-checking the fixed packages: skipped with -short")
	}
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedImports,
		Dir:     dir,
		Tests:   true,
		Env:     append(os.Environ(), "GO111MODULE=on", "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=mod"),
		Overlay: overlay,
	}
	pkgs, err := packages.Load(cfg, "./algnone/...")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) == 0 {
		t.Fatal("no fixture packages loaded")
	}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("fixed package %s does not compile: %v", p.PkgPath, e)
		}
	}
}

// applyFixes applies every suggested fix to the files it edits and returns
// the gofmt-formatted results by file name.
func applyFixes(t *testing.T, results []*fixtures.Result) map[string][]byte {
	t.Helper()
	fixed, err := fixtures.Fixed(results)
	if err != nil {
		t.Fatal(err)
	}
	return fixed
}
