package jwtapi

import (
	"go/ast"
	"go/types"
)

// Options a verification is given, followed further than OptionCalls
// does: through variables, slices built of literals and appends, functions
// of the package that return a slice, and the parser a parse method is
// called on; each with the if statement that alone decides whether it is
// given.

const optionDepth = 6

// OptionUse is one option a verification is given, and the if statement
// that alone decides whether it is given (nil when the option is given
// whenever the verification runs); InElse says the option sits in its else
// branch.
type OptionUse struct {
	Call   *Call
	Cond   *ast.IfStmt
	InElse bool
}

// GuardedOptions lists the modelled options of a verification: its option
// arguments, also spread from a slice built of literals and appends, and
// the options of the parser it is a method of, which built returns (the
// calls whose results an expression may hold, from provenance). complete
// is false when some option cannot be seen.
func (ix *Index) GuardedOptions(call *Call, built func(ast.Expr) []*Call) (out []OptionUse, complete bool) {
	complete = true
	args := call.OptionArgs()
	spread := call.Expr.Ellipsis.IsValid()
	for i, a := range args {
		var ok bool
		if spread && i == len(args)-1 {
			ok = ix.guardedSliceOptions(a, call.Expr, 0, &out)
		} else {
			ok = ix.guardedOption(a, call.Expr, 0, &out)
		}
		complete = complete && ok
	}
	if recv := call.Recv(); recv != nil && call.Func.Keyfunc >= 0 {
		// A parser method: the options are those the parser was built with.
		bs := built(recv)
		if len(bs) == 0 {
			complete = false
		}
		for _, b := range bs {
			if !b.IsParserBuilder() {
				complete = false
				continue
			}
			opts, ok := ix.GuardedOptions(b, built)
			out = append(out, opts...)
			complete = complete && ok
		}
	}
	return out, complete
}

// guardedOption records one option expression: a modelled option call, or a
// variable every definition of which is one.
func (ix *Index) guardedOption(e ast.Expr, parse *ast.CallExpr, depth int, out *[]OptionUse) bool {
	if depth > optionDepth {
		return false
	}
	e = ast.Unparen(e)
	if oc := ix.CallOf(e); oc != nil {
		if !oc.IsOption() {
			return false
		}
		cond, inElse := ix.optionGuard(oc.Expr, parse)
		*out = append(*out, OptionUse{Call: oc, Cond: cond, InElse: inElse})
		return true
	}
	if call, ok := e.(*ast.CallExpr); ok {
		// Another option of the library (jwt.WithIssuer): it checks no
		// audience. One that takes a library value (request.WithParser(p),
		// jwt.WithKeyProvider(kp)) may carry options of its own: unseen.
		fn, _ := ix.Info.Uses[CalleeIdent(call)].(*types.Func)
		if fn == nil || fn.Pkg() == nil || !ix.Model.IsLibrary(fn.Pkg().Path()) {
			return false
		}
		for _, a := range call.Args {
			if ix.isLibraryValue(ix.Info.TypeOf(a)) {
				return false
			}
		}
		return true
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := ix.Info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	defs, ok := ix.Defs.Of(v)
	if !ok || len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		if d.Index >= 0 || d.Expr == nil || !ix.guardedOption(d.Expr, parse, depth+1, out) {
			return false
		}
	}
	return true
}

// guardedSliceOptions records the options of a slice: a literal, a variable
// built from literals and appends, or a function of this package that
// returns one.
func (ix *Index) guardedSliceOptions(e ast.Expr, parse *ast.CallExpr, depth int, out *[]OptionUse) bool {
	if depth > optionDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		ok := true
		for _, el := range x.Elts {
			if kv, isKV := el.(*ast.KeyValueExpr); isKV {
				el = kv.Value
			}
			ok = ix.guardedOption(el, parse, depth+1, out) && ok
		}
		return ok
	case *ast.Ident:
		if x.Name == "nil" {
			return true
		}
		v, ok := ix.Info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		defs, ok := ix.Defs.Of(v)
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
			if app, isApp := ix.optionAppendCall(d.Expr); isApp {
				all = ix.optionAppend(app, v, parse, depth+1, out) && all
				continue
			}
			all = ix.guardedSliceOptions(d.Expr, parse, depth+1, out) && all
		}
		return all
	case *ast.CallExpr:
		if app, isApp := ix.optionAppendCall(x); isApp {
			return ix.optionAppend(app, nil, parse, depth+1, out)
		}
		decl := ix.optionCalleeDecl(x)
		if decl == nil || decl.Body == nil {
			return false
		}
		all := true
		for _, ret := range OwnReturns(decl.Body) {
			if len(ret.Results) != 1 {
				return false
			}
			all = ix.guardedSliceOptions(ret.Results[0], parse, depth+1, out) && all
		}
		return all
	}
	return false
}

// isLibraryValue reports whether t is (a pointer to) a named type of a
// modelled library.
func (ix *Index) isLibraryValue(t types.Type) bool {
	if t == nil {
		return false
	}
	n := namedOf(t)
	return n != nil && n.Obj().Pkg() != nil && ix.Model.IsLibrary(n.Obj().Pkg().Path())
}

func (ix *Index) optionAppendCall(e ast.Expr) (*ast.CallExpr, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return nil, false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil, false
	}
	b, ok := ix.Info.Uses[id].(*types.Builtin)
	return call, ok && b.Name() == "append"
}

// optionAppend reads append(base, opts...): the base's options (unless it
// is the variable being defined, whose other definitions are read anyway)
// and the appended ones.
func (ix *Index) optionAppend(app *ast.CallExpr, self *types.Var, parse *ast.CallExpr, depth int, out *[]OptionUse) bool {
	all := true
	base := ast.Unparen(app.Args[0])
	if id, ok := base.(*ast.Ident); !ok || self == nil || ix.Info.Uses[id] != self {
		all = ix.guardedSliceOptions(base, parse, depth+1, out)
	}
	rest := app.Args[1:]
	if app.Ellipsis.IsValid() && len(rest) > 0 {
		all = ix.guardedSliceOptions(rest[len(rest)-1], parse, depth+1, out) && all
		rest = rest[:len(rest)-1]
	}
	for _, a := range rest {
		all = ix.guardedOption(a, parse, depth+1, out) && all
	}
	return all
}

// optionCalleeDecl returns the declaration in this package of a called function.
func (ix *Index) optionCalleeDecl(call *ast.CallExpr) *ast.FuncDecl {
	id := CalleeIdent(call)
	if id == nil {
		return nil
	}
	fn, _ := ix.Info.Uses[id].(*types.Func)
	if fn == nil {
		return nil
	}
	return ix.Funcs[fn.Origin()]
}

// optionGuard returns the innermost if statement, within the function,
// that decides whether opt is evaluated without also deciding whether the
// verification runs, and whether opt is in its else branch.
func (ix *Index) optionGuard(opt, parse *ast.CallExpr) (*ast.IfStmt, bool) {
	ins := ix.Inspector()
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
		if Within(parse.Pos(), ifs) {
			return nil, false // the verification runs under the same condition
		}
		switch {
		case Within(opt.Pos(), ifs.Body):
			return ifs, false
		case ifs.Else != nil && Within(opt.Pos(), ifs.Else):
			return ifs, true
		}
		return nil, false // in the condition or init
	}
	return nil, false
}
