// Package noexp defines the jwtvet rule that finds JWTs minted without an
// expiry and parses that do not enforce one.
package noexp

import (
	"flag"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// defaultMaxLeeway is the smallest leeway reported: an hour of grace after
// exp defeats short-lived tokens.
const defaultMaxLeeway = time.Hour

// maxLeeway is the value of -noexp.maxleeway.
var maxLeeway = defaultMaxLeeway

// Analyzer reports tokens minted without exp and parses that do not
// enforce it.
var Analyzer = &analysis.Analyzer{
	Name:             "noexp",
	Doc:              doc,
	URL:              diag.URL("noexp"),
	Requires:         []*analysis.Analyzer{jwtapi.Analyzer},
	Run:              run,
	Flags:            flags(),
	FactTypes:        []analysis.Fact{new(jwtapi.LifetimeCheckedFact)},
	RunDespiteErrors: true,
}

// flags builds the analyzer's flag set; go vet and the jwtvet command show
// them as -noexp.NAME.
func flags() flag.FlagSet {
	var fs flag.FlagSet
	diag.PositiveDurationVar(&fs, &maxLeeway, "maxleeway", defaultMaxLeeway, "report a parser leeway of this `duration` or more (above zero)")
	tests.Register(&fs)
	return fs
}

// checker holds what one pass needs.
type checker struct {
	pass      *analysis.Pass
	ix        *jwtapi.Index
	r         *jwtapi.ExpiryReader
	info      *types.Info
	rep       *diag.Reporter
	maxLeeway time.Duration

	// fixed holds the composite literals that already carry a fix, so two
	// findings sharing one literal do not offer the same edit twice.
	fixed map[ast.Node]bool
	// handValidation caches validatesByHand per library package.
	handValidation map[string]bool
	reported       map[token.Pos]bool
}

func run(pass *analysis.Pass) (any, error) {
	ix, _ := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
	if ix == nil || pass.TypesInfo == nil || pass.Pkg == nil {
		return nil, nil
	}
	if !ix.Skipped {
		// Config packages check token lifetimes without using a JWT
		// library: tell the packages that mint with them.
		ix.NewExpiryReader(pass).ExportLifetimeFacts()
	}
	if !ix.UsesLibrary || testHelperPackage(pass.Pkg) {
		return nil, nil
	}
	c := &checker{
		pass:           pass,
		ix:             ix,
		r:              ix.NewExpiryReader(pass),
		info:           pass.TypesInfo,
		rep:            diag.New(pass, "noexp"),
		maxLeeway:      maxLeeway,
		fixed:          make(map[ast.Node]bool),
		handValidation: make(map[string]bool),
		reported:       make(map[token.Pos]bool),
	}
	for _, m := range c.r.Mints() {
		if !c.inTest(m.Call.Expr.Pos()) {
			c.checkMint(m)
		}
	}
	for _, p := range c.r.ExpiryParses() {
		if !c.inTest(p.Call.Expr.Pos()) {
			c.checkParse(p)
		}
	}
	for _, s := range c.r.ExpirySettings() {
		if !c.inTest(s.Node.Pos()) {
			c.checkSetting(s)
		}
	}
	for _, ev := range c.r.UnvalidatedClaims() {
		if !c.inTest(ev.Expr.Pos()) {
			c.reportUnvalidated(ev)
		}
	}
	c.checkValidMethods()
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

// inTest reports whether pos lies in a _test.go file: tests mint tokens
// without exp and parse leniently on purpose.
func (c *checker) inTest(pos token.Pos) bool { return tests.Skip(c.pass.Fset, pos) }

// tests is the -noexp.tests switch.
var tests diag.Tests

// testHelperPackage reports whether pkg exists to support tests (jwttest,
// testutil, mocks): tokens minted there without exp are test fixtures.
func testHelperPackage(pkg *types.Package) bool {
	if name := pkg.Name(); len(name) > len("test") && strings.HasSuffix(name, "test") {
		return true
	}
	for _, elem := range strings.Split(pkg.Path(), "/") {
		switch elem {
		case "testutil", "testutils", "testhelper", "testhelpers", "mock", "mocks", "fake", "fakes":
			return true
		}
	}
	return false
}

// callName is how a call names its callee in the source, e.g.
// "jwt.NewWithClaims"; a dot-imported function gets its package's name.
func (c *checker) callName(call *ast.CallExpr) string {
	fun := ast.Unparen(call.Fun)
	if ix, ok := fun.(*ast.IndexExpr); ok { // explicit instantiation
		fun = ix.X
	}
	if id, ok := fun.(*ast.Ident); ok {
		if fn, ok := c.info.Uses[id].(*types.Func); ok && fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg {
			return fn.Pkg().Name() + "." + id.Name
		}
	}
	return types.ExprString(fun)
}

// pkgQualifier returns the identifier a call uses to name its callee's
// package (jwt in jwt.Parse), "" for a dot import, and false when the
// callee is not package-qualified.
func (c *checker) pkgQualifier(call *ast.CallExpr) (string, bool) {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if id, ok := fun.X.(*ast.Ident); ok {
			if _, ok := c.info.Uses[id].(*types.PkgName); ok {
				return id.Name, true
			}
		}
	case *ast.Ident:
		return "", true
	}
	return "", false
}
