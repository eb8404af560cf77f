package jwtapi

import (
	"go/ast"
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
	for _, kc := range ix.KeyfuncCalls() {
		c := kc.Call
		for _, fn := range ix.funcNodes(kc.Keyfunc) {
			ix.recordKeyfunc(&Keyfunc{Node: fn, Pkg: c.Func.Pkg, Family: c.Func.Family, API: "keyfunc of " + ix.APIName(c), Alg: ix.CallAlg(c)})
		}
	}
	for _, l := range ix.Lits {
		for _, name := range sortedFields(l) {
			f := ix.Model.Field(l.Type, name)
			if f == nil || !f.Keyfunc {
				continue
			}
			for _, fn := range ix.funcNodes(l.Fields[name]) {
				ix.recordKeyfunc(&Keyfunc{Node: fn, Pkg: f.Pkg, Family: ix.Model.Family(f.Pkg), API: typeName(l.Type) + "." + name, Signs: f.KeyfuncSigns})
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
