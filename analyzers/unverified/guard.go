package unverified

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// A use of the claims is guarded when, on every path to it, the parse is
// known to have succeeded: err == nil or token.Valid holds. The check runs
// on the control-flow graph (go/cfg) of the function that holds the parse,
// built only for such functions: the use must not be reachable from the
// parse without taking a branch whose condition proves success. A use in a
// function literal is guarded as well when the literal checks first.

// guarded reports whether n, a use of st's claims, runs only after a
// successful parse.
func (s *state) guarded(st *jwtapi.VerifyEvent, n ast.Node) bool {
	// Any condition on a path from the parse counts, one before it in the
	// source too: reached through a loop, it tests this parse's result.
	blocked := func(cond, tag ast.Expr, pol bool) bool {
		return s.caseProves(st, tag, cond, pol)
	}
	cur := n
	for depth := 0; depth < 8; depth++ {
		encl := s.ix.EnclosingFunc(cur)
		if encl == nil || encl.Pos() < st.Body.Pos() && encl != st.Encl {
			return false
		}
		if s.shortCircuited(st, cur, encl) {
			return true
		}
		var body *ast.BlockStmt
		switch f := encl.(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		}
		if body == nil {
			return false
		}
		f := s.flowOf(body)
		to, ok := s.locate(f, cur)
		if !ok {
			return false
		}
		if encl == st.Encl {
			from, ok := s.locate(f, st.Expr)
			return ok && !s.reachable(f, &from, to, nil, blocked)
		}
		// A literal that checks the error before the use.
		if !s.reachable(f, nil, to, nil, blocked) {
			return true
		}
		cur = encl
	}
	return false
}

// shortCircuited reports whether n sits in the right operand of && or ||
// whose left operand, after the parse, proves success when the right one
// is evaluated.
func (s *state) shortCircuited(st *jwtapi.VerifyEvent, n, encl ast.Node) bool {
	child := n
	for p := s.ix.Parent(child); p != nil && p != encl; child, p = p, s.ix.Parent(p) {
		be, ok := p.(*ast.BinaryExpr)
		if !ok || child != be.Y || be.X.Pos() <= st.After {
			continue
		}
		if be.Op == token.LAND && s.proves(st, be.X, true, 0) || be.Op == token.LOR && s.proves(st, be.X, false, 0) {
			return true
		}
	}
	return false
}

// caseProves handles one case expression: a condition in a tagless switch,
// or tag == e.
func (s *state) caseProves(st *jwtapi.VerifyEvent, tag, e ast.Expr, pol bool) bool {
	if tag == nil {
		return s.proves(st, e, pol, 0)
	}
	if pol && jwtapi.IsNil(s.info, e) && jwtapi.IsVarExpr(s.info, tag, st.ErrVar) {
		return true
	}
	return false
}

// proves reports whether cond evaluating to pol implies that the parse
// succeeded.
func (s *state) proves(st *jwtapi.VerifyEvent, cond ast.Expr, pol bool, depth int) bool {
	if cond == nil || depth > 6 {
		return false
	}
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return s.proves(st, e.X, !pol, depth+1)
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			if pol {
				return s.proves(st, e.X, true, depth+1) || s.proves(st, e.Y, true, depth+1)
			}
			return s.proves(st, e.X, false, depth+1) && s.proves(st, e.Y, false, depth+1)
		case token.LOR:
			if pol {
				return s.proves(st, e.X, true, depth+1) && s.proves(st, e.Y, true, depth+1)
			}
			return s.proves(st, e.X, false, depth+1) || s.proves(st, e.Y, false, depth+1)
		case token.EQL, token.NEQ:
			eq := (e.Op == token.EQL) == pol
			if jwtapi.IsVarExpr(s.info, e.X, st.ErrVar) && jwtapi.IsNil(s.info, e.Y) || jwtapi.IsVarExpr(s.info, e.Y, st.ErrVar) && jwtapi.IsNil(s.info, e.X) {
				return eq
			}
			if s.isTokenValid(st, e.X) && jwtapi.IsConstTrue(s.info, e.Y) {
				return eq
			}
			return s.bitsProve(e, pol)
		case token.GTR:
			return s.bitsProve(&ast.BinaryExpr{X: e.X, Op: token.NEQ, Y: e.Y}, pol)
		}
	case *ast.SelectorExpr:
		return pol && s.isTokenValid(st, e)
	case *ast.Ident:
		// A boolean computed once from the parse: ok := err == nil.
		v, ok := s.info.Uses[e].(*types.Var)
		if !ok || jwtapi.LocalVar(s.info, e) == nil {
			return false
		}
		defs, ok := s.ix.Defs.Of(v)
		if !ok || len(defs) != 1 || defs[0].Index >= 0 || defs[0].Expr == nil || defs[0].Expr.Pos() <= st.After {
			return false
		}
		return s.proves(st, defs[0].Expr, pol, depth+1)
	case *ast.CallExpr:
		return s.callProves(st, e, pol)
	}
	return false
}

