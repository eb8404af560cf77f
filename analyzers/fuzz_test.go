package analyzers_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/jwtvet/jwtvet/analyzers"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
)

// fuzzSeeds are fixture packages whose files seed FuzzSuite: the JWT
// libraries and shapes every rule reads.
var fuzzSeeds = []string{
	"./hardcodedkey/v5app", "./weakkey/v5", "./unverified/v5/app", "./noexp/v5/auth",
	"./algnone/golangjwtv5", "./sharedkey/fallback", "./hardcodedkey/josev4", "./noexp/jwxv3",
	"./noaud/keyfuncv3", "./cleartext/nethttp", "./unmaintained/dgrijalva",
}

var (
	fuzzOnce    sync.Once
	fuzzSources [][]byte
	fuzzImports map[string]*types.Package
	fuzzErr     error
)

// loadFuzzSeeds loads the seed packages once: their files are the corpus
// and their imports, read from export data, what mutated files import.
func loadFuzzSeeds(tb testing.TB) {
	dir := fixtures.Dir(tb)
	fuzzOnce.Do(func() {
		cfg := &packages.Config{
			Mode: packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedTypes,
			Dir:  dir,
			Env:  append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"),
		}
		pkgs, err := packages.Load(cfg, fuzzSeeds...)
		if err != nil {
			fuzzErr = err
			return
		}
		fuzzImports = map[string]*types.Package{}
		for _, p := range pkgs {
			for path, imp := range p.Imports {
				if imp.Types != nil {
					fuzzImports[path] = imp.Types
				}
			}
			for _, name := range p.GoFiles {
				src, err := os.ReadFile(name)
				if err != nil {
					fuzzErr = err
					return
				}
				fuzzSources = append(fuzzSources, src)
			}
		}
	})
	if fuzzErr != nil {
		tb.Fatal(fuzzErr)
	}
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// FuzzSuite mutates fixture files and runs every rule of the suite, through
// nogo-shaped passes, over whatever still parses: type errors are expected
// and must be survived, a panic or an input that takes more than ten
// seconds fails. Run it with
//
//	go test ./analyzers -run '^$' -fuzz FuzzSuite -fuzztime 5m
//
// Without -fuzz it runs the seeds, as a regular test.
func FuzzSuite(f *testing.F) {
	loadFuzzSeeds(f)
	for _, src := range fuzzSources {
		f.Add(src)
	}
	if len(fuzzSources) == 0 {
		f.Fatal("no seed files")
	}
	suite := analyzers.Suite()
	for _, a := range suite {
		roots[a] = true
	}
	importer := importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		if p := fuzzImports[path]; p != nil {
			return p, nil
		}
		return nil, os.ErrNotExist
	})
	f.Fuzz(func(t *testing.T, src []byte) {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "fuzz.go", src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return
		}
		info := &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Instances:    map[*ast.Ident]types.Instance{},
			Scopes:       map[ast.Node]*types.Scope{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			FileVersions: map[*ast.File]string{},
		}
		conf := types.Config{Importer: importer, Error: func(error) {}}
		tpkg, _ := conf.Check("jwtvet.test/fuzz/"+file.Name.Name, fset, []*ast.File{file}, info)
		pkg := &packages.Package{
			PkgPath:    tpkg.Path(),
			Fset:       fset,
			Syntax:     []*ast.File{file},
			Types:      tpkg,
			TypesInfo:  info,
			TypesSizes: types.SizesFor("gc", "amd64"),
		}
		for _, a := range suite {
			done := make(chan error, 1)
			go func() {
				_, err := nogoRun(t, pkg, a)
				done <- err
			}()
			select {
			case err := <-done:
				// An analyzer may refuse ill-typed code with an error;
				// nogoRun turns a panic into one that says so.
				if err != nil && (strings.Contains(err.Error(), "panicked") || strings.Contains(err.Error(), "internal error")) {
					t.Fatalf("%v\n%s", err, src)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("%s ran over 10 s on:\n%s", a.Name, src)
			}
		}
	})
}
