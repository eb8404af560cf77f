package unverified

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// verifiedBefore reports whether the token string of st was already
// verified earlier in the same function by a verification whose failure
// leaves the function: `if _, err := jws.Verify(raw, …); err != nil {
// return … }`, or the call assigned and followed at once by such a check.
// Reading the claims of bytes whose signature has just been checked is
// safe whatever call decodes them.
func (s *state) verifiedBefore(st *jwtapi.VerifyEvent) bool {
	if st.Token == nil {
		return false
	}
	var child ast.Node = st.Expr
	for p := s.ix.Parent(child); p != nil; child, p = p, s.ix.Parent(p) {
		switch b := p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			if s.gatedBefore(st, b.List, child, false) {
				return true
			}
		case *ast.CaseClause:
			if s.gatedBefore(st, b.Body, child, true) {
				return true
			}
		case *ast.CommClause:
			if s.gatedBefore(st, b.Body, child, true) {
				return true
			}
		}
	}
	return false
}

// gatedBefore looks at the statements of list before child for a gating
// verification of st's token.
func (s *state) gatedBefore(st *jwtapi.VerifyEvent, list []ast.Stmt, child ast.Node, inClause bool) bool {
	for i, stmt := range list {
		if stmt == child {
			return false
		}
		switch x := stmt.(type) {
		case *ast.IfStmt:
			if as, ok := x.Init.(*ast.AssignStmt); ok && s.verifiesToken(st, as) {
				if errVar := s.lastVar(as); errVar != nil && s.failsOut(x, errVar, inClause) {
					return true
				}
			}
		case *ast.AssignStmt:
			if !s.verifiesToken(st, x) || i+1 >= len(list) {
				continue
			}
			next, ok := list[i+1].(*ast.IfStmt)
			if !ok || next.Init != nil {
				continue
			}
			if errVar := s.lastVar(x); errVar != nil && s.failsOut(next, errVar, inClause) {
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
	a := s.verifyArg(call)
	return a != nil && s.ix.SameTokenString(a, st.Token, nil)
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

// failsOut reports whether ifs is `if err != nil { … }` on errVar with a
// body that leaves.
func (s *state) failsOut(ifs *ast.IfStmt, errVar *types.Var, inClause bool) bool {
	cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ {
		return false
	}
	x, y := cond.X, cond.Y
	if isNil(s.info, x) {
		x, y = y, x
	}
	return jwtapi.IsVarExpr(s.info, x, errVar) && isNil(s.info, y) && terminates(s.info, ifs.Body.List, inClause)
}
