package keyflow

import (
	"go/ast"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// A comma-ok map read, v, ok := m[k], gives v the element m[k] holds or,
// when k is missing, the zero value: the same value a plain m[k] reads.
// Checking ok decides what the code does next, not what v holds, so the
// read is followed as the index it is.

// mapCommaOK returns the index expression of a comma-ok map read when d is
// the value (not the ok) it defines.
func mapCommaOK(d jwtapi.Def) (*ast.IndexExpr, bool) {
	if d.Index != 0 {
		return nil, false
	}
	x, ok := ast.Unparen(d.Expr).(*ast.IndexExpr)
	return x, ok
}

// commaOKOrigin is the origin of the value of a comma-ok read that is not
// a call's result: an element of a map of constants, or a part of a secret
// manager's secret (a map element, a type assertion); unknown otherwise.
func (f *Flow) commaOKOrigin(d jwtapi.Def, b bindings, depth int) Origin {
	if x, ok := mapCommaOK(d); ok {
		if o := f.index(x, b, depth); o.Kind == Constant || o.Kind == Secret {
			return o
		}
		return unknown()
	}
	return f.secretCommaOK(d.Expr, d.Index, b, depth)
}
