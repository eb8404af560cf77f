package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Options of verify events, collected once: whether a parse pins its
// algorithms, the allow-lists it is given, where an option pinning them
// would go, and the settings that switch verification off.

// Pinned reports whether the event's parse restricts the algorithms
// through its options or its parser's settings (WithValidMethods,
// Parser.ValidMethods); known is false when they cannot be seen.
func (ev *VerifyEvent) Pinned() (pinned, known bool) {
	if ev.Call == nil {
		return false, false
	}
	return ev.ix.parsePinned(ev.Call)
}

// parsePinned reports whether the parse restricts the algorithms through
// options or parser settings; known is false when they cannot be seen.
func (ix *Index) parsePinned(c *Call) (pinned, known bool) {
	if c.Func.Options >= 0 {
		if has, unsure := ix.HasOption(c, OptValidMethods); has || unsure {
			return has, !unsure
		}
	}
	if recv := c.Recv(); recv != nil {
		return ix.parserPinned(recv, 0)
	}
	return false, true
}

// parserPinned follows a parser expression to its construction.
func (ix *Index) parserPinned(e ast.Expr, depth int) (pinned, known bool) {
	if depth > 6 || e == nil {
		return false, false
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if c := ix.CallOf(e); c != nil && c.IsParserBuilder() {
		has, unsure := ix.HasOption(c, OptValidMethods)
		return has, !unsure
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		fields, positional := ix.ModelledFields(x)
		if positional {
			return false, false
		}
		for _, f := range fields {
			if f.Field.Option == OptValidMethods {
				return true, true
			}
		}
		return false, true
	case *ast.CallExpr:
		// new(jwt.Parser)
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := ix.Info.Uses[id].(*types.Builtin); ok && b.Name() == "new" && len(x.Args) == 1 {
				return false, true
			}
		}
		return false, false
	case *ast.Ident, *ast.SelectorExpr:
		v := ix.varOf(x)
		if v == nil || v.Pkg() != ix.Pkg {
			return false, false
		}
		if ix.pinnedVar(v) {
			return true, true
		}
		defs, ok := ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return false, false
		}
		for _, d := range defs {
			if d.Index >= 0 {
				return false, false
			}
			if d.Expr == nil {
				continue // var p jwt.Parser
			}
			if p, k := ix.parserPinned(d.Expr, depth+1); p || !k {
				return p, k
			}
		}
		return false, true
	}
	return false, false
}

// pinnedVar reports whether the package assigns the algorithm-list field
// of the parser v (or a field of it): p.ValidMethods = [...].
func (ix *Index) pinnedVar(v *types.Var) bool {
	for _, set := range ix.FieldSets {
		if set.Field.Option == OptValidMethods && BaseVar(ix.Info, set.Sel.X) == v {
			return true
		}
	}
	return false
}

// OptionInsert is where an option pinning a parse's algorithms can be
// added: to the parse itself (package-level Parse and ParseWithClaims) or
// to the NewParser call that built its receiver.
type OptionInsert struct {
	Call   *ast.CallExpr // the call that takes the option
	Option *types.Func   // the option constructor that pins the algorithms
	Pos    token.Pos     // where the option's text goes
	Sep    string        // written before it: ", " after another argument
}

// PinOption returns where an allow-list option can be added to the
// event's parse, or nil when there is no such place.
func (ev *VerifyEvent) PinOption() *OptionInsert {
	if ev.Call == nil {
		return nil
	}
	target, opt := ev.ix.optionTarget(ev.Call)
	if target == nil {
		return nil
	}
	ins := &OptionInsert{Call: target, Option: opt, Pos: target.Rparen}
	if n := len(target.Args); n > 0 {
		ins.Pos, ins.Sep = target.Args[n-1].End(), ", "
	}
	return ins
}

// optionTarget returns the call that takes parser options for c: the
// parse itself (package-level Parse and ParseWithClaims) or the NewParser
// call that built its receiver, with the option constructor that pins the
// algorithms in that call's package. It returns nil when there is none.
func (ix *Index) optionTarget(c *Call) (*ast.CallExpr, *types.Func) {
	var target *ast.CallExpr
	switch {
	case c.Func.Options >= 0 && c.Func.Recv == "":
		target = c.Expr
	case c.Recv() != nil:
		target = ix.newParserCall(c.Recv(), 0)
	}
	if target == nil || target.Ellipsis.IsValid() {
		return nil, nil
	}
	fn, _ := ix.Info.Uses[CalleeIdent(target)].(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil, nil
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || !sig.Variadic() || sig.Params().Len() == 0 {
		return nil, nil
	}
	last, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
	if !ok {
		return nil, nil
	}
	for _, row := range ix.Model.OptionRows(fn.Pkg().Path(), OptValidMethods) {
		opt, ok := fn.Pkg().Scope().Lookup(row.Name).(*types.Func)
		if !ok {
			continue
		}
		osig, ok := opt.Type().(*types.Signature)
		if !ok || osig.Results().Len() != 1 || osig.Params().Len() != 1 {
			continue
		}
		if types.AssignableTo(osig.Results().At(0).Type(), last.Elem()) {
			return target, opt
		}
	}
	return nil, nil
}

// newParserCall follows a parser expression to the NewParser call that
// built it, when there is exactly one.
func (ix *Index) newParserCall(e ast.Expr, depth int) *ast.CallExpr {
	if depth > 4 || e == nil {
		return nil
	}
	if c := ix.CallOf(e); c != nil {
		if c.IsParserBuilder() {
			return c.Expr
		}
		return nil
	}
	if d, ok := ix.soleDef(ix.identVar(e)); ok && d.Index < 0 {
		return ix.newParserCall(d.Expr, depth+1)
	}
	return nil
}

// AllowLists returns the allow-lists among the options of the event's
// parse, in order (see OptionCalls).
func (ev *VerifyEvent) AllowLists() []*AllowList {
	if ev.Call == nil {
		return nil
	}
	opts, _ := ev.ix.OptionCalls(ev.Call)
	var out []*AllowList
	for _, o := range opts {
		if l := ev.ix.AllowListOf(o); l != nil {
			out = append(out, l)
		}
	}
	return out
}

// DecodeAllowList returns the allow-list of the decode whose token the
// event verifies (go-jose v4 ParseSigned(raw, algs) then tok.Claims(key)),
// or nil.
func (ev *VerifyEvent) DecodeAllowList() *AllowList {
	if ev.Call == nil || !ev.Call.Func.TokenFromRecv {
		return nil
	}
	return ev.ix.AllowListOf(ev.ix.DecodeOf(ev.Call.Recv()))
}