// callProves handles a call in a condition: errors.Is against a modelled
// sentinel proves success when the library reports that sentinel only for
// verified tokens; a helper of the user's that receives the error or the
// token is taken to check it (precision first).
func (s *state) callProves(st *jwtapi.VerifyEvent, call *ast.CallExpr, pol bool) bool {
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if fn.Pkg().Path() == "errors" {
		err, target, ok := jwtapi.ErrorsIs(s.info, call)
		if !ok || !pol || !jwtapi.IsVarExpr(s.info, err, st.ErrVar) {
			return false
		}
		v := s.ix.ErrorSentinel(target)
		return v != nil && v.ClaimsOnly && v.AfterSignature
	}
	if jwtapi.IsStdPath(fn.Pkg().Path()) || s.ix.Model.IsLibrary(fn.Pkg().Path()) {
		return false
	}
	for _, a := range call.Args {
		if jwtapi.IsVarExpr(s.info, a, st.ErrVar) || st.TokenVar != nil && jwtapi.IsVarExpr(s.info, a, st.TokenVar) {
			return true
		}
	}
	return false
}

// bitsProve handles comparisons of a ValidationError's bits with sentinel
// constants: ve.Errors == X (only X is set) or ve.Errors&X != 0 (X is
// among the bits). holds is whether the comparison as written is true.
func (s *state) bitsProve(e *ast.BinaryExpr, holds bool) bool {
	equal := (e.Op == token.EQL) == holds
	x, y := ast.Unparen(e.X), ast.Unparen(e.Y)
	if !s.ix.IsValidationBits(x) {
		x, y = y, x
	}
	if s.ix.IsValidationBits(x) {
		// ve.Errors == X: exactly the claims bits in X, so the signature
		// verified.
		if !equal {
			return false
		}
		vars := s.sentinelBits(y)
		for _, v := range vars {
			if !v.ClaimsOnly {
				return false
			}
		}
		return len(vars) > 0
	}
	// ve.Errors&X != 0: one of the bits of X is set.
	and, ok := ast.Unparen(e.X).(*ast.BinaryExpr)
	other := e.Y
	if !ok || and.Op != token.AND {
		and, ok = ast.Unparen(e.Y).(*ast.BinaryExpr)
		other = e.X
	}
	if !ok || and.Op != token.AND || !jwtapi.IsConstZero(s.info, other) || equal {
		return false
	}
	mask := and.Y
	if !s.ix.IsValidationBits(ast.Unparen(and.X)) {
		if !s.ix.IsValidationBits(ast.Unparen(and.Y)) {
			return false
		}
		mask = and.X
	}
	vars := s.sentinelBits(mask)
	for _, v := range vars {
		if !v.ClaimsOnly || !v.AfterSignature {
			return false
		}
	}
	return len(vars) > 0
}

// sentinelBits returns the sentinel constants OR-ed together in e, or nil
// when e holds anything else.
func (s *state) sentinelBits(e ast.Expr) []*jwtapi.Var {
	e = ast.Unparen(e)
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.OR {
		l, r := s.sentinelBits(b.X), s.sentinelBits(b.Y)
		if l == nil || r == nil {
			return nil
		}
		return append(l, r...)
	}
	if v := s.ix.ErrorSentinel(e); v != nil {
		return []*jwtapi.Var{v}
	}
	return nil
}

// isTokenValid reports whether e is tok.Valid for the site's token.
func (s *state) isTokenValid(st *jwtapi.VerifyEvent, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || st.TokenVar == nil || !jwtapi.IsVarExpr(s.info, sel.X, st.TokenVar) {
		return false
	}
	return s.ix.IsTokenField(sel, func(t *jwtapi.Type) string { return t.ValidField })
}
