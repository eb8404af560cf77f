package unverified_test

import (
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/unverified"
)

const pattern = "./unverified/..."

// TestUnverified checks diagnostics, facts and fixes against the fixtures.
// With JWTVET_WRITE_GOLDEN=1 it first rewrites the .golden files from the
// fixes, for review.
func TestUnverified(t *testing.T) {
	dir := fixtures.Dir(t)
	if os.Getenv("JWTVET_WRITE_GOLDEN") == "1" {
		writeGoldens(t, analysistest.Run(t, dir, unverified.Analyzer, pattern))
	}
	analysistest.RunWithSuggestedFixes(t, dir, unverified.Analyzer, pattern)
}

type edit struct {
	start, end int
	text       string
}

func writeGoldens(t *testing.T, results []*analysistest.Result) {
	edits := map[string]map[edit]bool{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					f := r.Pass.Fset.File(e.Pos)
					end := e.End
					if !end.IsValid() {
						end = e.Pos
					}
					if edits[f.Name()] == nil {
						edits[f.Name()] = map[edit]bool{}
					}
					edits[f.Name()][edit{f.Offset(e.Pos), f.Offset(end), string(e.NewText)}] = true
				}
			}
		}
	}
	for name, set := range edits {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var list []edit
		for e := range set {
			list = append(list, e)
		}
		sort.Slice(list, func(i, j int) bool { return list[i].start > list[j].start })
		out := string(src)
		for _, e := range list {
			out = out[:e.start] + e.text + out[e.end:]
		}
		formatted, err := format.Source([]byte(out))
		if err != nil {
			t.Fatalf("%s: fixed source does not parse: %v", name, err)
		}
		if err := os.WriteFile(name+".golden", formatted, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFixesCompile builds the fixture packages with every .golden file in
// place of its source: the suggested fixes must leave code that compiles.
func TestFixesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the fixture module")
	}
	src := fixtures.Dir(t)
	tmp := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		copyFile(t, filepath.Join(src, f), filepath.Join(tmp, f))
	}
	goldens := 0
	root := filepath.Join(src, "unverified")
	err := filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() {
			if info.Name() == "broken" {
				return filepath.SkipDir // does not type-check on purpose
			}
			return nil
		}
		rel, _ := filepath.Rel(src, path)
		switch {
		case strings.HasSuffix(path, ".go.golden"):
			goldens++
			copyFile(t, path, filepath.Join(tmp, strings.TrimSuffix(rel, ".golden")))
		case strings.HasSuffix(path, ".go"):
			if _, err := os.Stat(path + ".golden"); err == nil {
				return nil
			}
			copyFile(t, path, filepath.Join(tmp, rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if goldens == 0 {
		t.Fatal("no .golden files found")
	}
	cmd := exec.Command("go", "build", "./...")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("fixed fixtures do not build: %v\n%s", err, out)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
