package noaud

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"golang.org/x/tools/go/types/typeutil"
)

const maxDepth = 6

// optUse is one option a verification is given, and the if statement that
// alone decides whether it is given (nil when the option is given whenever
// the verification runs); inElse says the option sits in its else branch.
type optUse struct {
	call   *jwtapi.Call
	cond   *ast.IfStmt
	inElse bool
}

// options lists the modelled options of a verification: its option
// arguments, also spread from a slice built of literals and appends, and
// the options of the parser it is a method of. complete is false when some
// option cannot be seen.
func (c *checker) options(call *jwtapi.Call) (out []optUse, complete bool) {
	complete = true
	args := call.OptionArgs()
	spread := call.Expr.Ellipsis.IsValid()
	for i, a := range args {
		var ok bool
		if spread && i == len(args)-1 {
			ok = c.sliceOptions(a, call.Expr, 0, &out)
		} else {
			ok = c.option(a, call.Expr, 0, &out)
		}
		complete = complete && ok
	}
	if recv := call.Recv(); recv != nil && call.Func.Keyfunc >= 0 {
		// A parser method: the options are those the parser was built with.
		built := c.flow.Built(recv)
		if len(built) == 0 {
			complete = false
		}
		for _, b := range built {
			if b.Func.Role != jwtapi.RoleNewParser {
				complete = false
				continue
			}
			opts, ok := c.options(b)
			out = append(out, opts...)
			complete = complete && ok
		}
	}
	return out, complete
}

// option records one option expression: a modelled option call, or a
// variable every definition of which is one.
func (c *checker) option(e ast.Expr, parse *ast.CallExpr, depth int, out *[]optUse) bool {
	if depth > maxDepth {
		return false
	}
	e = ast.Unparen(e)
	if oc := c.ix.CallOf(e); oc != nil {
		if oc.Func.Role != jwtapi.RoleOption {
			return false
		}
		cond, inElse := c.guard(oc.Expr, parse)
		*out = append(*out, optUse{call: oc, cond: cond, inElse: inElse})
		return true
	}
	if call, ok := e.(*ast.CallExpr); ok {
		// Another option of the library (jwt.WithIssuer): it checks no
		// audience. One that takes a library value (request.WithParser(p),
		// jwt.WithKeyProvider(kp)) may carry options of its own: unseen.
		fn, _ := c.info.Uses[jwtapi.CalleeIdent(call)].(*types.Func)
		if fn == nil || fn.Pkg() == nil || !c.ix.Model.IsLibrary(fn.Pkg().Path()) {
			return false
		}
		for _, a := range call.Args {
			if c.libraryValue(c.info.TypeOf(a)) {
				return false
			}
		}
		return true
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	defs, ok := c.ix.Defs.Of(v)
	if !ok || len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		if d.Index >= 0 || d.Expr == nil || !c.option(d.Expr, parse, depth+1, out) {
			return false
		}
	}
	return true
}

// sliceOptions records the options of a slice: a literal, a variable
// built from literals and appends, or a function of this package that
// returns one.
func (c *checker) sliceOptions(e ast.Expr, parse *ast.CallExpr, depth int, out *[]optUse) bool {
	if depth > maxDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		ok := true
		for _, el := range x.Elts {
			if kv, isKV := el.(*ast.KeyValueExpr); isKV {
				el = kv.Value
			}
			ok = c.option(el, parse, depth+1, out) && ok
		}
		return ok
	case *ast.Ident:
		if x.Name == "nil" {
			return true
		}
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		defs, ok := c.ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return false
		}
		all := true
		for _, d := range defs {
			if d.Index >= 0 {
				return false
			}
			if d.Expr == nil {
				continue // var opts []jwt.ParserOption
			}
			if app, isApp := c.appendCall(d.Expr); isApp {
				all = c.appendOptions(app, v, parse, depth+1, out) && all
				continue
			}
			all = c.sliceOptions(d.Expr, parse, depth+1, out) && all
		}
		return all
	case *ast.CallExpr:
		if app, isApp := c.appendCall(x); isApp {
			return c.appendOptions(app, nil, parse, depth+1, out)
		}
		decl := c.calleeDecl(x)
		if decl == nil || decl.Body == nil {
			return false
		}
		all := true
		for _, ret := range jwtapi.OwnReturns(decl.Body) {
			if len(ret.Results) != 1 {
				return false
			}
			all = c.sliceOptions(ret.Results[0], parse, depth+1, out) && all
		}
		return all
	}
	return false
}

// libraryValue reports whether t is (a pointer to) a named type of a
// modelled library.
func (c *checker) libraryValue(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && c.ix.Model.IsLibrary(n.Obj().Pkg().Path())
}

func (c *checker) appendCall(e ast.Expr) (*ast.CallExpr, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return nil, false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil, false
	}
	b, ok := c.info.Uses[id].(*types.Builtin)
	return call, ok && b.Name() == "append"
}

// appendOptions reads append(base, opts...): the base's options (unless it
// is the variable being defined, whose other definitions are read anyway)
// and the appended ones.
func (c *checker) appendOptions(app *ast.CallExpr, self *types.Var, parse *ast.CallExpr, depth int, out *[]optUse) bool {
	all := true
	base := ast.Unparen(app.Args[0])
	if id, ok := base.(*ast.Ident); !ok || self == nil || c.info.Uses[id] != self {
		all = c.sliceOptions(base, parse, depth+1, out)
	}
	rest := app.Args[1:]
	if app.Ellipsis.IsValid() && len(rest) > 0 {
		all = c.sliceOptions(rest[len(rest)-1], parse, depth+1, out) && all
		rest = rest[:len(rest)-1]
	}
	for _, a := range rest {
		all = c.option(a, parse, depth+1, out) && all
	}
	return all
}

