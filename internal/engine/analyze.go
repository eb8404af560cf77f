package engine

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/types"
	"os"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// A Result is what the analyzers found in one root package.
type Result struct {
	Package *Package
	// Generated lists the package's generated files (by name), which
	// fixes must not touch.
	Generated map[string]bool
	// Diagnostics by analyzer, in the order reported.
	Diagnostics map[*analysis.Analyzer][]analysis.Diagnostic
	// Errors of analyzers that failed on the package.
	Errors map[*analysis.Analyzer]error
	// Facts exported by the package, by analyzer, when
	// Options.RecordFacts is set. A nil Object is a package fact.
	Facts map[*analysis.Analyzer][]Fact
	// Broken reports that the package itself, or a package it depends
	// on, could not be loaded or type-checked, so it was not analyzed
	// (or only by analyzers that run despite errors).
	Broken bool
}

// A LoadError is a package that could not be listed, parsed, or
// type-checked, or whose export data could not be read.
type LoadError struct {
	Package *Package
	Err     packages.Error
}

// Options tune Analyze.
type Options struct {
	// Parallel is how many packages are worked on at once; 0 means
	// GOMAXPROCS.
	Parallel int
	// RecordFacts keeps the facts each root package exports in its
	// Result, for tests.
	RecordFacts bool
}

// A Fact is a fact exported by a root package: about Object, or about the
// package itself when Object is nil.
type Fact struct {
	Object types.Object
	Fact   analysis.Fact
}

// Analyze parses, type-checks and analyzes the program's source packages,
// dependencies first, and returns the findings of the roots and the errors
// met on the way, each once.
func Analyze(prog *Program, analyzers []*analysis.Analyzer, opts *Options) ([]*Result, []LoadError) {
	if opts == nil {
		opts = &Options{}
	}
	r := &run{
		prog:      prog,
		analyzers: closure(analyzers),
		facts:     newFactStore(),
		record:    opts.RecordFacts,
		results:   make(map[*Package]*Result),
	}
	prog.newTypesPackages()
	r.schedule(cmpOr(opts.Parallel, runtime.GOMAXPROCS(0)))

	var results []*Result
	for _, p := range prog.Roots {
		results = append(results, r.results[p])
	}
	return results, r.loadErrors()
}

func cmpOr(a, b int) int {
	if a > 0 {
		return a
	}
	return b
}

// closure returns the analyzers and everything they require, required
// ones first.
func closure(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	var order []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		order = append(order, a)
	}
	for _, a := range analyzers {
		visit(a)
	}
	return order
}

type run struct {
	prog      *Program
	analyzers []*analysis.Analyzer
	facts     *factStore
	record    bool

	exportMu sync.Mutex // serializes export data reads, which fill shared types.Packages

	mu       sync.Mutex
	results  map[*Package]*Result
	errs     []LoadError
	illTyped map[*Package]bool
}

// schedule works on source packages as soon as their source dependencies
// are done, parallel at most at once.
func (r *run) schedule(parallel int) {
	var source []*Package
	pending := make(map[*Package]int)
	for _, p := range r.prog.Packages {
		if !p.Source {
			continue
		}
		source = append(source, p)
		n := 0
		for _, imp := range p.imports {
			if imp.Source {
				n++
			}
		}
		pending[p] = n
	}
	r.illTyped = make(map[*Package]bool)

	ready := make(chan *Package, len(source))
	for _, p := range source {
		if pending[p] == 0 {
			ready <- p
		}
	}
	var wg sync.WaitGroup
	done := make(chan *Package)
	for range parallel {
		wg.Go(func() {
			for p := range ready {
				r.do(p)
				done <- p
			}
		})
	}
	for range source {
		p := <-done
		for _, pred := range p.preds {
			pending[pred]--
			if pending[pred] == 0 {
				ready <- pred
			}
		}
	}
	close(ready)
	wg.Wait()
}

// do loads one source package, runs the analyzers on it, and releases
// what only it needed.
func (r *run) do(p *Package) {
	ok := r.check(p)
	res := &Result{Package: p}
	res.Broken = !ok
	if p.Root {
		res.Generated = make(map[string]bool)
		for _, f := range p.Syntax {
			if ast.IsGenerated(f) {
				res.Generated[r.prog.Fset.File(f.FileStart).Name()] = true
			}
		}
	}
	r.analyze(p, res)

	// Importers need only p.Types, and facts are in the store.
	p.Syntax, p.TypesInfo = nil, nil

	if p.Root {
		r.mu.Lock()
		r.results[p] = res
		r.mu.Unlock()
	}
}

