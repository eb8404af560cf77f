// Package cleartext defines the jwtvet rule that finds signed JWTs sent or
// stored where they can be read in transit: cookies without Secure and
// requests to plain http:// URLs.
package cleartext

import (
	"flag"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

const name = "cleartext"

// maxDepth bounds the walks through definitions and cookie values.
const maxDepth = 12

// Analyzer reports signed tokens in insecure cookies and plain-HTTP
// requests.
var Analyzer = &analysis.Analyzer{
	Name:             name,
	Doc:              doc,
	URL:              diag.URL(name),
	Requires:         []*analysis.Analyzer{jwtapi.Analyzer},
	Run:              run,
	Flags:            flags(),
	FactTypes:        []analysis.Fact{new(keyflow.TokenFact)},
	RunDespiteErrors: true,
}

// tests is the -cleartext.tests switch.
var tests diag.Tests

func flags() flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	tests.Register(fs)
	return *fs
}

// checker holds what one pass needs.
type checker struct {
	pass     *analysis.Pass
	ix       *jwtapi.Index
	info     *types.Info
	flow     *keyflow.TokenFlow
	rep      *diag.Reporter
	reported map[token.Pos]bool
}

func run(pass *analysis.Pass) (any, error) {
	ix, _ := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
	if ix == nil || ix.Skipped || pass.TypesInfo == nil || pass.Pkg == nil {
		return nil, nil
	}
	c := &checker{pass: pass, ix: ix, info: pass.TypesInfo, reported: make(map[token.Pos]bool)}
	c.flow = keyflow.NewTokenFlow(pass, ix, func(pos token.Pos) bool { return tests.Skip(pass.Fset, pos) })
	ins := ix.Inspector()
	if ins == nil {
		return nil, nil
	}
	var sinks []*ast.CallExpr
	sinkPkgs := ix.Model.TransportPackages()
	imports := false
	for _, imp := range pass.Pkg.Imports() {
		imports = imports || sinkPkgs[imp.Path()]
	}
	var configs []*ast.CompositeLit
	ins.Preorder([]ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallExpr:
			if imports {
				sinks = append(sinks, n)
			}
		case *ast.CompositeLit:
			if tv, ok := c.info.Types[n]; ok {
				if t := ix.Model.CookieType(tv.Type); t != nil && t.Enable != "" {
					configs = append(configs, n)
				}
			}
		}
	})
	c.flow.ExportFacts()
	if len(sinks) == 0 && len(configs) == 0 {
		return nil, nil
	}
	c.rep = diag.New(pass, name)
	for _, lit := range configs {
		if !tests.Skip(pass.Fset, lit.Pos()) {
			c.cookieConfig(lit)
		}
	}
	for _, call := range sinks {
		t := ix.Model.TransportCallOf(c.info, call)
		if t == nil || tests.Skip(pass.Fset, call.Pos()) {
			continue
		}
		switch t.Kind {
		case jwtapi.SetCookie:
			if !t.ByFields {
				c.cookieArg(call, t.Cookie)
			} else {
				c.cookieArgs(call, t)
			}
		case jwtapi.RequestCookie:
			c.requestCookie(call, t)
		case jwtapi.NewRequest, jwtapi.SendRequest:
			c.requestURLToken(call, t)
		case jwtapi.SetHeader:
			c.requestHeader(call, t)
			c.setCookieHeader(call, t)
		}
	}
	return nil, nil
}

func (c *checker) report(d analysis.Diagnostic) {
	if c.reported[d.Pos] {
		return
	}
	c.reported[d.Pos] = true
	c.rep.Report(d)
}
