package keyflow

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Functional options.
//
// A constructor (or a defaults function) gives an options struct a default
// key, and options such as WithKey(k), closures over their parameter,
// replace it:
//
//	type Option func(*Issuer)
//	func WithKey(k []byte) Option { return func(i *Issuer) { i.key = k } }
//	func NewIssuer(opts ...Option) *Issuer {
//		i := &Issuer{key: []byte("…")}
//		for _, o := range opts { o(i) }
//		return i
//	}
//
// Every caller that passes no WithKey signs with the default, so a
// constant default is the field's constant, whatever the options' callers
// pass: the writes of the options' parameters leave the join. A default
// that is not constant (the environment, a secret manager) keeps the
// join as it was.

// optionCall reports whether call applies a functional option: a call of
// a function value whose type is an option type of this package
// (optionType), or the method of an option interface (optionIface). The
// option writes the struct's fields in code of this package, which the
// field's definitions hold; it is not code that may decode into the
// struct.
func (f *Flow) optionCall(call *ast.CallExpr) bool {
	if fn, _ := calleeFunc(f.info, call); fn != nil {
		// opt.apply(&o): the method of an option interface.
		sig, _ := fn.Type().(*types.Signature)
		return sig != nil && sig.Recv() != nil && f.optionIface(sig.Recv().Type())
	}
	return f.optionType(typeOf(f.info, call.Fun))
}

// optionIface reports whether t is an option interface of this package:
// a named interface whose one method, unexported so that only this
// package implements it, applies an option (apply(*options)).
func (f *Flow) optionIface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != f.pass.Pkg {
		return false
	}
	it, ok := n.Underlying().(*types.Interface)
	if !ok || it.NumMethods() != 1 || it.Method(0).Exported() {
		return false
	}
	sig, ok := it.Method(0).Type().(*types.Signature)
	return ok && f.optionSig(sig)
}

// optionType reports whether t is a functional option type of this
// package: a named func type taking one pointer to a struct type of this
// package and returning nothing or an error.
func (f *Flow) optionType(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != f.pass.Pkg {
		return false
	}
	sig, ok := n.Underlying().(*types.Signature)
	return ok && f.optionSig(sig)
}

// optionSig reports whether sig applies an option: one pointer to a
// struct type of this package in, nothing or an error out.
func (f *Flow) optionSig(sig *types.Signature) bool {
	if sig.Params().Len() != 1 || sig.Variadic() {
		return false
	}
	switch res := sig.Results(); res.Len() {
	case 0:
	case 1:
		if !types.Identical(res.At(0).Type(), types.Universe.Lookup("error").Type()) {
			return false
		}
	default:
		return false
	}
	p, ok := types.Unalias(sig.Params().At(0).Type()).(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || st.Obj().Pkg() != f.pass.Pkg {
		return false
	}
	_, ok = st.Underlying().(*types.Struct)
	return ok
}

// optionParam reports whether v is the parameter of a functional option
// constructor: a function of this package, without receiver, returning
// one option type or option interface, whose body returns a function
// literal (the closure that writes v into the options), perhaps converted
// to an option func type.
func (f *Flow) optionParam(v *types.Var) bool {
	pp, ok := f.scanCalls().paramOf[v]
	if !ok {
		return false
	}
	sig, ok := pp.fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() != 1 {
		return false
	}
	if res := sig.Results().At(0).Type(); !f.optionType(res) && !f.optionIface(res) {
		return false
	}
	decl := f.ix.Funcs[pp.fn]
	if decl == nil || decl.Body == nil {
		return false
	}
	for _, stmt := range decl.Body.List {
		if ret, ok := stmt.(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
			r := ast.Unparen(ret.Results[0])
			// optionFunc(func(o *options) { … }) for an option interface.
			if conv, ok := r.(*ast.CallExpr); ok && len(conv.Args) == 1 {
				if tv, ok := f.info.Types[conv.Fun]; ok && tv.IsType() && f.optionType(tv.Type) {
					r = ast.Unparen(conv.Args[0])
				}
			}
			if _, ok := r.(*ast.FuncLit); ok {
				return true
			}
		}
	}
	return false
}

// withoutOptions drops from the writes of a field those of functional
// options' parameters when the other writes join to a non-empty
// constant: the default every caller without the option signs with.
func (f *Flow) withoutOptions(field *types.Var, writes []Origin) []Origin {
	var rest []Origin
	dropped := false
	for _, o := range writes {
		if o.Kind == Param && o.Holder != nil {
			if v, ok := o.Holder.(*types.Var); ok && f.optionParam(v) {
				dropped = true
				continue
			}
		}
		rest = append(rest, o)
	}
	if !dropped || len(rest) == 0 {
		return writes
	}
	// An empty default is a placeholder the options must fill, not a key;
	// so is a default the package compares the field with (a sentinel it
	// refuses at startup).
	if o := join(rest); o.Kind != Constant || o.Const.Len == 0 || f.comparedWithConstant(field) {
		return writes
	}
	return rest
}

// optionEscapes reports whether the only definitions of the local struct
// variable v that its definitions do not show are those of functional
// options: every &v is the argument of an option call (o := defaults();
// for _, opt := range opts { opt(&o) }), and v is never a range variable.
// The options write v's fields, which the fields' definitions hold.
func (f *Flow) optionEscapes(v *types.Var) bool {
	if v.Pkg() != f.pass.Pkg || isPackageLevel(v) || f.ix.Defs.IsParam(v) || v.IsField() {
		return false
	}
	if _, ok := v.Type().Underlying().(*types.Struct); !ok {
		return false
	}
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (f.info.Uses[id] == v || f.info.Defs[id] == v)
	}
	allowed := map[ast.Expr]bool{}
	escapes, ok := 0, true
	for _, file := range f.pass.Files {
		if !(file.FileStart <= v.Pos() && v.Pos() <= file.FileEnd) {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if f.optionCall(n) && len(n.Args) == 1 {
					allowed[ast.Unparen(n.Args[0])] = true
				}
			case *ast.RangeStmt:
				if (n.Key != nil && is(n.Key)) || (n.Value != nil && is(n.Value)) {
					ok = false
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND && is(n.X) {
					escapes++
					if !allowed[n] {
						ok = false
					}
				}
			}
			return ok
		})
	}
	return ok && escapes > 0
}

// comparedWithConstant reports whether the package compares field (==,
// !=, possibly through a conversion) with a constant string.
func (f *Flow) comparedWithConstant(field *types.Var) bool {
	isField := func(e ast.Expr) bool {
		for {
			e = ast.Unparen(e)
			call, ok := e.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				break
			}
			if tv, ok := f.info.Types[call.Fun]; !ok || !tv.IsType() {
				break
			}
			e = call.Args[0]
		}
		sel, ok := e.(*ast.SelectorExpr)
		return ok && f.info.Uses[sel.Sel] == field
	}
	isConst := func(e ast.Expr) bool {
		tv, ok := f.info.Types[e]
		return ok && tv.Value != nil
	}
	found := false
	for _, file := range f.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
				if (isField(b.X) && isConst(b.Y)) || (isField(b.Y) && isConst(b.X)) {
					found = true
				}
			}
			return !found
		})
	}
	return found
}
