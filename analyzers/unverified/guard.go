package unverified

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// A use of the claims is guarded when, on every path to it, the parse is
// known to have succeeded: err == nil or token.Valid holds. The check is a
// dominance test over the statement lists of the function: the use sits in
// the branch of a condition that proves success, or after a statement whose
// every path that falls through proves it (if err != nil { return }).
// Conditions and statements only count when they come after the parse.

// guarded reports whether n, a use of st's claims, runs only after a
// successful parse.
func (s *state) guarded(st *jwtapi.VerifyEvent, n ast.Node) bool {
	child := n
	for p := s.ix.Parent(child); p != nil; child, p = p, s.ix.Parent(p) {
		switch p := p.(type) {
		case *ast.IfStmt:
			if p.Cond != nil && p.Cond.Pos() > st.After {
				if child == p.Body && s.proves(st, p.Cond, true, 0) {
					return true
				}
				if child == p.Else && s.proves(st, p.Cond, false, 0) {
					return true
				}
			}
		case *ast.BinaryExpr:
			if child == p.Y && p.X.Pos() > st.After {
				if p.Op == token.LAND && s.proves(st, p.X, true, 0) || p.Op == token.LOR && s.proves(st, p.X, false, 0) {
					return true
				}
			}
		case *ast.BlockStmt:
			if cc, ok := child.(*ast.CaseClause); ok {
				if sw, ok := s.ix.Parent(p).(*ast.SwitchStmt); ok && s.clauseProves(st, sw, cc) {
					return true
				}
				continue
			}
			if s.precededByProof(st, p.List, child) {
				return true
			}
		case *ast.CaseClause:
			if s.precededByProof(st, p.Body, child) {
				return true
			}
		case *ast.CommClause:
			if s.precededByProof(st, p.Body, child) {
				return true
			}
		case *ast.FuncDecl:
			return false
		}
		if p == st.Body {
			return false
		}
	}
	return false
}

// precededByProof reports whether a statement of list before child, and
// after the site, establishes success on every path that falls through it.
func (s *state) precededByProof(st *jwtapi.VerifyEvent, list []ast.Stmt, child ast.Node) bool {
	for _, stmt := range list {
		if stmt == child {
			return false
		}
		if s.afterSite(st, stmt) && s.establishes(st, stmt, 0) {
			return true
		}
		if stmt.Pos() <= st.Stmt.Pos() && st.Stmt.End() <= stmt.End() && s.establishedWithin(st, stmt) {
			return true
		}
	}
	return false
}

// establishedWithin reports whether, inside outer, which contains the
// site, every path from the site to the end of outer proves success: a
// statement after the site in one of the lists between the two does.
// (token, err = jwt.Parse(s, oldKey); if err != nil { return } nested in
// a fallback branch.)
func (s *state) establishedWithin(st *jwtapi.VerifyEvent, outer ast.Stmt) bool {
	var child ast.Node = st.Stmt
	for p := s.ix.Parent(child); p != nil && child != outer; child, p = p, s.ix.Parent(p) {
		var list []ast.Stmt
		switch p := p.(type) {
		case *ast.BlockStmt:
			list = p.List
		case *ast.CaseClause:
			list = p.Body
		case *ast.CommClause:
			list = p.Body
		case *ast.IfStmt:
			if child == p.Init && s.establishes(st, p, 0) {
				return true
			}
			continue
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit, *ast.FuncDecl:
			// A loop may end without reaching the rest of its body; a
			// closure runs elsewhere.
			return false
		default:
			continue
		}
		seen := false
		for _, stmt := range list {
			if stmt == child {
				seen = true
				continue
			}
			if seen && s.establishes(st, stmt, 0) {
				return true
			}
		}
	}
	return false
}

// afterSite reports whether stmt runs after the site: it starts after it,
// or it is the if or switch whose init statement is the site.
func (s *state) afterSite(st *jwtapi.VerifyEvent, stmt ast.Stmt) bool {
	if stmt.Pos() > st.After {
		return true
	}
	switch x := stmt.(type) {
	case *ast.IfStmt:
		return x.Init != nil && x.Init == st.Stmt
	case *ast.SwitchStmt:
		return x.Init != nil && x.Init == st.Stmt
	}
	return false
}

