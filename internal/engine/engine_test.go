package engine_test

import (
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/internal/engine"
)

// secretFact marks a function whose name starts with "Secret".
type secretFact struct{}

func (*secretFact) AFact()         {}
func (*secretFact) String() string { return "secret" }

// secretCalls exports a fact for Secret* functions and reports calls to
// functions with the fact, so a finding in one package needs a fact from
// another.
var secretCalls = &analysis.Analyzer{
	Name:      "secretcalls",
	Doc:       "report calls of functions marked secret in another package",
	FactTypes: []analysis.Fact{new(secretFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && strings.HasPrefix(fd.Name.Name, "Secret") {
					pass.ExportObjectFact(pass.TypesInfo.Defs[fd.Name], new(secretFact))
				}
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var id *ast.Ident
				switch fun := call.Fun.(type) {
				case *ast.Ident:
					id = fun
				case *ast.SelectorExpr:
					id = fun.Sel
				}
				if fn, ok := pass.TypesInfo.Uses[id].(*types.Func); ok && pass.ImportObjectFact(fn, new(secretFact)) {
					pass.Reportf(call.Pos(), "call of secret %s", fn.Name())
				}
				return true
			})
		}
		return nil, nil
	},
}

// writeTree writes files (slash-separated names relative to dir).
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func env() []string {
	return append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=mod")
}

// module is a main module example.com/app that depends on a local module
// example.com/lib through a replace directive.
var module = map[string]string{
	"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ./lib\n",
	"keys/keys.go": `package keys

func SecretKey() []byte { return []byte("k") }
`,
	"app/app.go": `package app

import (
	"strings"

	"example.com/app/keys"
	"example.com/lib/auth"
)

func Use() string { return strings.ToUpper(string(keys.SecretKey())) + string(auth.SecretShared()) }
`,
	"broken/broken.go": `package broken

func F() int { return "one" }
`,
	"uses/uses.go": `package uses

import "example.com/app/broken"

var X = broken.F()
`,
	"lib/go.mod":       "module example.com/lib\n\ngo 1.22\n",
	"lib/auth/auth.go": "package auth\n\nfunc SecretShared() []byte { return nil }\n",
}

func load(t *testing.T, cfg *engine.Config, patterns ...string) *engine.Program {
	t.Helper()
	prog, err := engine.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

func messages(prog *engine.Program, results []*engine.Result) []string {
	var out []string
	for _, r := range results {
		for _, d := range r.Diagnostics[secretCalls] {
			out = append(out, filepath.Base(prog.Fset.Position(d.Pos).Filename)+": "+d.Message)
		}
	}
	return out
}

func TestSourceAndExportData(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, module)
	prog := load(t, &engine.Config{Dir: dir, Env: env()}, "./app")

	source := map[string]bool{}
	for _, p := range prog.Packages {
		source[p.PkgPath] = p.Source
	}
	for path, want := range map[string]bool{
		"example.com/app/app":  true,  // matched
		"example.com/app/keys": true,  // a dependency in the main module
		"example.com/lib/auth": false, // another module
		"strings":              false, // the standard library
	} {
		if source[path] != want {
			t.Errorf("%s: Source = %v, want %v", path, source[path], want)
		}
	}

	results, errs := engine.Analyze(prog, []*analysis.Analyzer{secretCalls}, nil)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(results) != 1 || results[0].Package.PkgPath != "example.com/app/app" {
		t.Fatalf("results for %d packages, want example.com/app/app only", len(results))
	}
	// The fact of keys, a dependency analyzed only for its facts, reaches
	// app; lib is export data, so it has no facts.
	got := messages(prog, results)
	if want := []string{"app.go: call of secret SecretKey"}; !slices.Equal(got, want) {
		t.Errorf("diagnostics = %q, want %q", got, want)
	}
	// Memory follows the work: nothing keeps syntax or type information
	// of a finished package.
	for _, p := range prog.Packages {
		if p.Syntax != nil || p.TypesInfo != nil {
			t.Errorf("%s still holds syntax or type information", p.PkgPath)
		}
	}
}

func TestSourceModules(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, module)
	prog := load(t, &engine.Config{Dir: dir, Env: env(), SourceModules: []string{"example.com/lib"}}, "./app")
	results, errs := engine.Analyze(prog, []*analysis.Analyzer{secretCalls}, nil)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	got := messages(prog, results)
	want := []string{"app.go: call of secret SecretKey", "app.go: call of secret SecretShared"}
	if !slices.Equal(got, want) {
		t.Errorf("with lib as a source module, diagnostics = %q, want %q", got, want)
	}
}

func TestBrokenDependency(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, module)
	prog := load(t, &engine.Config{Dir: dir, Env: env()}, "./uses", "./app")
	results, errs := engine.Analyze(prog, []*analysis.Analyzer{secretCalls}, nil)

	// The type error is reported once, at its cause.
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Package.PkgPath+": "+e.Err.Msg)
	}
	if len(errs) != 1 || errs[0].Package.PkgPath != "example.com/app/broken" {
		t.Errorf("errors = %q, want the one type error of example.com/app/broken", msgs)
	}
	for _, r := range results {
		switch r.Package.PkgPath {
		case "example.com/app/uses":
			if !r.Broken {
				t.Error("uses imports a broken package but is not marked broken")
			}
		case "example.com/app/app":
			if r.Broken || len(r.Diagnostics[secretCalls]) != 1 {
				t.Errorf("app loaded fine and must be analyzed: broken=%v, diagnostics=%d", r.Broken, len(r.Diagnostics[secretCalls]))
			}
		}
	}
}

func TestOverlay(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, module)
	overlay := map[string][]byte{
		filepath.Join(dir, "app", "app.go"): []byte("package app\n\nimport \"example.com/app/keys\"\n\nvar K = keys.SecretKey()\n"),
	}
	prog := load(t, &engine.Config{Dir: dir, Env: env(), Overlay: overlay}, "./app")
	results, errs := engine.Analyze(prog, []*analysis.Analyzer{secretCalls}, nil)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if got := messages(prog, results); !slices.Equal(got, []string{"app.go: call of secret SecretKey"}) {
		t.Errorf("diagnostics on the overlay = %q", got)
	}
}

// A cgo package is type-checked without running cgo: what comes from C
// has no type, which is no error, and the rest is analyzed.
func TestCgoWithoutCgo(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":       "module example.com/c\n\ngo 1.22\n",
		"keys/keys.go": "package keys\n\nfunc SecretKey() []byte { return nil }\n",
		"native/native.go": `package native

// #include <stdlib.h>
// static int answer(void) { return 42; }
import "C"

import "example.com/c/keys"

func Answer() int { return int(C.answer()) }

func Key() []byte { return keys.SecretKey() }
`,
	})
	e := append(env(), "CGO_ENABLED=1")
	prog := load(t, &engine.Config{Dir: dir, Env: e}, "./native")
	results, errs := engine.Analyze(prog, []*analysis.Analyzer{secretCalls}, nil)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if got := messages(prog, results); !slices.Equal(got, []string{"native.go: call of secret SecretKey"}) {
		t.Errorf("diagnostics in the cgo package = %q", got)
	}
}
