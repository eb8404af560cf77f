package jwtapi

import (
	"go/ast"
	"go/types"
	"sort"
)

// outerCall returns the modelled call that n is a direct argument of, or
// nil. The walk visits a call before its arguments, so the outer call is
// already recorded.
func (ix *Index) outerCall(n *ast.CallExpr, stack []ast.Node) *Call {
	var child ast.Node = n
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			child = p
			continue
		case *ast.CallExpr:
			for _, a := range p.Args {
				if a == child {
					return ix.calls[p]
				}
			}
		}
		return nil
	}
	return nil
}

// addModelledKeyfuncs records as keyfuncs the functions a package hands to
// a library where the model expects one: the Keyfunc argument of a
// modelled call (auth0 validator.New, go-kit NewParser) and a field marked
// Keyfunc (echo-jwt Config.KeyFunc, fosite DefaultSigner.GetPrivateKey),
// whatever their signatures. Functions already found by their signature
// are not added twice.
func (ix *Index) addModelledKeyfuncs() {
	seen := make(map[ast.Node]bool, len(ix.Keyfuncs))
	for _, kf := range ix.Keyfuncs {
		seen[kf.Node] = true
	}
	for _, c := range ix.Calls {
		if c.Func.Keyfunc < 0 {
			continue
		}
		for _, fn := range ix.funcNodes(c.Arg(c.Func.Keyfunc), 0) {
			ix.addModelledKeyfunc(fn, c.Func.Pkg, c.Func.Family, "keyfunc of "+ix.APIName(c), ix.CallAlg(c), false, seen)
		}
	}
	for _, l := range ix.Lits {
		names := make([]string, 0, len(l.Fields))
		for name := range l.Fields {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			f := ix.Model.Field(l.Type, name)
			if f == nil || !f.Keyfunc {
				continue
			}
			for _, fn := range ix.funcNodes(l.Fields[name], 0) {
				ix.addModelledKeyfunc(fn, f.Pkg, ix.Model.Family(f.Pkg), typeName(l.Type)+"."+name, "", f.KeyfuncSigns, seen)
			}
		}
	}
}

// funcNodes returns the function declarations and literals an expression
// can evaluate to: a literal, a function or method of this package, a
// conversion of one, or a local variable every definition of which is one.
func (ix *Index) funcNodes(e ast.Expr, depth int) []ast.Node {
	if e == nil || depth > 4 {
		return nil
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.FuncLit:
		return []ast.Node{x}
	case *ast.CallExpr:
		if tv, ok := ix.Info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return ix.funcNodes(x.Args[0], depth+1)
		}
		return nil
	case *ast.SelectorExpr:
		if sel, ok := ix.Info.Selections[x]; ok {
			if fn, ok := sel.Obj().(*types.Func); ok {
				return ix.declOf(fn)
			}
			return nil
		}
		return ix.objNodes(ix.Info.Uses[x.Sel], depth)
	case *ast.Ident:
		return ix.objNodes(ix.Info.Uses[x], depth)
	}
	return nil
}

func (ix *Index) objNodes(obj types.Object, depth int) []ast.Node {
	switch o := obj.(type) {
	case *types.Func:
		return ix.declOf(o)
	case *types.Var:
		defs, ok := ix.Defs.Of(o)
		if !ok {
			return nil
		}
		var out []ast.Node
		for _, d := range defs {
			if d.Index >= 0 || d.Expr == nil {
				return nil
			}
			out = append(out, ix.funcNodes(d.Expr, depth+1)...)
		}
		return out
	}
	return nil
}

func (ix *Index) declOf(fn *types.Func) []ast.Node {
	if d := ix.Funcs[fn.Origin()]; d != nil && d.Body != nil {
		return []ast.Node{d}
	}
	return nil
}

func (ix *Index) addModelledKeyfunc(node ast.Node, pkg, family, api, alg string, signs bool, seen map[ast.Node]bool) {
	if seen[node] {
		return
	}
	seen[node] = true
	kf := &Keyfunc{Node: node, Pkg: pkg, Family: family, API: api, Alg: alg, Signs: signs}
	var t types.Type
	switch n := node.(type) {
	case *ast.FuncLit:
		kf.Type, kf.Body, kf.File = n.Type, n.Body, ix.files[n]
		if tv, ok := ix.Info.Types[n]; ok {
			t = tv.Type
		}
	case *ast.FuncDecl:
		kf.Type, kf.Body, kf.File = n.Type, n.Body, ix.files[n]
		kf.Obj, _ = ix.Info.Defs[n.Name].(*types.Func)
		if kf.Obj != nil {
			t = kf.Obj.Type()
		}
	default:
		return
	}
	if kf.Body == nil {
		return
	}
	// The token parameter, when the function receives a modelled token.
	if sig, ok := types.Unalias(t).(*types.Signature); ok && kf.Type.Params != nil {
		i := 0
		for _, f := range kf.Type.Params.List {
			for _, name := range f.Names {
				if i < sig.Params().Len() {
					if tt := ix.Model.Type(sig.Params().At(i).Type()); tt != nil && tt.Role == TypeToken {
						kf.TokenParam, _ = ix.Info.Defs[name].(*types.Var)
					}
				}
				i++
			}
			if len(f.Names) == 0 {
				i++
			}
		}
	}
	kf.Returns = OwnReturns(kf.Body)
	ix.Keyfuncs = append(ix.Keyfuncs, kf)
}
