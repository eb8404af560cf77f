// Package sharedkey defines the jwtvet analyzer that reports one JWT secret
// serving several environments or several token kinds. See doc.go and
// docs/rules/sharedkey.md.
package sharedkey

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

const name = "sharedkey"

// Analyzer reports JWT secrets shared by several environments or token
// kinds.
var Analyzer = &analysis.Analyzer{
	Name:     name,
	Doc:      doc,
	URL:      diag.URL(name),
	Requires: []*analysis.Analyzer{jwtapi.Analyzer, keyflow.Analyzer},
	Run:      run,
	Flags:    flags(),
	FactTypes: []analysis.Fact{
		new(EnvDefaultFact), new(FallbackFact), new(keyflow.SignerFact), new(keyflow.KeyUsesFact),
	},
	RunDespiteErrors: true,
}

// tests is the -sharedkey.tests switch.
var tests diag.Tests

func flags() flag.FlagSet {
	var fs flag.FlagSet
	tests.Register(&fs)
	return fs
}

// checker holds what one pass of the analyzer knows.
type checker struct {
	pass *analysis.Pass
	ix   *jwtapi.Index
	flow *keyflow.Flow
	info *types.Info
	ins  *inspector.Inspector
	rep  *diag.Reporter
	enc  objectpath.Encoder

	sinks []*jwtapi.KeySink
	// sinkRoots maps the identity of everything a sink's key is read
	// from (variables, fields, calls) to the first such sink.
	sinkRoots map[string]*jwtapi.KeySink
	// sinkCands are the constants a sink's key selects among.
	sinkCands []token.Pos
	// rejections are the package's startup checks that refuse short or
	// placeholder secrets (failclosed.go), collected on first use.
	rejections []rejection
	// sinkFallbacks maps the position of a fallback constant keyflow
	// found behind a sink's key to that sink.
	sinkFallbacks map[token.Pos]*jwtapi.KeySink
	// helpers are this package's getenv(name, def) functions.
	helpers map[*types.Func]*EnvDefaultFact
	// reported holds report positions already used, so that one origin
	// gives one diagnostic.
	reported map[string]bool
	// params maps parameters to their index, built on first use.
	params map[*types.Var]int
	// calls maps this package's functions to their calls here, built
	// on first use.
	calls map[*types.Func][]*ast.CallExpr
	// receivers are the receiver variables of this package's methods.
	receivers map[*types.Var]bool
}

func run(pass *analysis.Pass) (result any, err error) {
	defer func() {
		// Analyzers must not take the driver down on unforeseen input;
		// surface the failure as an error instead.
		if r := recover(); r != nil {
			result, err = nil, fmt.Errorf("sharedkey: internal error: %v", r)
		}
	}()
	if pass.Pkg == nil || pass.TypesInfo == nil {
		return nil, nil
	}
	ix, _ := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
	flow, _ := pass.ResultOf[keyflow.Analyzer].(*keyflow.Flow)
	if ix == nil || flow == nil || ix.Skipped || !relevant(pass, ix) {
		return nil, nil
	}
	ins := ix.Inspector()
	c := &checker{
		pass:          pass,
		ix:            ix,
		flow:          flow,
		info:          pass.TypesInfo,
		ins:           ins,
		rep:           diag.New(pass, name),
		sinkRoots:     make(map[string]*jwtapi.KeySink),
		sinkFallbacks: make(map[token.Pos]*jwtapi.KeySink),
		helpers:       make(map[*types.Func]*EnvDefaultFact),
		reported:      make(map[string]bool),
	}
	c.indexSinks()
	c.findHelpers()
	c.checkFallbacks()
	c.checkPerEnvLiterals()
	c.checkEnvSwitches()
	c.checkBuildVariants()
	c.checkEmbedded()
	c.checkTokenKinds()
	return nil, nil
}

// indexSinks records what every key sink of the package reads.
func (c *checker) indexSinks() {
	c.sinks = c.ix.KeySinks()
	for _, s := range c.sinks {
		o := c.flow.Origin(s.Key)
		if o.Kind == keyflow.Fallback && o.Pos.IsValid() {
			if _, ok := c.sinkFallbacks[o.Pos]; !ok {
				c.sinkFallbacks[o.Pos] = s
			}
		}
		// The candidates of a selection (a map indexed by the
		// environment, a switch on it) reach this sink.
		c.sinkCands = append(c.sinkCands, o.Candidates...)
		for _, r := range c.roots(s.Key) {
			if _, ok := c.sinkRoots[r.id]; !ok {
				c.sinkRoots[r.id] = s
			}
		}
	}
}

// report reports once per position.
func (c *checker) report(pos, end token.Pos, format string, args ...any) {
	c.reportKey("", pos, end, format, args...)
}