// calleeDecl returns the declaration in this package of a called function.
func (c *checker) calleeDecl(call *ast.CallExpr) *ast.FuncDecl {
	id := jwtapi.CalleeIdent(call)
	if id == nil {
		return nil
	}
	fn, _ := c.info.Uses[id].(*types.Func)
	if fn == nil {
		return nil
	}
	return c.ix.Funcs[fn.Origin()]
}

// guard returns the innermost if statement, within the function, that
// decides whether opt is evaluated without also deciding whether the
// verification runs, and whether opt is in its else branch.
func (c *checker) guard(opt, parse *ast.CallExpr) (*ast.IfStmt, bool) {
	ins := c.ix.Inspector()
	if ins == nil {
		return nil, false
	}
	cur, ok := ins.Root().FindNode(opt)
	if !ok {
		return nil, false
	}
	for enc := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := enc.Node().(*ast.IfStmt)
		if !ok {
			return nil, false // the function's edge
		}
		if within(parse.Pos(), ifs) {
			return nil, false // the verification runs under the same condition
		}
		switch {
		case within(opt.Pos(), ifs.Body):
			return ifs, false
		case ifs.Else != nil && within(opt.Pos(), ifs.Else):
			return ifs, true
		}
		return nil, false // in the condition or init
	}
	return nil, false
}

func within(pos token.Pos, n ast.Node) bool { return n.Pos() <= pos && pos < n.End() }

// onlyWhenSet reports whether an audience option is given only when its
// own argument is set: the body of if X != "" / len(X) > 0 / X != nil, or
// the else branch of the opposite test.
func (c *checker) onlyWhenSet(u optUse) (setting string, ok bool) {
	if u.cond == nil {
		return "", false
	}
	arg := u.call.Arg(u.call.Func.OptionArg)
	if arg == nil {
		return "", false
	}
	want := types.ExprString(ast.Unparen(arg))
	if c.testsSet(u.cond.Cond, want, !u.inElse) {
		return want, true
	}
	return "", false
}

// testsSet reports whether cond tests that the expression written want is
// set (set true) or unset (set false).
func (c *checker) testsSet(cond ast.Expr, want string, set bool) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LAND:
		return set && (c.testsSet(b.X, want, set) || c.testsSet(b.Y, want, set))
	case token.LOR:
		return !set && (c.testsSet(b.X, want, set) || c.testsSet(b.Y, want, set))
	}
	x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
	if c.isEmptyValue(x) {
		x, y = y, x
	}
	if !c.isEmptyValue(y) {
		// len(X) > 0, len(X) != 0, len(X) == 0, len(X) < 1
		return c.testsLen(b, want, set)
	}
	if !c.isSetting(x, want) {
		return false
	}
	return (b.Op == token.NEQ) == set && (b.Op == token.NEQ || b.Op == token.EQL)
}

// isSetting reports whether e is the expression written want, or a call
// that is empty whenever it is (strings.TrimSpace(want)): a test that e is
// set is then a test that want is set.
func (c *checker) isSetting(e ast.Expr, want string) bool {
	for range maxDepth {
		e = ast.Unparen(e)
		if types.ExprString(e) == want {
			return true
		}
		inner := c.keptArg(e)
		if inner == nil {
			return false
		}
		e = inner
	}
	return false
}

// setting returns the expression whose emptiness e shows: e itself, or
// the argument of the calls around it that keep emptiness.
func (c *checker) setting(e ast.Expr) ast.Expr {
	for range maxDepth {
		e = ast.Unparen(e)
		inner := c.keptArg(e)
		if inner == nil {
			return e
		}
		e = inner
	}
	return e
}

// keptArg returns the argument of a call that is empty whenever that
// argument is (jwtapi.KeepsEmpty), or nil.
func (c *checker) keptArg(e ast.Expr) ast.Expr {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	arg, ok := jwtapi.KeepsEmpty(fn)
	if !ok || arg >= len(call.Args) {
		return nil
	}
	return call.Args[arg]
}

func (c *checker) testsLen(b *ast.BinaryExpr, want string, set bool) bool {
	call, ok := ast.Unparen(b.X).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || id.Name != "len" {
		return false
	}
	if _, ok := c.info.Uses[ast.Unparen(call.Fun).(*ast.Ident)].(*types.Builtin); !ok {
		return false
	}
	if !c.isSetting(call.Args[0], want) {
		return false
	}
	tv, ok := c.info.Types[b.Y]
	if !ok || tv.Value == nil {
		return false
	}
	switch v := tv.Value.String(); {
	case (b.Op == token.GTR || b.Op == token.NEQ) && v == "0", b.Op == token.GEQ && v == "1":
		return set
	case b.Op == token.EQL && v == "0", b.Op == token.LSS && v == "1":
		return !set
	}
	return false
}

// isEmptyValue: the constant "" or nil.
func (c *checker) isEmptyValue(e ast.Expr) bool {
	if s, ok := jwtapi.ConstString(c.info, e); ok {
		return s == ""
	}
	tv, ok := c.info.Types[e]
	return ok && tv.IsNil()
}
