package jwtapi

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// EnvNameRead returns the name of the environment variable e reads when e
// is a call of an environment getter (os.Getenv, os.LookupEnv, a config
// source row that reads the environment) with a constant name.
func EnvNameRead(info *types.Info, e ast.Expr) (string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return "", false
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	src := ConfigSourceOf(fn)
	if src == nil || !src.IsGetter() || src.Reads != ReadsEnv || src.NameIn(call) == nil {
		return "", false
	}
	return ConstString(info, src.NameIn(call))
}
