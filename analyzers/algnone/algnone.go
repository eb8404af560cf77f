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
	"golang.org/x/tools/go/types/typeutil"

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
		c.signing()
		c.noneKeys()
		c.validMethods()
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

// objName returns pkg.Name for a package-level object, as the user's code
// would spell it with the package's own name.
func objName(obj types.Object) string {
	if obj == nil {
		return ""
	}
	if obj.Pkg() == nil {
		return obj.Name()
	}
	return obj.Pkg().Name() + "." + obj.Name()
}

// callName returns how a message names the callee of a modelled call:
// jwt.NewWithClaims, jwt.Token.SignedString.
func (c *checker) callName(call *jwtapi.Call) string {
	fn, _ := typeutil.Callee(c.info, call.Expr).(*types.Func)
	pkg := "jwt"
	if fn != nil && fn.Pkg() != nil {
		pkg = fn.Pkg().Name()
	}
	if call.Func.Recv == "" {
		return pkg + "." + call.Func.Name
	}
	recv := call.Func.Recv
	if call.Func.MethodFromRecv {
		// Name the signing method variable rather than its (possibly
		// unexported) type.
		if v := c.modelVar(call.Recv()); v != nil {
			recv = v.Name
		}
	}
	return pkg + "." + recv + "." + call.Func.Name
}

// modelVar returns the model row of the package-level variable e refers
// to, or nil.
func (c *checker) modelVar(e ast.Expr) *jwtapi.Var {
	if id := refIdent(e); id != nil {
		return c.ix.Model.Var(c.info.Uses[id])
	}
	return nil
}

// refIdent returns the identifier of a (possibly qualified) name.
func refIdent(e ast.Expr) *ast.Ident {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// localVar returns the variable e names when it is one whose definitions
// the index records.
func (c *checker) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.info.Uses[id].(*types.Var)
	return v
}

// constString returns the value of a constant string expression.
func (c *checker) constString(e ast.Expr) (string, bool) { return jwtapi.ConstString(c.info, e) }
