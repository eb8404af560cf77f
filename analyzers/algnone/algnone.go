// Package algnone defines the jwtvet rule that finds code accepting or
// producing unsigned JWTs (the "none" algorithm).
package algnone

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Analyzer reports the none algorithm accepted or used.
var Analyzer = &analysis.Analyzer{
	Name:             "algnone",
	Doc:              doc,
	URL:              diag.URL("algnone"),
	Requires:         []*analysis.Analyzer{jwtapi.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
}

// checker holds what one pass needs.
type checker struct {
	pass *analysis.Pass
	ix   *jwtapi.Index
	info *types.Info
	rep  *diag.Reporter
	// reported holds the positions already reported, so that one flow
	// found by two routes yields one diagnostic.
	reported map[token.Pos]bool
}

func run(pass *analysis.Pass) (any, error) {
	ix, _ := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
	if ix == nil || pass.TypesInfo == nil {
		return nil, nil
	}
	// A package that imports no modelled library can still check a
	// decoded header by hand; without a "none" literal it has nothing to
	// check.
	if !ix.UsesLibrary && !mentionsNone(pass.Files) {
		return nil, nil
	}
	c := &checker{
		pass:     pass,
		ix:       ix,
		info:     pass.TypesInfo,
		rep:      diag.New(pass, "algnone"),
		reported: make(map[token.Pos]bool),
	}
	if ix.UsesLibrary {
		c.nones()
	}
	c.headerChecks()
	return nil, nil
}

// report reports d once per position.
func (c *checker) report(d analysis.Diagnostic) {
	if c.reported[d.Pos] {
		return
	}
	c.reported[d.Pos] = true
	c.rep.Report(d)
}

// mentionsNone reports whether some file holds a string literal "none" in
// any case.
func mentionsNone(files []*ast.File) bool {
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && strings.EqualFold(s, "none") {
					found = true
				}
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

// isTest reports whether n lies in a _test.go file.
func (c *checker) isTest(n ast.Node) bool { return diag.IsTestFile(c.pass.Fset, n.Pos()) }
