package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// OptionSet is what the options of a call are, as far as they can be
// seen: passed directly, held in variables, or spread from a slice built
// by literals, appends and helper functions (opts...).
type OptionSet struct {
	// Calls are the modelled calls among the options.
	Calls []*Call
	// Kinds are the kinds of the options seen; a call of a modelled
	// library that is not a modelled option counts as OptOther.
	Kinds map[OptionKind]bool
	// Unmodelled: some option is a call of a modelled library without a
	// row, so what it does is not known.
	Unmodelled bool
	// Lits are the slice literals the options are spread from.
	Lits []*ast.CompositeLit
	// Complete is false when some option cannot be seen (a parameter, a
	// function of the program or of another module).
	Complete bool
}

// Options reads the options of a modelled call. Option collection lives
// here once: OptionCalls, HasOption and the rules read it.
func (ix *Index) Options(call *Call) *OptionSet {
	o := &OptionSet{Kinds: make(map[OptionKind]bool), Complete: true}
	args := call.OptionArgs()
	if call.Expr.Ellipsis.IsValid() && len(args) > 0 {
		spread := args[len(args)-1]
		args = args[:len(args)-1]
		elems, ls, ok := ix.optionSliceElems(spread, 0)
		if !ok {
			o.Complete = false
		}
		o.Lits = ls
		args = append(append([]ast.Expr(nil), args...), elems...)
	}
	for _, a := range args {
		if !ix.readOption(a, o, 0) {
			o.Complete = false
		}
	}
	return o
}

// NextArgPos returns where an argument added at the end of the call goes:
// after the last argument, or, when first, inside the empty parentheses.
func (c *Call) NextArgPos() (pos token.Pos, first bool) {
	if n := len(c.Expr.Args); n > 0 {
		return c.Expr.Args[n-1].End(), false
	}
	return c.Expr.Rparen, true
}

// readOption records one option expression; false when it cannot be
// seen.
func (ix *Index) readOption(e ast.Expr, o *OptionSet, depth int) bool {
	if depth > claimsDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if oc := ix.CallOf(x); oc != nil {
			o.Calls = append(o.Calls, oc)
			if oc.Func.Role == RoleOption {
				o.Kinds[oc.Func.Option] = true
			} else {
				o.Kinds[OptOther] = true
			}
			return true
		}
		fn, _ := typeutil.Callee(ix.Info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		if ix.Model.IsLibrary(fn.Pkg().Path()) {
			o.Kinds[OptOther] = true // another library option, not modelled
			o.Unmodelled = true
			return true
		}
		return false
	case *ast.Ident:
		v, ok := ix.Info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		defs, ok := ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			if d.Index >= 0 {
				return false
			}
			if d.Expr == nil {
				continue
			}
			if !ix.readOption(d.Expr, o, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// optionSliceElems returns the elements of a []ParserOption value: a literal, a
// variable built from literals and appends, or a helper returning one.
func (ix *Index) optionSliceElems(e ast.Expr, depth int) ([]ast.Expr, []*ast.CompositeLit, bool) {
	if depth > claimsDepth {
		return nil, nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		var elems []ast.Expr
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			elems = append(elems, el)
		}
		return elems, []*ast.CompositeLit{x}, true
	case *ast.Ident:
		v, ok := ix.Info.Uses[x].(*types.Var)
		if !ok {
			return nil, nil, false
		}
		defs, ok := ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return nil, nil, false
		}
		var elems []ast.Expr
		var lits []*ast.CompositeLit
		for _, d := range defs {
			if d.Index >= 0 {
				return nil, nil, false
			}
			if d.Expr == nil {
				continue // var opts []jwt.ParserOption
			}
			es, ls, ok := ix.defElems(d.Expr, v, depth+1)
			if !ok {
				return nil, nil, false
			}
			elems = append(elems, es...)
			lits = append(lits, ls...)
		}
		return elems, lits, true
	case *ast.CallExpr:
		if app, ok := ix.appendCall(x); ok {
			return ix.appendElems(app, nil, depth)
		}
		fn := typeutil.StaticCallee(ix.Info, x)
		if fn == nil {
			return nil, nil, false
		}
		decl := ix.Funcs[fn.Origin()]
		if decl == nil || decl.Body == nil || decl.Type.Results.NumFields() != 1 {
			return nil, nil, false
		}
		var elems []ast.Expr
		var lits []*ast.CompositeLit
		for _, ret := range OwnReturns(decl.Body) {
			if len(ret.Results) != 1 {
				return nil, nil, false
			}
			es, ls, good := ix.optionSliceElems(ret.Results[0], depth+1)
			if !good {
				return nil, nil, false
			}
			elems = append(elems, es...)
			lits = append(lits, ls...)
		}
		return elems, lits, true
	}
	return nil, nil, false
}

// defElems reads one definition of the slice variable self.
func (ix *Index) defElems(e ast.Expr, self *types.Var, depth int) ([]ast.Expr, []*ast.CompositeLit, bool) {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if app, ok := ix.appendCall(call); ok {
			return ix.appendElems(app, self, depth)
		}
	}
	return ix.optionSliceElems(e, depth)
}

func (ix *Index) appendCall(call *ast.CallExpr) (*ast.CallExpr, bool) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) == 0 {
		return nil, false
	}
	b, ok := ix.Info.Uses[id].(*types.Builtin)
	return call, ok && b.Name() == "append"
}

// appendElems reads append(base, elems...): the base's elements (unless
// it is the variable being defined, whose other definitions are read
// anyway) and the appended ones.
func (ix *Index) appendElems(app *ast.CallExpr, self *types.Var, depth int) ([]ast.Expr, []*ast.CompositeLit, bool) {
	var elems []ast.Expr
	var lits []*ast.CompositeLit
	base := ast.Unparen(app.Args[0])
	isSelf := false
	if id, ok := base.(*ast.Ident); ok && self != nil && ix.Info.Uses[id] == self {
		isSelf = true
	}
	if !isSelf && !isZeroValue(ix.Info, base) {
		es, ls, ok := ix.optionSliceElems(base, depth+1)
		if !ok {
			return nil, nil, false
		}
		elems, lits = es, ls
	}
	rest := app.Args[1:]
	if app.Ellipsis.IsValid() && len(rest) > 0 {
		es, ls, ok := ix.optionSliceElems(rest[len(rest)-1], depth+1)
		if !ok {
			return nil, nil, false
		}
		rest = rest[:len(rest)-1]
		elems = append(elems, es...)
		lits = append(lits, ls...)
	}
	return append(elems, rest...), lits, true
}
