package plugin

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestGolangciLintFixDemo runs golangci-lint --fix with the plugin on a
// copy of the demo: it must apply every fix in one run without skipping
// any for a conflict, a second run must change nothing, the fixed demo
// must build and vet, and jwtvet must find nothing it did not find before.
func TestGolangciLintFixDemo(t *testing.T) {
	customGCL(t)
	dir := copyDir(t, filepath.Join(repoRoot(t), "testdata", "demo"))
	before := demoFindings(t, dir)
	orig := demoGoFiles(t, dir)
	cfg := lintConfig(t, nil, allIssues)

	r := runGCL(t, dir, cfg, "--fix", "./...")
	if strings.Contains(r.stderr, "skipped") || strings.Contains(r.stderr, "conflict") {
		t.Errorf("golangci-lint skipped jwtvet fixes:\n%s", r.stderr)
	}
	fixed := demoGoFiles(t, dir)
	if maps.Equal(fixed, orig) {
		t.Fatalf("--fix changed nothing (exit %d)\n%s", r.exit, r.stderr)
	}
	runGCL(t, dir, cfg, "--fix", "./...")
	for name, src := range demoGoFiles(t, dir) {
		if src != fixed[name] {
			t.Errorf("a second --fix changed %s", name)
		}
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		if _, err := goCmd(t, dir, args...); err != nil {
			t.Error(err)
		}
	}
	after := demoFindings(t, dir)
	for key, n := range after {
		if n > before[key] {
			t.Errorf("new finding after --fix: %s", key)
		}
	}
	t.Logf("%d findings before --fix, %d after", len(before), len(after))
}

var citedLine = regexp.MustCompile(`\.go:\d+`)

// demoFindings counts jwtvet's findings in dir by file, rule and message,
// leaving out the lines messages cite (fixes shift them).
func demoFindings(t *testing.T, dir string) map[string]int {
	t.Helper()
	count := map[string]int{}
	for _, f := range standalone(t, dir, nil) {
		for _, is := range f.issues {
			rel, _ := filepath.Rel(dir, f.file)
			count[fmt.Sprintf("%s: %s", rel, citedLine.ReplaceAllString(is.text, ".go:N"))]++
		}
	}
	return count
}

func demoGoFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
