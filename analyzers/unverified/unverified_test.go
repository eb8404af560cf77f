package unverified_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/unverified"
)

const pattern = "./unverified/..."

// TestUnverified checks diagnostics, facts and fixes against the fixtures.
// With JWTVET_WRITE_GOLDEN=1 it first rewrites the .golden files from the
// fixes, for review.
func TestUnverified(t *testing.T) {
	if os.Getenv("JWTVET_WRITE_GOLDEN") == "1" {
		if err := fixtures.WriteGoldens(fixtures.Run(t, unverified.Analyzer, pattern)); err != nil {
			t.Fatal(err)
		}
	}
	fixtures.RunWithSuggestedFixes(t, unverified.Analyzer, pattern)
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
