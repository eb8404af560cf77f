package jwtapi

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// Small readings of expressions that rules and the model share.

// IsNil reports whether e is the untyped nil (isNil, for the rules).
func IsNil(info *types.Info, e ast.Expr) bool { return isNil(info, e) }

// StripConversions removes parentheses and conversions (any(x),
// interface{}(x)) around e.
func StripConversions(info *types.Info, e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
			return e
		}
		e = call.Args[0]
	}
}

// LenOperand returns x for a call of the builtin len(x), or nil.
func LenOperand(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != "len" {
		return nil
	}
	if _, ok := info.Uses[id].(*types.Builtin); !ok {
		return nil
	}
	return call.Args[0]
}

// NewOperand reports whether e is a call of the builtin new and returns
// the type it allocates (nil when not known).
func NewOperand(info *types.Info, e ast.Expr) (types.Type, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil, false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != "new" {
		return nil, false
	}
	if _, builtin := info.Uses[id].(*types.Builtin); !builtin {
		return nil, false
	}
	tv, ok := info.Types[call.Args[0]]
	if !ok {
		return nil, true
	}
	return tv.Type, true
}

// IsConstTrue reports whether e is the constant true.
func IsConstTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// Within reports whether pos lies in n.
func Within(pos token.Pos, n ast.Node) bool { return n.Pos() <= pos && pos < n.End() }
