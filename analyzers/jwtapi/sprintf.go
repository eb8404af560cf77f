package jwtapi

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// SprintfFormat returns the format string of a fmt.Sprintf call and the
// operands it formats; ok is false for any other call.
func SprintfFormat(info *types.Info, call *ast.CallExpr) (format ast.Expr, operands []ast.Expr, ok bool) {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || fn.Name() != "Sprintf" || len(call.Args) == 0 {
		return nil, nil, false
	}
	return call.Args[0], call.Args[1:], true
}
