package algnone_test

import (
	"bytes"
	"flag"
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
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
		results := analysistest.Run(t, dir, algnone.Analyzer, "./algnone/...")
		for name, fixed := range applyFixes(t, results) {
			if err := os.WriteFile(name+".golden", fixed, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	results := analysistest.RunWithSuggestedFixes(t, dir, algnone.Analyzer, "./algnone/...")
	// analysistest runs on ill-typed fixtures too; these must be real code.
	for _, r := range results {
		if r.Action != nil && r.Action.Package != nil {
			for _, e := range r.Action.Package.Errors {
				t.Errorf("fixture package %s does not compile: %v", r.Action.Package.PkgPath, e)
			}
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
// the gofmt-formatted results by file name. A file analysed as part of
// both a package and its test variant gets the same edits twice: they are
// applied once.
func applyFixes(t *testing.T, results []*analysistest.Result) map[string][]byte {
	t.Helper()
	type edit struct {
		start, end int
		text       string
	}
	edits := make(map[string][]edit)
	for _, r := range results {
		if r.Action == nil || r.Action.Package == nil {
			continue
		}
		fset := r.Action.Package.Fset
		for _, d := range r.Action.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, te := range fix.TextEdits {
					f := fset.File(te.Pos)
					if f == nil {
						t.Errorf("%s: edit outside any file", d.Message)
						continue
					}
					end := te.End
					if !end.IsValid() {
						end = te.Pos
					}
					e := edit{f.Offset(te.Pos), f.Offset(end), string(te.NewText)}
					if !slices.Contains(edits[f.Name()], e) {
						edits[f.Name()] = append(edits[f.Name()], e)
					}
				}
			}
		}
	}
	out := make(map[string][]byte)
	for name, es := range edits {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		sort.Slice(es, func(i, j int) bool { return es[i].start < es[j].start })
		var buf bytes.Buffer
		last := 0
		for _, e := range es {
			if e.start < last {
				t.Errorf("%s: overlapping edits at offset %d", name, e.start)
				continue
			}
			buf.Write(src[last:e.start])
			buf.WriteString(e.text)
			last = e.end
		}
		buf.Write(src[last:])
		formatted, err := format.Source(buf.Bytes())
		if err != nil {
			t.Errorf("%s: fixed file does not parse: %v\n%s", name, err, buf.Bytes())
			continue
		}
		out[name] = formatted
	}
	return out
}
