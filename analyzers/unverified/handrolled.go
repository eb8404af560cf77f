package unverified

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Hand-rolled decoding (jwtapi.HandDecode) whose claims are then used,
// with no verification of the same token string in the function.

// checkHandRolled reports the hand-rolled decodes whose claims are used
// with no verification of the same token string.
func (s *state) checkHandRolled() {
	for _, hd := range s.ix.HandDecodes() {
		if tests.Skip(s.pass.Fset, hd.Call.Pos()) {
			continue
		}
		uses := s.claimsUses(hd.Body, hd.Claims, hd.Dest)
		if len(uses) == 0 {
			continue
		}
		if s.verifiedAfter(hd.Body, hd.Body.Pos(), hd.Token, nil) || s.handPeekHelper(hd.Func, hd.Token) {
			continue
		}
		if ret, only := onlyReturned(uses); only && !s.callersTrust(hd.Func, ret) {
			// A decoding helper: what its callers do with the claims decides.
			continue
		}
		s.rep.Reportf(hd.Call.Pos(), hd.Call.End(),
			"claims decoded by hand from the token's payload segment are used but the token's signature is never verified: parse and verify the token with a JWT library and its key before trusting its claims")
	}
}

// claimsUse is one use of a claims value: the path from the function body
// to the identifier.
type claimsUse []ast.Node

// claimsUses returns the uses of claims in body (other than in dest, its
// declarations and its decode) that trust it: not logging it, not reading
// its timestamps (a client that decodes its own token to see when to
// refresh it trusts nothing).
func (s *state) claimsUses(body *ast.BlockStmt, claims *types.Var, dest ast.Expr) []claimsUse {
	var out []claimsUse
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if n == dest {
			return false
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok || s.info.Uses[id] != claims {
			return true
		}
		if !s.timestampOrLog(stack) {
			out = append(out, append(claimsUse(nil), stack...))
		}
		return true
	})
	return out
}

// onlyReturned reports whether every use returns the claims as they are,
// and at which result position.
func onlyReturned(uses []claimsUse) (int, bool) {
	pos := -1
	for _, u := range uses {
		if len(u) < 2 {
			return 0, false
		}
		id := u[len(u)-1]
		var ret *ast.ReturnStmt
		switch p := u[len(u)-2].(type) {
		case *ast.ReturnStmt:
			ret = p
		case *ast.UnaryExpr:
			if r, ok := u[len(u)-3].(*ast.ReturnStmt); ok && len(u) >= 3 && p.Op == token.AND {
				ret, id = r, p
			}
		}
		if ret == nil {
			return 0, false
		}
		i := -1
		for j, r := range ret.Results {
			if r == id {
				i = j
			}
		}
		if i < 0 || (pos >= 0 && i != pos) {
			return 0, false
		}
		pos = i
	}
	return pos, pos >= 0
}

// callersTrust reports whether some caller in this package of the helper
// fn uses result ret as trusted claims without verifying the token. A
// helper nobody here calls (an exported decoder) is judged by nobody.
func (s *state) callersTrust(fn ast.Node, ret int) bool {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok {
		return false
	}
	obj, _ := s.info.Defs[decl.Name].(*types.Func)
	if obj == nil {
		return false
	}
	for _, sc := range s.ix.StaticCalls() {
		if sc.Fn == obj && s.callerTrusts(sc.Call, ret) {
			return true
		}
	}
	return false
}

// callerTrusts reports whether one call of a decoding helper uses result
// ret as trusted claims, without verifying a token it passed.
func (s *state) callerTrusts(call *ast.CallExpr, ret int) bool {
	body := s.outerBody(call)
	if body == nil {
		return true
	}
	for _, a := range call.Args {
		if s.verifiedAfter(body, call.End(), a, nil) {
			return false
		}
	}
	v := s.resultVar(call, ret)
	if v == nil {
		return true // used in place
	}
	return len(s.claimsUses(body, v, nil)) > 0
}

// resultVar returns the local variable that takes result ret of call.
func (s *state) resultVar(call *ast.CallExpr, ret int) *types.Var {
	as, ok := s.ix.Parent(call).(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || ret >= len(as.Lhs) {
		return nil
	}
	id, ok := ast.Unparen(as.Lhs[ret]).(*ast.Ident)
	if !ok {
		return nil
	}
	return jwtapi.LocalVar(s.info, id)
}

// timestampOrLog reports whether the use at the top of stack reads a
// time claim (exp, iat, nbf, by field or map key) or is an argument of a
// log call.
func (s *state) timestampOrLog(stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	for i := len(stack) - 2; i >= 0; i-- {
		if call, ok := stack[i].(*ast.CallExpr); ok && s.ix.IsLogCall(call) {
			return true
		}
		if _, ok := stack[i].(ast.Stmt); ok {
			break
		}
	}
	switch p := stack[len(stack)-2].(type) {
	case *ast.SelectorExpr:
		return timeClaim(p.Sel.Name)
	case *ast.IndexExpr:
		if key, ok := jwtapi.ConstString(s.info, p.Index); ok {
			return timeClaim(key)
		}
	}
	return false
}

// timeClaim reports whether a field or key names a time claim.
func timeClaim(name string) bool {
	n := strings.ToLower(name)
	for _, p := range []string{"exp", "iat", "nbf", "issuedat", "notbefore"} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

// handPeekHelper reports whether fn decodes its token parameter for
// callers in this package that all verify the same string.
func (s *state) handPeekHelper(fn ast.Node, tok ast.Expr) bool {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok {
		return false
	}
	obj, _ := s.info.Defs[decl.Name].(*types.Func)
	param := s.ix.ParamIndex(decl, tok)
	if obj == nil || param < 0 {
		return false
	}
	n := 0
	for _, sc := range s.ix.StaticCalls() {
		if sc.Fn != obj {
			continue
		}
		tok := jwtapi.ArgAt(sc.Call, param)
		if tok == nil || !s.verifiedAfter(s.outerBody(sc.Call), sc.Call.End(), tok, nil) {
			return false
		}
		n++
	}
	return n > 0
}
