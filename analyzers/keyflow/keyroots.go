package keyflow

import (
	"go/ast"
	"go/types"
)

// KeyRoots tells keys apart: what a key expression is read from, and the
// identity of an object that is the same in every package that sees it
// ("" for a local variable).
type KeyRoots interface {
	Roots(e ast.Expr) []Root
	ObjID(obj types.Object) string
}
