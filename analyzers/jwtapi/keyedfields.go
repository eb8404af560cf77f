package jwtapi

import (
	"go/ast"
	"iter"
)

// KeyedFields yields the elements of a composite literal keyed by an
// identifier (the fields of a struct literal, Config{Secret: v}) with
// their key; positional elements and other keys are skipped.
func KeyedFields(lit *ast.CompositeLit) iter.Seq2[*ast.Ident, *ast.KeyValueExpr] {
	return func(yield func(*ast.Ident, *ast.KeyValueExpr) bool) {
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			if !yield(id, kv) {
				return
			}
		}
	}
}
