package analyzers_test

import (
	"fmt"
	"go/types"
	"os"
	"reflect"
	"sort"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/jwtvet/jwtvet/analyzers"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
)

// nogoRun runs a and its requirements over one package with a Pass built
// the way Bazel's nogo builds it: no ReadFile, Module, OtherFiles or
// IgnoredFiles. Facts live in memory for this package only, as when a
// dependency exported none.
func nogoRun(t *testing.T, pkg *packages.Package, a *analysis.Analyzer) (diags []analysis.Diagnostic, err error) {
	results := map[*analysis.Analyzer]any{}
	objFacts := map[string]analysis.Fact{}
	pkgFacts := map[string]analysis.Fact{}
	factKey := func(obj types.Object, f analysis.Fact) string {
		return fmt.Sprintf("%p/%s", obj, reflect.TypeOf(f))
	}
	var exec func(a *analysis.Analyzer) error
	exec = func(a *analysis.Analyzer) error {
		if _, done := results[a]; done {
			return nil
		}
		for _, req := range a.Requires {
			if err := exec(req); err != nil {
				return err
			}
		}
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       pkg.Fset,
			Files:      pkg.Syntax,
			Pkg:        pkg.Types,
			TypesInfo:  pkg.TypesInfo,
			TypesSizes: pkg.TypesSizes,
			ResultOf:   map[*analysis.Analyzer]any{},
			Report: func(d analysis.Diagnostic) {
				if a.Name == "" || isRoot(a) {
					diags = append(diags, d)
				}
			},
			ImportObjectFact: func(obj types.Object, f analysis.Fact) bool {
				got, ok := objFacts[factKey(obj, f)]
				if ok {
					reflect.ValueOf(f).Elem().Set(reflect.ValueOf(got).Elem())
				}
				return ok
			},
			ExportObjectFact: func(obj types.Object, f analysis.Fact) { objFacts[factKey(obj, f)] = f },
			ImportPackageFact: func(p *types.Package, f analysis.Fact) bool {
				got, ok := pkgFacts[fmt.Sprintf("%p/%s", p, reflect.TypeOf(f))]
				if ok {
					reflect.ValueOf(f).Elem().Set(reflect.ValueOf(got).Elem())
				}
				return ok
			},
			ExportPackageFact: func(f analysis.Fact) { pkgFacts[fmt.Sprintf("%p/%s", pkg.Types, reflect.TypeOf(f))] = f },
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
		}
		for _, req := range a.Requires {
			pass.ResultOf[req] = results[req]
		}
		res, err := a.Run(pass)
		if err != nil {
			return fmt.Errorf("%s: %v", a.Name, err)
		}
		results[a] = res
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s panicked on %s: %v", a.Name, pkg.PkgPath, r)
		}
	}()
	return diags, exec(a)
}

var roots = map[*analysis.Analyzer]bool{}

func isRoot(a *analysis.Analyzer) bool { return roots[a] }

// TestNogoPass runs every analyzer of the suite through nogo-shaped
// passes over all fixture packages: none may fail or panic, and together
// they must still find something, so the test cannot pass vacuously.
func TestNogoPass(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every fixture package; skipped under -short")
	}
	for _, a := range analyzers.Suite() {
		roots[a] = true
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes |
			packages.NeedTypesInfo | packages.NeedTypesSizes | packages.NeedImports, // dependencies from export data, as under nogo
		Dir:   fixtures.Dir(t),
		Tests: true,
		Env:   append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]int{}
	for _, pkg := range pkgs {
		if pkg.Types == nil || pkg.TypesInfo == nil {
			continue
		}
		for _, a := range analyzers.Suite() {
			diags, err := nogoRun(t, pkg, a)
			if err != nil {
				t.Errorf("%s on %s: %v", a.Name, pkg.PkgPath, err)
			}
			found[a.Name] += len(diags)
		}
	}
	names := make([]string, 0, len(found))
	total := 0
	for n, c := range found {
		names = append(names, fmt.Sprintf("%s=%d", n, c))
		total += c
	}
	sort.Strings(names)
	t.Logf("findings under nogo-shaped passes: %v", names)
	if total == 0 {
		t.Fatal("no analyzer reported anything on the fixtures under nogo-shaped passes")
	}
	for _, name := range []string{"hardcodedkey", "weakkey"} {
		if found[name] == 0 {
			t.Errorf("%s reported nothing under nogo-shaped passes", name)
		}
	}
}
