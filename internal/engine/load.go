// Package engine loads Go packages and runs analyzers over them the way
// jwtvet's standalone command needs: source only for the code that can
// hold or feed a key, export data for everything else.
//
// x/tools' checker, given analyzers that use facts, parses and type-checks
// every dependency from source, the standard library and every third-party
// module included, runs each analyzer on each of them, copies the facts of
// all dependencies into every package and keeps every result to the end.
// On a service with a thousand dependencies that costs gigabytes. This
// driver does what go vet does instead:
//
//   - the packages matched by the patterns, and their dependencies inside
//     the main module(s) (plus modules named in Config.SourceModules), are
//     parsed, type-checked and analyzed from source, in dependency order,
//     without being compiled and without running cgo;
//   - every other package is read from the compiler's export data, which
//     the go command builds into its cache, and is never analyzed: the
//     JWT libraries are described by the model, and third-party code
//     cannot see a key of the program;
//   - facts live in one store, looked up by object, never copied;
//   - a package's syntax, type information and analyzer results are
//     released as soon as its analysis is done, so memory follows the
//     packages being worked on, not the whole program.
package engine

import (
	"fmt"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Config says what to load.
type Config struct {
	Dir        string   // directory to run the go command in
	Env        []string // environment of the go command; nil means the process's
	BuildFlags []string // e.g. -tags=...
	Tests      bool     // also load test files and test packages

	// Overlay maps file names to contents that replace (or add to) the
	// files on disk, as packages.Config.Overlay does.
	Overlay map[string][]byte

	// SourceModules names modules, besides the main module(s), whose
	// packages are analyzed from source when the patterns depend on them:
	// a company's shared auth module, say.
	SourceModules []string
}

// A Package is one package of the program.
type Package struct {
	*packages.Package

	// Root reports whether the patterns matched the package (or it is a
	// test variant of one that did): its findings are reported.
	Root bool
	// Source reports whether the package is parsed, type-checked and
	// analyzed from source. Roots are, and so are their dependencies in
	// the source modules.
	Source bool

	imports []*Package // resolved imports, in a fixed order
	preds   []*Package // source packages importing this one
}

// A Program is the loaded import graph.
type Program struct {
	Fset     *token.FileSet
	Packages []*Package // every package, dependencies before dependents
	Roots    []*Package // the packages matched by the patterns, in load order
	byID     map[string]*Package
	overlay  map[string][]byte
}

// graphMode lists the import graph and nothing more: go list -deps,
// without -export or -compiled, so nothing is compiled and no cgo runs.
const graphMode = packages.NeedName | packages.NeedFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedModule | packages.NeedEmbedFiles

// Load lists the packages matched by patterns and their dependencies. It
// parses and type-checks nothing; Analyze does, package by package.
func Load(cfg *Config, patterns ...string) (*Program, error) {
	fset := token.NewFileSet()
	pcfg := &packages.Config{
		Mode:       graphMode,
		Dir:        cfg.Dir,
		Env:        cfg.Env,
		BuildFlags: cfg.BuildFlags,
		Tests:      cfg.Tests,
		Overlay:    cfg.Overlay,
	}
	roots, err := packages.Load(pcfg, patterns...)
	if err != nil {
		return nil, err
	}
	prog := &Program{Fset: fset, byID: make(map[string]*Package), overlay: cfg.Overlay}
	sourceModule := func(m *packages.Module) bool {
		return m != nil && (m.Main || slices.Contains(cfg.SourceModules, m.Path))
	}
	// Postorder: dependencies first.
	packages.Visit(roots, nil, func(p *packages.Package) {
		pkg := &Package{Package: p}
		pkg.Source = sourceModule(p.Module) && !isTestMain(p)
		prog.byID[p.ID] = pkg
		prog.Packages = append(prog.Packages, pkg)
	})
	for _, p := range roots {
		pkg := prog.byID[p.ID]
		if isTestMain(p) {
			continue // the generated test main holds no code of the program
		}
		pkg.Root, pkg.Source = true, true
		prog.Roots = append(prog.Roots, pkg)
	}
	for _, pkg := range prog.Packages {
		for _, path := range sortedKeys(pkg.Imports) {
			imp := prog.byID[pkg.Imports[path].ID]
			pkg.imports = append(pkg.imports, imp)
		}
		// A package that imports a source package is type-checked from
		// source too: export data of its own would describe a second,
		// different copy of that package's types.
		if !pkg.Source && !isTestMain(pkg.Package) && slices.ContainsFunc(pkg.imports, func(imp *Package) bool { return imp.Source }) {
			pkg.Source = true
		}
	}
	for _, pkg := range prog.Packages {
		if !pkg.Source {
			continue
		}
		for _, imp := range pkg.imports {
			if imp.Source {
				imp.preds = append(imp.preds, pkg)
			}
		}
	}
	if err := prog.completeFiles(cfg); err != nil {
		return nil, err
	}
	if err := prog.exportFiles(cfg); err != nil {
		return nil, err
	}
	sizes, err := sizesFor(cfg)
	if err != nil {
		return nil, err
	}
	for _, p := range prog.Packages {
		p.TypesSizes = sizes
	}
	return prog, nil
}

// exportFiles asks the go command for the export data of the packages
// that source packages import but that are not analyzed themselves, and
// of nothing else: the program's own code is type-checked from source, so
// it is never compiled.
func (prog *Program) exportFiles(cfg *Config) error {
	need := make(map[string]*Package)
	for _, p := range prog.Packages {
		if !p.Source {
			continue
		}
		for _, imp := range p.imports {
			if !imp.Source && imp.PkgPath != "unsafe" && imp.PkgPath != "C" {
				need[imp.ID] = imp
			}
		}
	}
	if len(need) == 0 {
		return nil
	}
	pkgs, err := packages.Load(&packages.Config{
		Mode:       packages.NeedName | packages.NeedExportFile,
		Dir:        cfg.Dir,
		Env:        cfg.Env,
		BuildFlags: cfg.BuildFlags,
	}, sortedKeys(need)...)
	if err != nil {
		return err
	}
	for _, e := range pkgs {
		if p := need[e.ID]; p != nil {
			p.ExportFile = e.ExportFile
			if e.ExportFile == "" {
				p.Errors = append(p.Errors, e.Errors...)
			}
		}
	}
	return nil
}

// completeFiles sets the files each source package is type-checked from:
// its Go files as written. A cgo package is checked without running cgo,
// with import "C" standing for an empty package (types.Config.FakeImportC):
// what the C side declares has no type, which no rule needs, and nothing
// is compiled for a package the rules read.
func (prog *Program) completeFiles(*Config) error {
	for _, p := range prog.Packages {
		if p.Source {
			p.CompiledGoFiles = p.GoFiles
		}
	}
	return nil
}

// sizesFor returns the sizes of the target the go command builds for.
func sizesFor(cfg *Config) (types.Sizes, error) {
	cmd := exec.Command("go", "env", "GOARCH")
	cmd.Dir = cfg.Dir
	cmd.Env = cfg.Env
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOARCH: %v", err)
	}
	sizes := types.SizesFor("gc", strings.TrimSpace(string(out)))
	if sizes == nil {
		return nil, fmt.Errorf("unknown GOARCH %q", strings.TrimSpace(string(out)))
	}
	return sizes, nil
}

