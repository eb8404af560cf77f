package hardcodedkey

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/internal/envreads"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

const name = "hardcodedkey"

// Analyzer reports JWT keys fixed in the source.
var Analyzer = &analysis.Analyzer{
	Name:             name,
	Doc:              doc,
	URL:              diag.URL(name),
	Requires:         []*analysis.Analyzer{jwtapi.Analyzer, keyflow.Analyzer, envreads.Analyzer},
	Run:              run,
	Flags:            flags(),
	RunDespiteErrors: true,
}

// tests is the -hardcodedkey.tests switch.
var tests diag.Tests

func flags() flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	tests.Register(fs)
	return *fs
}

func run(pass *analysis.Pass) (any, error) {
	ix := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
	flow := pass.ResultOf[keyflow.Analyzer].(*keyflow.Flow)
	if !ix.UsesLibrary && len(ix.Keyfuncs) == 0 && len(ix.Lits) == 0 && len(flow.ArgSinks()) == 0 {
		return nil, nil
	}
	r := diag.New(pass, name)
	reported := make(map[string]bool)
	fixed := make(map[ast.Expr]bool)
	names := newNamer(pass, pass.ResultOf[envreads.Analyzer].(envreads.Names))
	for _, sink := range ix.KeySinks() {
		if tests.Skip(pass.Fset, sink.Key.Pos()) {
			continue
		}
		o := flow.Origin(sink.Key)
		if o.Kind != keyflow.Constant || o.Const.PEM.Public {
			continue
		}
		if len(o.Via) > 0 {
			// A helper's parameter every caller fills with a constant:
			// the mistake, and its fix, are at the callers.
			reportCallers(pass, r, flow, ix, names, sink, o.Via, reported, fixed)
			continue
		}
		// Once per origin per sink: a keyfunc returning the same key from
		// two branches is one finding.
		id := fmt.Sprintf("%s|%d|%d", o.Const.Where, o.Pos, sinkID(sink))
		if reported[id] {
			continue
		}
		reported[id] = true
		d := analysis.Diagnostic{
			Pos:     sink.Key.Pos(),
			End:     sink.Key.End(),
			Message: message(sink, flow.Describe(o), o),
		}
		// Reading the key from the environment is a safe fix only where
		// the library refuses an empty key: elsewhere an unset variable
		// would sign with "", which weakkey reports, and the startup check
		// that prevents it belongs where the program loads its settings.
		if o.Expr != nil && !fixed[o.Expr] && !ix.Model.AcceptsEmptyKey(sink.Pkg) {
			if fix, ok := envFix(pass, ix, o, names); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
				fixed[o.Expr] = true
			}
		}
		r.Report(d)
	}
	// Constants passed to a constructor, setter or option whose parameter
	// reaches a sink (through a field, in this package or another).
	for _, as := range flow.ArgSinks() {
		reportArg(pass, r, flow, as, reported)
	}
	return nil, nil
}

// reportArg reports the argument of as when it passes a constant key.
func reportArg(pass *analysis.Pass, r *diag.Reporter, flow *keyflow.Flow, as keyflow.ArgSink, reported map[string]bool) {
	if tests.Skip(pass.Fset, as.Arg.Pos()) {
		return
	}
	o := flow.Origin(as.Arg)
	if o.Kind != keyflow.Constant || o.Const.PEM.Public || o.Const.Len == 0 || len(o.Via) > 0 {
		// Via: a parameter its own callers fill; reported at them.
		return
	}
	id := fmt.Sprintf("arg|%d", as.Arg.Pos())
	if reported[id] {
		return
	}
	reported[id] = true
	r.Report(analysis.Diagnostic{
		Pos:     as.Arg.Pos(),
		End:     as.Arg.End(),
		Message: argMessage(flow, o, as.Arg, as.Sink.Kind, fmt.Sprintf("%s at %s through %s", as.Sink.API, as.Sink.At, calleeName(pass.Pkg, as.Callee))),
	})
}

