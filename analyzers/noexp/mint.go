package noexp

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// checkMint reports a token minted (NewWithClaims, or New with claims set
// afterwards) and signed in the same function whose claims never get an
// expiry.
func (c *checker) checkMint(call *jwtapi.Call) {
	di := c.declAt(call.Expr.Pos())
	if di == nil {
		return
	}
	var claims result
	if call.Func.Claims >= 0 {
		arg := call.Arg(call.Func.Claims)
		if arg == nil {
			return
		}
		claims = c.status(arg, nil, 0)
	} else {
		// A token made without claims starts with empty claims; whatever
		// it carries is set through token.Claims below.
		claims = result{st: stNo}
	}
	if claims.st != stNo {
		return
	}
	signed, later := c.tokenFlow(di, call)
	if !signed {
		return
	}
	r := join(claims, later)
	if r.st != stNo {
		return
	}
	name := c.callName(call.Expr)
	d := analysis.Diagnostic{
		Pos:     call.Expr.Pos(),
		End:     call.Expr.End(),
		Message: name + " mints a token whose claims never get an exp claim, so it never expires: add an expiry, e.g. 15 minutes from now",
	}
	if len(r.targets) == 1 {
		if fix, ok := c.expiryFix(r.targets[0]); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	c.report(d)
}

// tokenFlow follows the token a mint call returns through the function:
// whether it is signed there, and what its later claims writes
// (token.Claims = …, token.Claims.(jwt.MapClaims)["exp"] = …) do. A token
// that leaves the function, or is not signed in it, is not followed.
func (c *checker) tokenFlow(di *declIndex, call *jwtapi.Call) (signed bool, later result) {
	var tok *types.Var
	switch p := di.up(call.Expr).(type) {
	case *ast.SelectorExpr: // jwt.NewWithClaims(…).SignedString(key)
		return c.isSignCall(di, p) && !c.discarded(di, p), result{st: stNo}
	case *ast.AssignStmt:
		if len(p.Lhs) != len(p.Rhs) {
			return false, resUnknown
		}
		for i, r := range p.Rhs {
			if ast.Unparen(r) == call.Expr {
				if id, ok := ast.Unparen(p.Lhs[i]).(*ast.Ident); ok {
					tok = c.varOf(id)
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) != len(p.Values) {
			return false, resUnknown
		}
		for i, v := range p.Values {
			if ast.Unparen(v) == call.Expr {
				tok = c.varOf(p.Names[i])
			}
		}
	}
	if tok == nil || !c.isLocal(tok) {
		return false, resUnknown
	}
	tokRow := c.ix.Model.Type(tok.Type())
	if tokRow == nil || tokRow.Role != jwtapi.TypeToken {
		return false, resUnknown
	}
	// Where tok is given a minted token, in source order: a sign call
	// belongs to the last one before it (a draft re-minted with exp
	// before signing is that later token).
	var mints []token.Pos
	for _, id := range di.idents[tok] {
		if as, ok := di.up(id).(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, l := range as.Lhs {
				if ast.Unparen(l) == id && c.ix.CallOf(as.Rhs[i]) != nil {
					mints = append(mints, ast.Unparen(as.Rhs[i]).Pos())
				}
			}
		}
	}
	mintedBefore := func(pos token.Pos) token.Pos {
		last := token.NoPos
		for _, m := range mints {
			if m < pos && m > last {
				last = m
			}
		}
		return last
	}
	var rs []result
	for _, id := range di.idents[tok] {
		switch p := di.up(id).(type) {
		case *ast.AssignStmt:
			if !c.tokenDef(p, id) {
				return false, resUnknown
			}
		case *ast.ValueSpec:
			if !c.tokenSpec(p, id) {
				return false, resUnknown
			}
		case *ast.SelectorExpr:
			if ast.Unparen(p.X) != id {
				return false, resUnknown
			}
			s := c.info.Selections[p]
			if s == nil {
				return false, resUnknown
			}
			if s.Kind() != types.FieldVal {
				if c.isSignCall(di, p) {
					// A draft signed and thrown away (a key probe before the
					// real token) issues nothing.
					if m := mintedBefore(p.Pos()); m.IsValid() && m != call.Expr.Pos() {
						continue // signs a later token
					}
					signed = signed || !c.discarded(di, p)
					continue
				}
				if fn, ok := s.Obj().(*types.Func); ok && fn.Pkg() != nil && c.ix.Model.IsLibrary(fn.Pkg().Path()) {
					continue // SigningString and other library methods
				}
				return false, resUnknown
			}
			if p.Sel.Name != tokRow.ClaimsField {
				continue // Header, Method: not the claims
			}
			r := c.claimsFieldUse(di, p)
			if r.st != stNo {
				return signed, r
			}
			rs = append(rs, r)
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(c.info, p).(*types.Func); ok && readsOnly(fn) {
				continue // logged or printed
			}
			return false, resUnknown
		default:
			// Passed on, returned, stored or captured by address: the
			// claims may get an expiry out of sight.
			return false, resUnknown
		}
	}
	return signed, join(rs...)
}

func (c *checker) varOf(id *ast.Ident) *types.Var {
	if v, ok := c.info.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := c.info.Uses[id].(*types.Var)
	return v
}

// isSignCall reports whether sel (x.SignedString) is the callee of a
// modelled call that signs its receiver token.
func (c *checker) isSignCall(di *declIndex, sel *ast.SelectorExpr) bool {
	call, ok := di.up(sel).(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != sel {
		return false
	}
	mc := c.ix.CallOf(call)
	return mc != nil && mc.Func.Role == jwtapi.RoleSign && mc.Func.TokenFromRecv
}

// discarded reports whether the string a sign call (its callee sel)
// returns is dropped: not assigned, assigned to _, or kept in a local
// read only by _ = s.
func (c *checker) discarded(di *declIndex, sel *ast.SelectorExpr) bool {
	call, ok := di.up(sel).(*ast.CallExpr)
	if !ok {
		return false
	}
	var lhs ast.Expr
	switch p := di.up(call).(type) {
	case *ast.ExprStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || len(p.Lhs) == 0 {
			return false
		}
		lhs = p.Lhs[0]
	default:
		return false
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return false
	}
	if id.Name == "_" {
		return true
	}
	v := c.varOf(id)
	if v == nil || !c.isLocal(v) {
		return false
	}
	for _, use := range di.idents[v] {
		if use == id {
			continue
		}
		as, ok := di.up(use).(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != use {
			return false
		}
		if l, ok := as.Lhs[0].(*ast.Ident); !ok || l.Name != "_" {
			return false
		}
	}
	return true
}

// tokenDef reports whether an assignment that writes the token variable
// id assigns it a freshly minted token (or declares it empty).
func (c *checker) tokenDef(as *ast.AssignStmt, id *ast.Ident) bool {
	if len(as.Lhs) != len(as.Rhs) {
		return false
	}
	for i, l := range as.Lhs {
		if ast.Unparen(l) == id {
			return c.isMint(as.Rhs[i])
		}
	}
	return false // on the right: copied elsewhere
}

func (c *checker) tokenSpec(vs *ast.ValueSpec, id *ast.Ident) bool {
	for i, n := range vs.Names {
		if n != id {
			continue
		}
		switch {
		case len(vs.Values) == 0:
			return true
		case len(vs.Values) == len(vs.Names):
			return c.isMint(vs.Values[i])
		}
		return false
	}
	return false
}

func (c *checker) isMint(e ast.Expr) bool {
	if c.isZero(e) {
		return true
	}
	mc := c.ix.CallOf(e)
	return mc != nil && mc.Func.Role == jwtapi.RoleNewToken
}

// claimsFieldUse reads one use of token.Claims.
func (c *checker) claimsFieldUse(di *declIndex, sel *ast.SelectorExpr) result {
	switch p := di.up(sel).(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) != len(p.Rhs) {
			return resUnknown
		}
		for i, l := range p.Lhs {
			if ast.Unparen(l) == sel {
				if p.Tok != token.ASSIGN {
					return resUnknown
				}
				return c.status(p.Rhs[i], nil, 0)
			}
		}
		return resUnknown // claims := token.Claims: an alias we do not follow
	case *ast.TypeAssertExpr:
		return c.assertUse(di, p)
	case *ast.SelectorExpr:
		// token.Claims.Valid(), token.Claims.GetExpirationTime(): reads.
		if s := c.info.Selections[p]; s != nil && s.Kind() == types.MethodVal {
			return result{st: stNo}
		}
	}
	return resUnknown
}

// assertUse reads token.Claims.(T): an alias of the token's claims when T
// is a map or pointer, a copy otherwise.
func (c *checker) assertUse(di *declIndex, ta *ast.TypeAssertExpr) result {
	if ta.Type == nil {
		return resUnknown
	}
	sh := c.shapeOf(c.info.TypeOf(ta.Type), 0)
	if sh.kind == shapeUnknown {
		return resUnknown
	}
	var alias *types.Var
	switch p := di.up(ta).(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && ast.Unparen(p.Rhs[0]) == ta && len(p.Lhs) >= 1 {
			if id, ok := ast.Unparen(p.Lhs[0]).(*ast.Ident); ok {
				alias = c.varOf(id)
			}
		}
		if alias == nil {
			return resUnknown
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && ast.Unparen(p.Values[0]) == ta && len(p.Names) >= 1 {
			alias = c.varOf(p.Names[0])
		}
		if alias == nil {
			return resUnknown
		}
	}
	if alias == nil {
		// Used in place: token.Claims.(jwt.MapClaims)["exp"] = …
		eff := c.useEffect(di, ta, sh)
		switch {
		case eff.st != stNo:
			return result{st: eff.st}
		case eff.def != nil || eff.zero:
			return resUnknown
		}
		return result{st: stNo}
	}
	if !c.isLocal(alias) {
		return resUnknown
	}
	for _, id := range di.idents[alias] {
		eff := c.useEffect(di, id, sh)
		switch {
		case eff.st != stNo:
			return result{st: eff.st}
		case eff.def != nil && ast.Unparen(eff.def) != ast.Expr(ta):
			return resUnknown // the alias is reassigned: another value
		case eff.zero:
			return resUnknown
		}
	}
	return result{st: stNo}
}
