package jwtapi

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// The identity of a token string across verify events: the same string
// under conversions and local copies, the string a decoded token came
// from, and calls that may verify a string handed to them.

// ParamIndex returns the index of the parameter e names (looking through
// string/[]byte conversions), or -1.
func (ix *Index) ParamIndex(decl *ast.FuncDecl, e ast.Expr) int {
	id, ok := StripStringConversions(ix.Info, e).(*ast.Ident)
	if !ok || decl.Type.Params == nil {
		return -1
	}
	obj := ix.Info.Uses[id]
	i := 0
	for _, f := range decl.Type.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, n := range f.Names {
			if obj != nil && ix.Info.Defs[n] == obj {
				return i
			}
			i++
		}
	}
	return -1
}

// MayVerify reports whether call goes to code this analysis cannot see
// into and could verify a token passed to it: an interface method, a
// function value, or a function of another module that carries no facts
// (an OIDC verifier, a JWKS client). Precision first: such a call given
// the decoded token string is taken to verify it.
func (ix *Index) MayVerify(call *ast.CallExpr) bool {
	if tv, ok := ix.Info.Types[call.Fun]; ok && tv.IsType() {
		return false
	}
	fn, _ := typeutil.Callee(ix.Info, call).(*types.Func)
	if fn == nil {
		_, isBuiltin := typeutil.Callee(ix.Info, call).(*types.Builtin)
		return !isBuiltin
	}
	if fn.Pkg() == nil || IsStdPath(fn.Pkg().Path()) || ix.Model.IsLibrary(fn.Pkg().Path()) {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return true
	}
	return fn.Pkg() != ix.Pkg
}

// SameTokenString reports whether a denotes the same token string as b (or the
// Raw field of the decoded token tok).
func (ix *Index) SameTokenString(a, b ast.Expr, tok *types.Var) bool {
	a, b = StripStringConversions(ix.Info, a), StripStringConversions(ix.Info, b)
	// The decoded token itself, verified afterwards (cristalhq
	// verifier.Verify(tok) after ParseNoVerify).
	if id, ok := a.(*ast.Ident); ok && tok != nil && ix.Info.Uses[id] == tok {
		return true
	}
	// The string the decoded token was parsed from (golang-jwt's
	// token.Raw), by the model's RawField column.
	if sel, ok := a.(*ast.SelectorExpr); ok && tok != nil {
		if tt := ix.Model.Type(tok.Type()); tt != nil && tt.RawField != "" && sel.Sel.Name == tt.RawField {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && ix.Info.Uses[id] == tok {
				return true
			}
		}
	}
	if ix.sameExpr(a, b) {
		return true
	}
	// A local copy (tokenString := raw) holds the same string.
	if ca, cb := ix.copyOf(a), ix.copyOf(b); (ca != a || cb != b) && ix.sameExpr(ca, cb) {
		return true
	}
	// A token object decoded from a string (go-jose ParseSigned) stands
	// for that string: peeking at one decode and verifying another decode
	// of the same raw string is decode-then-verify.
	ra, rb := ix.DecodedString(a), ix.DecodedString(b)
	if ra == a && rb == b {
		return false
	}
	return ix.sameExpr(StripStringConversions(ix.Info, ra), StripStringConversions(ix.Info, rb))
}

func (ix *Index) sameExpr(a, b ast.Expr) bool {
	ia, okA := a.(*ast.Ident)
	ib, okB := b.(*ast.Ident)
	if okA && okB {
		oa, ob := ix.Info.Uses[ia], ix.Info.Uses[ib]
		return oa != nil && oa == ob
	}
	return types.ExprString(a) == types.ExprString(b)
}

// copyOf follows a local variable whose only definition copies another
// variable (tokenString := raw, perhaps through a string/[]byte
// conversion) back to that variable; otherwise it returns e.
func (ix *Index) copyOf(e ast.Expr) ast.Expr {
	for range 4 {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return e
		}
		v, ok := ix.Info.Uses[id].(*types.Var)
		if !ok || ix.Defs.IsParam(v) {
			return e
		}
		defs, ok := ix.Defs.Of(v)
		if !ok || len(defs) != 1 || defs[0].Index >= 0 || defs[0].Expr == nil {
			return e
		}
		src, ok := StripStringConversions(ix.Info, defs[0].Expr).(*ast.Ident)
		if !ok {
			return e
		}
		if _, ok := ix.Info.Uses[src].(*types.Var); !ok {
			return e
		}
		e = src
	}
	return e
}

// IsLogCall reports whether call logs or formats an error: the log and
// log/slog packages (functions and logger methods) and fmt.Errorf. Claims
// passed there are shown, not trusted.
func (ix *Index) IsLogCall(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(ix.Info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "log", "log/slog":
		return true
	case "fmt":
		return fn.Name() == "Errorf"
	}
	return false
}

// ErrorsIs returns the error and the target of a call to errors.Is; ok is
// false for any other call.
func ErrorsIs(info *types.Info, call *ast.CallExpr) (err, target ast.Expr, ok bool) {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || fn.Name() != "Is" || len(call.Args) != 2 {
		return nil, nil, false
	}
	return call.Args[0], call.Args[1], true
}