// check parses and type-checks p; it reports whether p and everything it
// imports are free of errors.
func (r *run) check(p *Package) bool {
	fset := r.prog.Fset
	ok := len(p.Errors) == 0
	// importBroken: an import of p could not be read or type-checked.
	// p's own type errors are then mostly the consequence (methods of an
	// unknown embedded type, …): they are not reported, the cause is.
	importBroken := slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind == packages.ListError })
	for _, name := range p.CompiledGoFiles {
		src, err := r.prog.readFile(name)
		if err != nil {
			ok = false
			r.addError(p, packages.Error{Pos: name + ":1", Msg: err.Error(), Kind: packages.ParseError})
			continue
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			ok = false
			var list scanner.ErrorList
			if errors.As(err, &list) {
				for _, e := range list {
					r.addError(p, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
				}
			} else {
				r.addError(p, packages.Error{Pos: name + ":1", Msg: err.Error(), Kind: packages.ParseError})
			}
		}
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
	}
	for _, e := range p.Errors {
		r.addError(p, e)
	}

	p.TypesInfo = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	importer := importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		ip := p.Imports[path]
		if ip == nil {
			err := fmt.Errorf("%s imports %s, which the go command did not list", p.PkgPath, path)
			r.addError(p, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.ListError})
			importBroken = true
			return nil, err
		}
		imp := r.prog.byID[ip.ID]
		if imp.Source {
			if r.isIllTyped(imp) {
				ok, importBroken = false, true
			}
			return imp.Types, nil
		}
		if err := r.readExportData(imp); err != nil {
			ok, importBroken = false, true
			return nil, err
		}
		return imp.Types, nil
	})
	cgo := slices.ContainsFunc(p.Syntax, func(f *ast.File) bool {
		return slices.ContainsFunc(f.Imports, func(imp *ast.ImportSpec) bool { return imp.Path.Value == `"C"` })
	})
	tc := &types.Config{
		Importer: importer,
		Sizes:    p.TypesSizes,
		// cgo is not run (see completeFiles): import "C" is an empty
		// package whose unknown names are not errors.
		FakeImportC: true,
		Error: func(err error) {
			if te, isType := err.(types.Error); isType && cgo && strings.Contains(te.Msg, "invalid type") {
				// A value of a C type: unknown without cgo, not an error
				// of the program.
				return
			}
			ok = false
			if importBroken {
				return
			}
			if te, isType := err.(types.Error); isType {
				if strings.HasPrefix(te.Msg, "could not import ") {
					// Only repeats the error recorded at the package
					// that could not be read.
					return
				}
				p.TypeErrors = append(p.TypeErrors, te)
				r.addError(p, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
				return
			}
			r.addError(p, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.TypeError})
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	_ = types.NewChecker(tc, fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if !ok {
		r.mu.Lock()
		r.illTyped[p] = true
		r.mu.Unlock()
	}
	return ok
}

func (r *run) isIllTyped(p *Package) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.illTyped[p]
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// readExportData fills p.Types from the compiler's export data, once.
func (r *run) readExportData(p *Package) error {
	r.exportMu.Lock()
	defer r.exportMu.Unlock()
	if p.Types.Complete() {
		return nil
	}
	if p.ExportFile == "" {
		err := fmt.Errorf("no export data for %s", p.PkgPath)
		if len(p.Errors) > 0 {
			for _, e := range p.Errors {
				r.addError(p, e)
			}
		} else {
			r.addError(p, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
		return err
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		r.addError(p, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		return err
	}
	defer f.Close()
	rd, err := gcexportdata.NewReader(f)
	if err != nil {
		r.addError(p, packages.Error{Pos: "-", Msg: fmt.Sprintf("reading %s: %v", p.ExportFile, err), Kind: packages.UnknownError})
		return err
	}
	// The reader identifies packages by path; give it this package's
	// transitive dependencies, already created, so it fills them in
	// instead of making copies.
	view := make(map[string]*types.Package)
	seen := make(map[*Package]bool)
	var visit func(*Package)
	visit = func(q *Package) {
		for _, imp := range q.imports {
			if !seen[imp] {
				seen[imp] = true
				view[imp.PkgPath] = imp.Types
				visit(imp)
			}
		}
	}
	visit(p)
	view[p.PkgPath] = p.Types
	if _, err := gcexportdata.Read(rd, r.prog.Fset, view, p.PkgPath); err != nil {
		r.addError(p, packages.Error{Pos: "-", Msg: fmt.Sprintf("reading %s: %v", p.ExportFile, err), Kind: packages.UnknownError})
		return err
	}
	return nil
}

func (r *run) addError(p *Package, e packages.Error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, LoadError{Package: p, Err: e})
}

// loadErrors returns the errors met, each message once, in a fixed order.
// The go command's compiler output for a package ("# pkg" and its
// errors) is left out when the package's own type errors say the same.
func (r *run) loadErrors() []LoadError {
	seen := make(map[string]bool)
	var out []LoadError
	errs := slices.Clone(r.errs)
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Package.ID < errs[j].Package.ID })
	checked := make(map[*Package]bool)
	for _, e := range errs {
		if e.Err.Kind == packages.TypeError || e.Err.Kind == packages.ParseError {
			checked[e.Package] = true
		}
	}
	for _, e := range errs {
		if e.Err.Kind == packages.ListError && checked[e.Package] && strings.HasPrefix(e.Err.Msg, "# ") {
			continue
		}
		key := e.Err.Pos + "\x00" + e.Err.Msg
		if !seen[key] {
			seen[key] = true
			out = append(out, e)
		}
	}
	return out
}

// analyze runs every analyzer, required ones first, on the checked
// package p.
func (r *run) analyze(p *Package, res *Result) {
	results := make(map[*analysis.Analyzer]any)
	failed := make(map[*analysis.Analyzer]bool)
	for _, a := range r.analyzers {
		if res.Broken && !a.RunDespiteErrors {
			failed[a] = true
			continue
		}
		if slices.ContainsFunc(a.Requires, func(req *analysis.Analyzer) bool { return failed[req] }) {
			failed[a] = true
			continue
		}
		pass := r.pass(p, a, results, res)
		result, err := safeRun(a, pass)
		if err != nil {
			failed[a] = true
			if p.Root {
				if res.Errors == nil {
					res.Errors = make(map[*analysis.Analyzer]error)
				}
				res.Errors[a] = err
			}
			continue
		}
		results[a] = result
	}
}

func safeRun(a *analysis.Analyzer, pass *analysis.Pass) (result any, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("internal error: %v", x)
		}
	}()
	result, err = a.Run(pass)
	if err == nil && result != nil && a.ResultType != nil && reflect.TypeOf(result) != a.ResultType {
		err = fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %T, but declared ResultType %v",
			pass.Pkg.Path(), a.Name, result, a.ResultType)
	}
	return result, err
}