// argMessage is the message for a constant key passed as arg to a
// parameter that reaches a key use of kind: reaches names the use.
func argMessage(flow *keyflow.Flow, o keyflow.Origin, arg ast.Expr, kind jwtapi.SinkKind, reaches string) string {
	what := "JWT key"
	switch {
	case o.Const.PEM.Private:
		what = "JWT private key"
	case kind == jwtapi.SinkSign:
		what = "JWT signing key"
	case kind == jwtapi.SinkVerify:
		what = "JWT verification key"
	}
	passed := flow.Describe(o) + " is passed here and"
	if jwtapi.Within(o.Pos, arg) {
		passed = "the constant passed here"
	}
	return fmt.Sprintf("hardcoded %s: %s reaches %s, fixed in the source; load it from the environment or a secret manager", what, passed, reaches)
}

// calleeName names fn for messages: pkg.Func, or Type.Method.
func calleeName(here *types.Package, fn *types.Func) string {
	name := fn.Name()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := t.(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	} else if fn.Pkg() != here {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// reportCallers reports each argument that passes a constant key to the
// helper whose parameter reaches sink.
func reportCallers(pass *analysis.Pass, r *diag.Reporter, flow *keyflow.Flow, ix *jwtapi.Index, names *namer, sink *jwtapi.KeySink, args []ast.Expr, reported map[string]bool, fixed map[ast.Expr]bool) {
	for _, arg := range args {
		if tests.Skip(pass.Fset, arg.Pos()) {
			continue
		}
		o := flow.Origin(arg)
		if o.Kind != keyflow.Constant || o.Const.PEM.Public {
			continue
		}
		id := fmt.Sprintf("arg|%d", arg.Pos())
		if reported[id] {
			continue
		}
		reported[id] = true
		d := analysis.Diagnostic{
			Pos:     arg.Pos(),
			End:     arg.End(),
			Message: argMessage(flow, o, arg, sink.Kind, sink.API+" at "+flow.Position(sink.Key.Pos())),
		}
		if o.Expr != nil && !fixed[o.Expr] && !ix.Model.AcceptsEmptyKey(sink.Pkg) {
			if fix, ok := envFix(pass, ix, o, names); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
				fixed[o.Expr] = true
			}
		}
		r.Report(d)
	}
}

func sinkID(s *jwtapi.KeySink) token.Pos {
	switch {
	case s.Call != nil:
		return s.Call.Expr.Pos()
	case s.Keyfunc != nil:
		return s.Keyfunc.Node.Pos()
	case s.Lit != nil:
		return s.Lit.Expr.Pos()
	}
	return s.Key.Pos()
}

func message(s *jwtapi.KeySink, where string, o keyflow.Origin) string {
	what := "JWT signing key"
	verb := "signs with"
	switch s.Kind {
	case jwtapi.SinkVerify:
		what, verb = "JWT verification key", "returns"
	case jwtapi.SinkConfig:
		what, verb = "JWT key", "is set to"
	}
	if o.Const.PEM.Private {
		what = "JWT private key"
	}
	return fmt.Sprintf("hardcoded %s: %s %s %s, fixed in the source; load it from the environment or a secret manager", what, s.API, verb, where)
}

// envFix replaces the constant's definition with os.Getenv of a variable
// named after its holder (see namer). It declines whenever the result might not
// compile: a named string type, a constant used in constant expressions,
// an exported constant other packages may use.
func envFix(pass *analysis.Pass, ix *jwtapi.Index, o keyflow.Origin, names *namer) (analysis.SuggestedFix, bool) {
	var none analysis.SuggestedFix
	expr := o.Expr
	file := ix.FileAt(expr.Pos())
	if file == nil {
		return none, false
	}
	tv, ok := pass.TypesInfo.Types[expr]
	if !ok {
		return none, false
	}
	var replacementType string
	switch {
	case isString(tv.Type):
		replacementType = "string"
	case isByteSlice(tv.Type):
		replacementType = "[]byte"
	default:
		return none, false
	}
	if lit, ok := ast.Unparen(expr).(*ast.BasicLit); ok && lit.Kind != token.STRING {
		return none, false
	}
	var edits []analysis.TextEdit
	if gd, c := enclosingConst(pass, file, expr); gd != nil {
		if c == nil {
			return none, false
		}
		e, ok := constToVar(pass, ix, gd, c)
		if !ok {
			return none, false
		}
		edits = append(edits, e...)
	}
	osName, importEdits, ok := diag.ImportName(pass.TypesInfo, pass.Pkg, file, "os", expr.Pos())
	if !ok {
		return none, false
	}
	envName := names.name(o, file, expr)
	call := osName + ".Getenv(" + strconv.Quote(envName) + ")"
	if replacementType == "[]byte" {
		call = "[]byte(" + call + ")"
	}
	edits = append(edits, analysis.TextEdit{Pos: expr.Pos(), End: expr.End(), NewText: []byte(call)})
	edits = append(edits, importEdits...)
	return analysis.SuggestedFix{
		Message:   "read the key from the " + envName + " environment variable",
		TextEdits: edits,
	}, true
}

// enclosingConst returns the const declaration expr belongs to, if any,
// and the constant it defines (nil when that is not a lone constant).
func enclosingConst(pass *analysis.Pass, file *ast.File, expr ast.Expr) (*ast.GenDecl, *types.Const) {
	path, _ := astutil.PathEnclosingInterval(file, expr.Pos(), expr.End())
	for _, n := range path {
		gd, ok := n.(*ast.GenDecl)
		if !ok {
			continue
		}
		if gd.Tok != token.CONST {
			return nil, nil
		}
		if len(gd.Specs) != 1 || len(gd.Specs[0].(*ast.ValueSpec).Names) != 1 {
			return gd, nil
		}
		c, _ := pass.TypesInfo.Defs[gd.Specs[0].(*ast.ValueSpec).Names[0]].(*types.Const)
		return gd, c
	}
	return nil, nil
}

// constToVar turns `const k = "…"` into `var k = …` when that cannot break
// compilation: an unexported package-level constant whose uses are all in
// value contexts.
func constToVar(pass *analysis.Pass, ix *jwtapi.Index, gd *ast.GenDecl, c *types.Const) ([]analysis.TextEdit, bool) {
	if c.Exported() || c.Pkg() == nil || c.Parent() != c.Pkg().Scope() {
		return nil, false
	}
	for id, obj := range pass.TypesInfo.Uses {
		if obj != c {
			continue
		}
		f := ix.FileAt(id.Pos())
		if f == nil {
			return nil, false
		}
		usePath, _ := astutil.PathEnclosingInterval(f, id.Pos(), id.End())
		if len(usePath) < 2 || !valueContext(pass.TypesInfo, usePath[1], id) {
			return nil, false
		}
		for _, n := range usePath {
			if g, ok := n.(*ast.GenDecl); ok && g.Tok == token.CONST {
				return nil, false // used to define another constant
			}
		}
	}
	return []analysis.TextEdit{{Pos: gd.TokPos, End: gd.TokPos + token.Pos(len("const")), NewText: []byte("var")}}, true
}

// valueContext reports whether a use of a constant as child of parent
// would still compile with a variable in its place.
func valueContext(info *types.Info, parent ast.Node, use ast.Expr) bool {
	switch p := parent.(type) {
	case *ast.CallExpr:
		if tv, ok := info.Types[p.Fun]; ok && tv.IsType() {
			// A conversion of a variable is fine unless the result is
			// required to be constant, which only its own parent knows;
			// conversions to []byte are never constant.
			return isByteSlice(tv.Type)
		}
		for _, a := range p.Args {
			if a == use {
				return true
			}
		}
	case *ast.KeyValueExpr:
		return p.Value == use
	case *ast.CompositeLit, *ast.ReturnStmt, *ast.AssignStmt:
		return true
	case *ast.ValueSpec:
		return true // only var specs reach here: constants of constants fold
	}
	return false
}

func isString(t types.Type) bool {
	b, ok := types.Unalias(t).(*types.Basic)
	return ok && (b.Kind() == types.String || b.Kind() == types.UntypedString)
}

func isByteSlice(t types.Type) bool {
	s, ok := types.Unalias(t).(*types.Slice)
	if !ok {
		return false
	}
	b, ok := types.Unalias(s.Elem()).(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// EnvName derives an environment variable name from an identifier:
// jwtSecret and JWTSecret give JWT_SECRET; "" gives JWT_SECRET.
func EnvName(ident string) string {
	if ws := jwtapi.Words(ident); len(ws) > 0 {
		return strings.ToUpper(strings.Join(ws, "_"))
	}
	return "JWT_SECRET"
}
