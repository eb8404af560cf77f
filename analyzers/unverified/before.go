package unverified

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// verifiedBefore reports whether the token string of st was already
// verified earlier in the same function by a verification whose failure
// leaves the function: `if _, err := jws.Verify(raw, …); err != nil {
// return … }`. On the function's control-flow graph, every path to the
// decode passes the verification, and then a branch where its error is
// nil. Reading the claims of bytes whose signature has just been checked
// is safe whatever call decodes them.
func (s *state) verifiedBefore(st *jwtapi.VerifyEvent) bool {
	if st.Token == nil || st.Body == nil {
		return false
	}
	// The function holding the decode, then the functions around a
	// function literal holding it (a handler's callback run after the
	// handler verified the token).
	for body := st.Body; body != nil; body = s.enclosingBody(body) {
		if s.verifiedBeforeIn(st, body) {
			return true
		}
	}
	return false
}

// enclosingBody returns the body of the function around the function
// literal whose body is body, or nil.
func (s *state) enclosingBody(body *ast.BlockStmt) *ast.BlockStmt {
	lit, ok := s.ix.Parent(body).(*ast.FuncLit)
	if !ok {
		return nil
	}
	return jwtapi.FuncBody(s.ix.EnclosingFunc(lit))
}

func (s *state) verifiedBeforeIn(st *jwtapi.VerifyEvent, body *ast.BlockStmt) bool {
	f := s.flowOf(body)
	site, ok := s.locate(f, st.Expr)
	if !ok {
		return false
	}
	for _, b := range f.g.Blocks {
		for _, n := range b.Nodes {
			as, ok := n.(*ast.AssignStmt)
			if !ok || as == st.Stmt || !s.verifiesToken(st, as) {
				continue
			}
			errVar := s.lastVar(as)
			if errVar == nil {
				continue
			}
			v := f.at[as]
			if s.reachable(f, nil, site, &v, nil) {
				continue // a path to the decode misses the verification
			}
			nilErr := func(cond, tag ast.Expr, pol bool) bool {
				return cond.Pos() > as.Pos() && s.errNil(errVar, cond, tag, pol)
			}
			if !s.reachable(f, &v, site, nil, nilErr) {
				return true
			}
		}
	}
	return false
}

// verifiesToken reports whether as assigns the results of one call that
// verifies the same token string as st.
func (s *state) verifiesToken(st *jwtapi.VerifyEvent, as *ast.AssignStmt) bool {
	if len(as.Rhs) != 1 {
		return false
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return false
	}
	if a := s.verifyArg(call); a != nil {
		return s.ix.SameTokenString(a, st.Token, nil)
	}
	// A method of an interface given the same token, whose error is
	// checked: what it does cannot be seen, and it may verify (an app's
	// FindRecordByToken).
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil || !jwtapi.IsInterfaceMethod(fn) {
		return false
	}
	for _, a := range call.Args {
		if s.ix.SameTokenString(a, st.Token, nil) {
			return true
		}
	}
	return false
}

// lastVar returns the variable the last left-hand side of as names (the
// error result), or nil.
func (s *state) lastVar(as *ast.AssignStmt) *types.Var {
	id, ok := as.Lhs[len(as.Lhs)-1].(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := s.info.Defs[id].(*types.Var)
	if !ok {
		v, _ = s.info.Uses[id].(*types.Var)
	}
	if v == nil || !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	return v
}

// errNil reports whether cond (compared with tag, in a tagged switch)
// evaluating to pol means errVar is nil.
func (s *state) errNil(errVar *types.Var, cond, tag ast.Expr, pol bool) bool {
	if tag != nil {
		return pol && jwtapi.IsNil(s.info, cond) && jwtapi.IsVarExpr(s.info, tag, errVar)
	}
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || be.Op != token.EQL && be.Op != token.NEQ {
		return false
	}
	x, y := be.X, be.Y
	if jwtapi.IsNil(s.info, x) {
		x, y = y, x
	}
	return jwtapi.IsVarExpr(s.info, x, errVar) && jwtapi.IsNil(s.info, y) && (be.Op == token.EQL) == pol
}