// reportKey reports once per position and key, for findings that share
// a position (several config keys of one embedded file set).
func (c *checker) reportKey(key string, pos, end token.Pos, format string, args ...any) {
	k := fmt.Sprintf("%d|%s", pos, key)
	if !pos.IsValid() || c.reported[k] || tests.Skip(c.pass.Fset, pos) {
		return
	}
	c.reported[k] = true
	c.rep.Reportf(pos, end, format, args...)
}

// isReported reports whether a finding was reported at pos.
func (c *checker) isReported(pos token.Pos) bool { return c.reported[fmt.Sprintf("%d|", pos)] }

// at formats a position as file.go:line.
func (c *checker) at(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	p := c.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// atPkg formats a position as pkg/file.go:line, for facts read in other
// packages.
func (c *checker) atPkg(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	p := c.pass.Fset.Position(pos)
	return fmt.Sprintf("%s/%s:%d", lastElem(c.pass.Pkg.Path()), filepath.Base(p.Filename), p.Line)
}

func lastElem(path string) string {
	if i := strings.LastIndex(path, "/"); i >= 0 {
		return path[i+1:]
	}
	return path
}

func (c *checker) sameLine(a, b token.Pos) bool {
	if !a.IsValid() || !b.IsValid() {
		return false
	}
	pa, pb := c.pass.Fset.Position(a), c.pass.Fset.Position(b)
	return pa.Filename == pb.Filename && pa.Line == pb.Line
}

// inPackage reports whether pos lies in one of the package's files.
func (c *checker) inPackage(pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// objID names a package-level object, a field or a method in a way that
// is the same in every package that sees it; "" for local variables.
func (c *checker) objID(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	if obj.Pkg().Scope().Lookup(obj.Name()) == obj {
		return obj.Pkg().Path() + "#" + obj.Name()
	}
	if v, ok := obj.(*types.Var); ok && !v.IsField() {
		return "" // a local variable or parameter
	}
	if p, err := c.enc.For(obj); err == nil {
		return obj.Pkg().Path() + "#" + string(p)
	}
	// A field or method objectpath cannot name (of a local type):
	// meaningful within this pass only.
	return fmt.Sprintf("%s#%s@%d", obj.Pkg().Path(), obj.Name(), obj.Pos())
}

// sinkSubject names the key of a sink for messages.
func sinkSubject(s *jwtapi.KeySink) string {
	switch s.Kind {
	case jwtapi.SinkSign:
		return "jwt signing key of " + s.API
	case jwtapi.SinkVerify:
		return "jwt verification key returned by " + s.API
	}
	return "jwt key of " + s.API
}

func isTypeExpr(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsType()
}

// typeNameOf returns the name of the named type t or *t, or "".
func typeNameOf(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// relevant reports whether the package can hold anything this rule looks
// for, from cheap signals, so that the walk is spent only where it can
// pay: JWT use, an environment, flag or config library, embedded files,
// build-tag variants, config-shaped declarations (default tags, package
// literals), or facts of this rule from an import.
func relevant(pass *analysis.Pass, ix *jwtapi.Index) bool {
	if ix.UsesLibrary || len(pass.IgnoredFiles) > 0 {
		return true
	}
	for _, imp := range pass.Pkg.Imports() {
		if signalPackages[imp.Path()] {
			return true
		}
	}
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				switch spec := spec.(type) {
				case *ast.ValueSpec:
					for _, v := range spec.Values {
						if _, ok := ast.Unparen(v).(*ast.CompositeLit); ok {
							return true
						}
					}
				case *ast.TypeSpec:
					if st, ok := spec.Type.(*ast.StructType); ok && hasDefaultTag(st) {
						return true
					}
				}
			}
		}
	}
	// Facts of an import matter only through the objects the package
	// uses, and a KeyUsesFact only from a direct import: look them up
	// rather than walk the inherited set.
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(keyflow.KeyUsesFact)) {
			return true
		}
	}
	return jwtapi.UsesImportedFacts(pass)
}

// signalPackages: importing one of these can make a secret's value depend
// on the environment, a flag or a config default.
var signalPackages = func() map[string]bool {
	m := jwtapi.ConfigPackages()
	m["cmp"], m["embed"] = true, true
	return m
}()

func hasDefaultTag(st *ast.StructType) bool {
	for _, f := range st.Fields.List {
		if f.Tag == nil {
			continue
		}
		for _, t := range jwtapi.DefaultTags() {
			if strings.Contains(f.Tag.Value, t.Tag+":") {
				return true
			}
		}
	}
	return false
}

// constString returns the value of a constant string expression.
func (c *checker) constString(e ast.Expr) (string, bool) { return jwtapi.ConstString(c.info, e) }

func stringOf(tv types.TypeAndValue) (string, bool) { return jwtapi.ConstStringOf(tv) }

// selectedBySink reports whether e holds a constant some sink's key
// selects among.
func (c *checker) selectedBySink(e ast.Expr) bool {
	for _, p := range c.sinkCands {
		if e.Pos() <= p && p < e.End() {
			return true
		}
	}
	return false
}
