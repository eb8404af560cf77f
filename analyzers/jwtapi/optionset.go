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

	// values are every option value the walk reached, also those of a
	// spread slice that could not be seen whole (which Calls leaves out);
	// nil stands for a variable declared without a value. walked is
	// false when some option could not be followed.
	values []*ast.CallExpr
	walked bool
}

// optionDepth bounds how far option values are followed.
const optionDepth = 8

// Options reads the options of a modelled call. Option collection lives
// here once: OptionCalls, HasOption, GuardedOptions and the rules read it.
func (ix *Index) Options(call *Call) *OptionSet {
	o := &OptionSet{Kinds: make(map[OptionKind]bool), Complete: true, walked: true}
	args := call.OptionArgs()
	for i, a := range args {
		var w optionWalk
		if call.Expr.Ellipsis.IsValid() && i == len(args)-1 {
			ok := ix.sliceOptions(a, nil, 0, &w)
			o.values = append(o.values, w.values...)
			o.walked = o.walked && ok
			if !ok {
				// A slice not seen whole: its options count as unseen.
				o.Complete = false
				continue
			}
			o.Lits = w.lits
		} else {
			ok := ix.optionValues(a, 0, &w)
			o.values = append(o.values, w.values...)
			o.walked = o.walked && ok
			o.Complete = o.Complete && ok
		}
		for _, v := range w.values {
			if !ix.readOption(v, o) {
				o.Complete = false
			}
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

// readOption records one option value; false when what it does cannot be
// known.
func (ix *Index) readOption(v *ast.CallExpr, o *OptionSet) bool {
	if v == nil {
		return true // a variable declared without a value
	}
	if oc := ix.CallOf(v); oc != nil {
		o.Calls = append(o.Calls, oc)
		if oc.IsOption() {
			o.Kinds[oc.Func.Option] = true
		} else {
			o.Kinds[OptOther] = true
		}
		return true
	}
	if ix.libraryCall(v) {
		o.Kinds[OptOther] = true // another library option, not modelled
		o.Unmodelled = true
		return true
	}
	return false
}

// libraryCall reports whether call calls a function of a modelled
// library.
func (ix *Index) libraryCall(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(ix.Info, call).(*types.Func)
	return fn != nil && fn.Pkg() != nil && ix.Model.IsLibrary(fn.Pkg().Path())
}

// optionWalk gathers the option values a walk reaches and the slice
// literals it reads them from.
type optionWalk struct {
	values []*ast.CallExpr
	lits   []*ast.CompositeLit
}

// optionValues walks one option expression to the calls it may be: the
// call itself, or the values of a variable every definition of which is
// one (nil for a definition without a value). It returns false when some
// value cannot be followed.
func (ix *Index) optionValues(e ast.Expr, depth int, w *optionWalk) bool {
	if depth > optionDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		w.values = append(w.values, x)
		return true
	case *ast.Ident:
		_, defs, ok := ix.optionVarDefs(x)
		if !ok {
			return false
		}
		for _, d := range defs {
			if d.Index >= 0 {
				return false
			}
			if d.Expr == nil {
				w.values = append(w.values, nil) // var opt jwt.ParserOption
				continue
			}
			if !ix.optionValues(d.Expr, depth+1, w) {
				return false
			}
		}
		return true
	}
	return false
}

// optionVarDefs returns the variable an option (or slice of options)
// identifier names and its definitions; false when it names none or they
// are not all seen.
func (ix *Index) optionVarDefs(id *ast.Ident) (*types.Var, []Def, bool) {
	v, ok := ix.Info.Uses[id].(*types.Var)
	if !ok {
		return nil, nil, false
	}
	defs, ok := ix.Defs.Of(v)
	return v, defs, ok && len(defs) > 0
}

// sliceOptions walks a slice of options: a literal, nil, a variable built
// from literals and appends (self is the variable whose definition is
// read), or a function of this package that returns one. It goes on past
// what it cannot follow, and returns false then.
func (ix *Index) sliceOptions(e ast.Expr, self *types.Var, depth int, w *optionWalk) bool {
	if depth > optionDepth {
		return false
	}
	if isZeroValue(ix.Info, e) {
		return true // nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		w.lits = append(w.lits, x)
		ok := true
		for _, el := range x.Elts {
			if kv, isKV := el.(*ast.KeyValueExpr); isKV {
				el = kv.Value
			}
			ok = ix.optionValues(el, depth+1, w) && ok
		}
		return ok
	case *ast.Ident:
		v, defs, ok := ix.optionVarDefs(x)
		if !ok {
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
			all = ix.sliceOptions(d.Expr, v, depth+1, w) && all
		}
		return all
	case *ast.CallExpr:
		if ix.isAppend(x) {
			return ix.appendOptions(x, self, depth, w)
		}
		fn := typeutil.StaticCallee(ix.Info, x)
		if fn == nil {
			return false
		}
		decl := ix.Funcs[fn.Origin()]
		if decl == nil || decl.Body == nil || decl.Type.Results.NumFields() != 1 {
			return false
		}
		all := true
		for _, ret := range OwnReturns(decl.Body) {
			if len(ret.Results) != 1 {
				return false
			}
			all = ix.sliceOptions(ret.Results[0], nil, depth+1, w) && all
		}
		return all
	}
	return false
}

// isAppend reports whether call is append(base, …).
func (ix *Index) isAppend(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) == 0 {
		return false
	}
	b, ok := ix.Info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "append"
}

// appendOptions reads append(base, opts...): the base's options (unless
// it is the variable being defined, whose other definitions are read
// anyway) and the appended ones.
func (ix *Index) appendOptions(app *ast.CallExpr, self *types.Var, depth int, w *optionWalk) bool {
	all := true
	base := ast.Unparen(app.Args[0])
	if id, ok := base.(*ast.Ident); !ok || self == nil || ix.Info.Uses[id] != self {
		all = ix.sliceOptions(base, nil, depth+1, w)
	}
	rest := app.Args[1:]
	if app.Ellipsis.IsValid() && len(rest) > 0 {
		all = ix.sliceOptions(rest[len(rest)-1], nil, depth+1, w) && all
		rest = rest[:len(rest)-1]
	}
	for _, a := range rest {
		all = ix.optionValues(a, depth+1, w) && all
	}
	return all
}