// establishes reports whether every path that completes stmt normally
// proves success.
func (s *state) establishes(st *jwtapi.VerifyEvent, stmt ast.Stmt, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := stmt.(type) {
	case *ast.IfStmt:
		thenOK := terminates(s.info, x.Body.List, false) || s.proves(st, x.Cond, true, 0) || s.listEstablishes(st, x.Body.List, depth)
		if !thenOK {
			return false
		}
		switch e := x.Else.(type) {
		case nil:
			return s.proves(st, x.Cond, false, 0)
		case *ast.BlockStmt:
			return terminates(s.info, e.List, false) || s.proves(st, x.Cond, false, 0) || s.listEstablishes(st, e.List, depth)
		case *ast.IfStmt:
			return s.proves(st, x.Cond, false, 0) || s.establishes(st, e, depth+1)
		}
	case *ast.SwitchStmt:
		if x.Body == nil {
			return false
		}
		hasDefault := false
		for _, c := range x.Body.List {
			cc, ok := c.(*ast.CaseClause)
			if !ok {
				return false
			}
			if cc.List == nil {
				hasDefault = true
			}
			if !(terminates(s.info, cc.Body, true) || s.clauseProves(st, x, cc) || s.listEstablishes(st, cc.Body, depth)) {
				return false
			}
		}
		if !hasDefault {
			// The path that matches no case: every case expression is false.
			return s.noCaseProves(st, x, nil)
		}
		return true
	case *ast.BlockStmt:
		return s.listEstablishes(st, x.List, depth)
	case *ast.LabeledStmt:
		return s.establishes(st, x.Stmt, depth+1)
	}
	return false
}

func (s *state) listEstablishes(st *jwtapi.VerifyEvent, list []ast.Stmt, depth int) bool {
	for _, stmt := range list {
		if s.afterSite(st, stmt) && s.establishes(st, stmt, depth+1) {
			return true
		}
	}
	return false
}

// clauseProves reports whether reaching the body of case clause cc of sw
// proves success: its own expressions hold, or the earlier ones fail.
func (s *state) clauseProves(st *jwtapi.VerifyEvent, sw *ast.SwitchStmt, cc *ast.CaseClause) bool {
	if sw.Body == nil || sw.Body.Lbrace <= st.After {
		return false
	}
	if cc.List != nil {
		all := true
		for _, e := range cc.List {
			if !s.caseProves(st, sw.Tag, e, true) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return s.noCaseProves(st, sw, cc)
}

// noCaseProves reports whether the failure of some case expression listed
// before clause stop (every clause when stop is nil) proves success.
func (s *state) noCaseProves(st *jwtapi.VerifyEvent, sw *ast.SwitchStmt, stop *ast.CaseClause) bool {
	if sw.Body == nil || sw.Body.Lbrace <= st.After {
		return false
	}
	for _, c := range sw.Body.List {
		cc, ok := c.(*ast.CaseClause)
		if !ok || cc == stop {
			break
		}
		for _, e := range cc.List {
			if s.caseProves(st, sw.Tag, e, false) {
				return true
			}
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
	if pol && isNil(s.info, e) && jwtapi.IsVarExpr(s.info, tag, st.ErrVar) {
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
			if jwtapi.IsVarExpr(s.info, e.X, st.ErrVar) && isNil(s.info, e.Y) || jwtapi.IsVarExpr(s.info, e.Y, st.ErrVar) && isNil(s.info, e.X) {
				return eq
			}
			if s.isTokenValid(st, e.X) && isTrue(s.info, e.Y) {
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
	if !ok || and.Op != token.AND || !isZero(s.info, other) || equal {
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

func isTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	return constant.Sign(tv.Value) == 0
}

// terminates reports whether a statement list never completes normally:
// it ends in return, panic, a fatal log or exit, goto, continue, or (outside
// a switch clause, whose break only leaves the switch) break.
func terminates(info *types.Info, list []ast.Stmt, inClause bool) bool {
	if len(list) == 0 {
		return false
	}
	return stmtTerminates(info, list[len(list)-1], inClause)
}

func stmtTerminates(info *types.Info, stmt ast.Stmt, inClause bool) bool {
	switch x := stmt.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		switch x.Tok {
		case token.GOTO, token.CONTINUE:
			return true
		case token.BREAK:
			return x.Label != nil || !inClause
		}
	case *ast.ExprStmt:
		call, ok := ast.Unparen(x.X).(*ast.CallExpr)
		return ok && noReturn(info, call)
	case *ast.BlockStmt:
		return terminates(info, x.List, inClause)
	case *ast.IfStmt:
		if x.Else == nil {
			return false
		}
		return terminates(info, x.Body.List, inClause) && stmtTerminates(info, x.Else, inClause)
	case *ast.LabeledStmt:
		return stmtTerminates(info, x.Stmt, inClause)
	}
	return false
}

// noReturn reports whether call never returns: the panic builtin, and
// by name the Fatal, Panic, Exit and Goexit functions and methods of
// loggers, os and runtime, and testing's FailNow and Skip families. Taking
// an unknown Fatal for one that exits can only hide a finding.
func noReturn(info *types.Info, call *ast.CallExpr) bool {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		b, ok := info.Uses[f].(*types.Builtin)
		return ok && b.Name() == "panic"
	case *ast.SelectorExpr:
		switch f.Sel.Name {
		case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "Exit", "Goexit", "FailNow", "Skip", "Skipf", "SkipNow":
			return true
		}
	}
	return false
}