func (r *run) pass(p *Package, a *analysis.Analyzer, results map[*analysis.Analyzer]any, res *Result) *analysis.Pass {
	resultOf := make(map[*analysis.Analyzer]any, len(a.Requires))
	for _, req := range a.Requires {
		resultOf[req] = results[req]
	}
	var module *analysis.Module
	if p.Module != nil {
		module = &analysis.Module{Path: p.Module.Path, Version: p.Module.Version, GoVersion: p.Module.GoVersion}
	}
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         r.prog.Fset,
		Files:        p.Syntax,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		Pkg:          p.Types,
		TypesInfo:    p.TypesInfo,
		TypesSizes:   p.TypesSizes,
		TypeErrors:   p.TypeErrors,
		Module:       module,
		ResultOf:     resultOf,
		ReadFile:     r.prog.readFileOf(p.Package),
		Report: func(d analysis.Diagnostic) {
			if !p.Root {
				return // a dependency is analyzed for its facts only
			}
			if err := checkFixes(r.prog.Fset, d.SuggestedFixes); err != nil {
				// Like x/tools' checker: a bad fix is the analyzer's error.
				panic(fmt.Sprintf("invalid suggested fix: %v", err))
			}
			if res.Diagnostics == nil {
				res.Diagnostics = make(map[*analysis.Analyzer][]analysis.Diagnostic)
			}
			res.Diagnostics[a] = append(res.Diagnostics[a], d)
		},
	}
	r.facts.bind(pass, p, a)
	if r.record && p.Root {
		exportObject, exportPackage := pass.ExportObjectFact, pass.ExportPackageFact
		note := func(obj types.Object, fact analysis.Fact) {
			if res.Facts == nil {
				res.Facts = make(map[*analysis.Analyzer][]Fact)
			}
			res.Facts[a] = append(res.Facts[a], Fact{obj, fact})
		}
		pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
			exportObject(obj, fact)
			note(obj, fact)
		}
		pass.ExportPackageFact = func(fact analysis.Fact) {
			exportPackage(fact)
			note(nil, fact)
		}
	}
	return pass
}
