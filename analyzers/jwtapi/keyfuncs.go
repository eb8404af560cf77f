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
		for _, fn := range ix.funcNodes(c.Arg(c.Func.Keyfunc)) {
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
			for _, fn := range ix.funcNodes(l.Fields[name]) {
				ix.addModelledKeyfunc(fn, f.Pkg, ix.Model.Family(f.Pkg), typeName(l.Type)+"."+name, "", f.KeyfuncSigns, seen)
			}
		}
	}
}

// funcNodes returns the function declarations and literals of this
// package an expression can evaluate to (see keyfuncLeaves), those found
// when some path cannot be followed included.
func (ix *Index) funcNodes(e ast.Expr) []ast.Node {
	leaves, _ := ix.keyfuncLeaves(e, 0)
	var out []ast.Node
	for _, l := range leaves {
		if d, ok := l.node.(*ast.FuncDecl); ok && d.Body == nil {
			continue
		}
		if l.node != nil {
			out = append(out, l.node)
		}
	}
	return out
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
		kf.Type, kf.Body, kf.File = n.Type, n.Body, ix.FileAt(n.Pos())
		if tv, ok := ix.Info.Types[n]; ok {
			t = tv.Type
		}
	case *ast.FuncDecl:
		kf.Type, kf.Body, kf.File = n.Type, n.Body, ix.FileAt(n.Pos())
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
