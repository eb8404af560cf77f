package bench

import (
	"bytes"
	"flag"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jwtvet/jwtvet/analyzers"
	"github.com/jwtvet/jwtvet/internal/engine"
)

// TestServicePlan checks the service module without the network or the
// go command: its size, its auth variants, that generation is
// deterministic, and that every package it imports from outside the
// standard library and the module is one testdata/service/deps.go
// imports, so that the go.mod and go.sum copied from there are complete.
func TestServicePlan(t *testing.T) {
	p := newServicePlan()
	paths := p.packagePaths()
	if n := len(paths); n < 60 || n > 100 {
		t.Errorf("%d packages, want 60 to 100", n)
	}
	if jwt := len(p.jwtPackagePaths()); jwt < 5 || jwt > len(paths)/5 {
		t.Errorf("%d of %d packages use the JWT library, want a few", jwt, len(paths))
	}
	var variants [numAuthVariants]int
	for _, d := range p.Domains {
		if d.Auth {
			variants[d.Variant]++
		}
	}
	for v, count := range variants {
		if count != 1 {
			t.Errorf("auth variant %d used %d times, want once", v, count)
		}
	}

	a, b := t.TempDir(), t.TempDir()
	if err := GenerateService(a); err != nil {
		t.Fatal(err)
	}
	if err := GenerateService(b); err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, a)
	if !maps.EqualFunc(tree, readTree(t, b), bytes.Equal) {
		t.Error("two generations differ")
	}

	pinned := importsOf(t, filepath.Join(serviceFixtureDir(), "deps.go"))
	own := map[string]bool{}
	for _, path := range paths {
		own[path] = true
	}
	dirs := map[string]bool{}
	for rel := range tree {
		if !strings.HasSuffix(rel, ".go") {
			continue
		}
		dirs[ServiceModulePath+"/"+filepath.ToSlash(filepath.Dir(rel))] = true
		for _, imp := range importsOf(t, filepath.Join(a, rel)) {
			first, _, _ := strings.Cut(imp, "/")
			switch {
			case !strings.Contains(first, "."):
			case strings.HasPrefix(imp, ServiceModulePath+"/"):
				if !own[imp] {
					t.Errorf("%s imports %s, not a package of the plan", rel, imp)
				}
			case !slices.Contains(pinned, imp):
				t.Errorf("%s imports %s, which testdata/service/deps.go does not", rel, imp)
			}
		}
	}
	if got := slices.Sorted(maps.Keys(dirs)); !slices.Equal(got, sorted(paths)) {
		t.Errorf("generated packages %v\nwant %v", got, sorted(paths))
	}
}

func importsOf(t *testing.T, file string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, spec := range f.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		out = append(out, path)
	}
	return out
}

var serviceTest = flag.Bool("service-test", false, "run TestServiceModule, which loads and analyzes the service module")

// TestServiceModule loads and analyzes the service module the way the
// jwtvet command does, when -service-test is given and the module cache
// already holds the dependencies (it never downloads):
//
//	go test ./internal/bench -run TestServiceModule -service-test -v
//
// The first run on a machine compiles the dependencies' export data
// (minutes); later runs take about a minute. It checks that every package
// type-checks, that exactly the module's packages are analyzed from
// source, and that the suite reports the planted mistakes and nothing in
// the careful packages. (The benchmarks fail on any load error too.)
func TestServiceModule(t *testing.T) {
	if !*serviceTest {
		t.Skip("loads about 900 packages; run with -service-test")
	}
	// deps.go imports every third-party package the module imports.
	cmd := exec.Command("go", "list", "-deps", "./...")
	cmd.Dir = serviceFixtureDir()
	cmd.Env = offlineEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("the module cache lacks the service's dependencies (go test -bench . -shape=service fetches them):\n%s", out)
	}
	start := time.Now()
	// The benchmarks' directory: the build cache keeps the module's
	// export data by directory.
	dir := shapeList[slices.IndexFunc(shapeList, func(s *shape) bool { return s.name == "service" })].moduleDir()
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := GenerateService(dir); err != nil {
		t.Fatal(err)
	}
	prog, err := LoadEngine(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := newServicePlan()
	var source []string
	for _, pkg := range prog.Packages {
		if pkg.Source && !strings.HasSuffix(pkg.ID, ".test") && pkg.ID == pkg.PkgPath {
			source = append(source, pkg.PkgPath)
		}
	}
	if !slices.Equal(sorted(source), sorted(p.packagePaths())) {
		t.Errorf("analyzed from source: %v\nwant the module's packages %v", sorted(source), sorted(p.packagePaths()))
	}
	if n := len(prog.Packages); n < 800 || n > 1200 {
		t.Errorf("%d packages with dependencies, want 800 to 1200", n)
	}

	results, loadErrs := engine.Analyze(prog, analyzers.Suite(), nil)
	for _, e := range loadErrs {
		t.Errorf("%s: %v", e.Package.ID, e.Err)
	}
	// The shared internal/secrets has a fallback refresh key.
	planted := map[string]bool{p.Module + "/internal/secrets": true}
	for _, d := range p.Domains {
		if d.Auth && (d.Variant == authFallback || d.Variant == authMapClaims || d.Variant == authConstant) {
			planted[d.Path("auth")] = true
		}
	}
	found := map[string]int{}
	for _, r := range results {
		if r.Broken || len(r.Errors) > 0 {
			t.Errorf("%s: broken %v, analyzer errors %v", r.Package.ID, r.Broken, r.Errors)
		}
		for a, ds := range r.Diagnostics {
			for _, d := range ds {
				if !planted[r.Package.PkgPath] {
					t.Errorf("%s: %s: %s in a careful package", prog.Fset.Position(d.Pos), a.Name, d.Message)
				}
				found[r.Package.PkgPath]++
			}
		}
	}
	for path := range planted {
		if found[path] == 0 {
			t.Errorf("%s: no finding for its planted mistakes", path)
		}
	}
	t.Logf("%d packages, %d from source, findings %v, in %s",
		len(prog.Packages), prog.SourceCount(), found, time.Since(start).Round(time.Millisecond))
}
