package keyflow

import (
	"go/ast"
	"go/types"
)

// Root is one thing a key expression is read from: a package variable,
// a field, a call, a parameter of the enclosing function.
type Root struct {
	// ID is the identity, the same for every read of the same thing.
	ID  string
	Obj types.Object // the variable, field or function, when there is one
	// Param is the parameter index for a parameter of the function the
	// expression is in, else -1.
	Param int
	// Recv: the value is a field read through the receiver.
	Recv bool
	// Weak: good for finding where a value goes, not for telling keys
	// apart (a function called with arguments that may differ).
	Weak bool
}

// KeyRoots tells keys apart: what a key expression is read from, and the
// identity of an object that is the same in every package that sees it
// ("" for a local variable).
type KeyRoots interface {
	Roots(e ast.Expr) []Root
	ObjID(obj types.Object) string
}
