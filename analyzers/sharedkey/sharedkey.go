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

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

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
		new(keyflow.EnvDefaultFact), new(keyflow.FallbackFact), new(keyflow.SignerFact), new(keyflow.KeyUsesFact),
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
	prov *keyflow.Provenance

	sinks []*jwtapi.KeySink
	// sinkRoots maps the identity of everything a sink's key is read
	// from (variables, fields, calls) to the first such sink.
	sinkRoots map[string]*jwtapi.KeySink
	// sinkCands are the constants a sink's key selects among.
	sinkCands []token.Pos
	// sinkFallbacks maps the position of a fallback constant keyflow
	// found behind a sink's key to that sink.
	sinkFallbacks map[token.Pos]*jwtapi.KeySink
	// reported holds report positions already used, so that one origin
	// gives one diagnostic.
	reported map[string]bool
	// calls maps this package's functions to their calls here, built
	// on first use.
	calls map[*types.Func][]*ast.CallExpr
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
		prov:          flow.Provenance(pass),
		sinkRoots:     make(map[string]*jwtapi.KeySink),
		sinkFallbacks: make(map[token.Pos]*jwtapi.KeySink),
		reported:      make(map[string]bool),
	}
	c.indexSinks()
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
		for _, r := range c.prov.Roots(s.Key) {
			if _, ok := c.sinkRoots[r.ID]; !ok {
				c.sinkRoots[r.ID] = s
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
func (c *checker) at(pos token.Pos) string { return c.flow.Position(pos) }

// atPkg formats a position as pkg/file.go:line, for facts read in other
// packages.
func (c *checker) atPkg(pos token.Pos) string { return c.flow.PkgPosition(pos) }

func (c *checker) sameLine(a, b token.Pos) bool {
	if !a.IsValid() || !b.IsValid() {
		return false
	}
	pa, pb := c.pass.Fset.Position(a), c.pass.Fset.Position(b)
	return pa.Filename == pb.Filename && pa.Line == pb.Line
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

// typeNameOf returns the name of the named type t or *t, or "".
var typeNameOf = keyflow.TypeName

// relevant reports whether the package can hold anything this rule looks
// for, from cheap signals, so that the walk is spent only where it can
// pay: JWT use, an environment, flag or config library, embedded files,
// build-tag variants, config-shaped declarations (default tags, package
// literals), or facts of this rule from an import.
func relevant(pass *analysis.Pass, ix *jwtapi.Index) bool {
	if ix.UsesLibrary || len(pass.IgnoredFiles) > 0 {
		return true
	}
	if keyflow.MayVary(pass.Pkg, pass.Files) {
		return true
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

// constString returns the value of a constant string expression.
func (c *checker) constString(e ast.Expr) (string, bool) { return jwtapi.ConstString(c.info, e) }

// selectedBySink reports whether e holds a constant some sink's key
// selects among.
func (c *checker) selectedBySink(e ast.Expr) bool {
	for _, p := range c.sinkCands {
		if jwtapi.Within(p, e) {
			return true
		}
	}
	return false
}