// isTestMain reports whether p is the generated main package of a test
// binary ("p.test").
func isTestMain(p *packages.Package) bool {
	return p.Name == "main" && strings.HasSuffix(p.ID, ".test")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// SourceCount returns how many packages are analyzed from source.
func (prog *Program) SourceCount() int {
	n := 0
	for _, p := range prog.Packages {
		if p.Source {
			n++
		}
	}
	return n
}

// newTypesPackages gives every package of the graph its types.Package up
// front, so that reading export data fills these in place and never
// creates a second copy of a package (type identity depends on it).
func (prog *Program) newTypesPackages() {
	for _, p := range prog.Packages {
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
			continue
		}
		p.Types = types.NewPackage(p.PkgPath, p.Name)
	}
}

// readable reports whether name is one of the package's files, for
// Pass.ReadFile.
func readable(p *packages.Package, name string) bool {
	for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.IgnoredFiles, p.EmbedFiles} {
		if slices.Contains(list, name) {
			return true
		}
	}
	return false
}

func (prog *Program) readFileOf(p *packages.Package) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		if !readable(p, name) {
			return nil, fmt.Errorf("%s is not among the files of package %s", name, p.PkgPath)
		}
		return prog.readFile(name)
	}
}

// readFile reads name from the overlay or the disk.
func (prog *Program) readFile(name string) ([]byte, error) {
	if src, ok := prog.overlay[name]; ok {
		return src, nil
	}
	return os.ReadFile(name)
}
