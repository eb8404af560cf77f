package jwtapi

import (
	"go/ast"
	"go/types"
)

// The variable an expression reads, and its one definition: the lookups
// the model's readers share when they follow a value back to where it was
// set.

// identVar returns the variable a plain identifier names (local or not;
// see LocalVar for function-local ones), or nil.
func (ix *Index) identVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := ix.Info.Uses[id].(*types.Var)
	return v
}

// varOf returns the variable or struct field e reads: a name, a qualified
// package variable (pkg.V) or a field selection (x.f), or nil.
func (ix *Index) varOf(e ast.Expr) *types.Var {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := ix.Info.Uses[x].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if s := ix.Info.Selections[x]; s != nil {
			if s.Kind() == types.FieldVal {
				v, _ := s.Obj().(*types.Var)
				return v
			}
			return nil
		}
		v, _ := ix.Info.Uses[x.Sel].(*types.Var) // pkg.Var
		return v
	}
	return nil
}

// soleDef returns the definition of v when the package gives it exactly
// one; ok is false for nil, for a variable that escapes or is a
// parameter, and for one with several definitions.
func (ix *Index) soleDef(v *types.Var) (Def, bool) {
	if v == nil {
		return Def{}, false
	}
	defs, ok := ix.Defs.Of(v)
	if !ok || len(defs) != 1 {
		return Def{}, false
	}
	return defs[0], true
}

// values returns the single values the package assigns v (v = x, v := x,
// var v = x), leaving out results of multi-valued calls; nil when v is nil
// or some of its definitions cannot be seen.
func (ix *Index) values(v *types.Var) []ast.Expr {
	if v == nil {
		return nil
	}
	defs, ok := ix.Defs.Of(v)
	if !ok {
		return nil
	}
	var out []ast.Expr
	for _, d := range defs {
		if d.Index < 0 && d.Expr != nil {
			out = append(out, d.Expr)
		}
	}
	return out
}
