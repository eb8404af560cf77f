package unverified

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// collectSites lists the verify events of the package whose results are
// bound in a function body: modelled parses and decodes, and calls to
// wrappers of one.
func (s *state) collectSites() []*jwtapi.VerifyEvent {
	var out []*jwtapi.VerifyEvent
	for _, ev := range s.ix.VerifyEvents() {
		if ev.Bound() {
			out = append(out, ev)
		}
	}
	for _, sc := range s.ix.StaticCalls() {
		w := s.wrapperOf(sc.Fn)
		if w == nil {
			continue
		}
		if ev := s.ix.WrapperEvent(sc.Call, sc.Fn, w); ev != nil && ev.Bound() {
			out = append(out, ev)
		}
	}
	return out
}

// wrapperOf returns the wrapper fact of fn, local or imported.
func (s *state) wrapperOf(fn *types.Func) *jwtapi.WrapperFact {
	if w := s.wrappers[fn]; w != nil {
		return w
	}
	if fn.Pkg() == s.pass.Pkg {
		return nil
	}
	var w jwtapi.WrapperFact
	if s.pass.ImportObjectFact(fn, &w) {
		return &w
	}
	return nil
}

// claimUse is one place where a site's claims (or token) are used.
type claimUse struct {
	node  ast.Node // the using expression, or the return statement
	ret   *ast.ReturnStmt
	idx   int  // result index in ret
	token bool // the token itself is returned
	// object: the claims value itself (not a value read from it) is
	// returned.
	object bool
}

// claimUses lists the uses of a site's claims after the site, following
// local variables the claims (or values read from them) are copied into.
func (s *state) claimUses(st *jwtapi.VerifyEvent) []claimUse {
	var out []claimUse
	type root struct {
		expr   ast.Expr
		object bool
	}
	seen := map[*types.Var]bool{}
	var visit func(v *types.Var, from token.Pos, object bool, depth int)
	var roots []root
	handle := func(r root, depth int) {
		e, object := s.extend(r.expr, r.object)
		p := s.ix.Parent(e)
		switch p := p.(type) {
		case *ast.BinaryExpr:
			if (p.Op == token.EQL || p.Op == token.NEQ) && (jwtapi.IsNil(s.info, p.X) || jwtapi.IsNil(s.info, p.Y)) {
				return
			}
		case *ast.AssignStmt:
			if i := indexOf(p.Rhs, e); i >= 0 {
				var l ast.Expr
				if len(p.Lhs) == len(p.Rhs) {
					l = p.Lhs[i]
				} else if len(p.Rhs) == 1 {
					l = p.Lhs[0]
				}
				if id, ok := ast.Unparen(l).(*ast.Ident); ok {
					if id.Name == "_" {
						return
					}
					if v := jwtapi.LocalVar(s.info, id); v != nil && depth < 6 {
						// A copy made after a successful parse holds
						// verified claims wherever it is used.
						if !st.Unverified && s.guarded(st, p) {
							return
						}
						visit(v, p.End(), object, depth+1)
						return
					}
				}
			}
		case *ast.ValueSpec:
			if i := indexOf(p.Values, e); i >= 0 {
				n := p.Names[0]
				if len(p.Names) == len(p.Values) {
					n = p.Names[i]
				}
				if n.Name == "_" {
					return
				}
				if v := jwtapi.LocalVar(s.info, n); v != nil && depth < 6 {
					if !st.Unverified && s.guarded(st, p) {
						return
					}
					visit(v, p.End(), object, depth+1)
					return
				}
			}
		case *ast.ReturnStmt:
			if i := indexOf(p.Results, e); i >= 0 {
				out = append(out, claimUse{node: p, ret: p, idx: i, object: object})
				return
			}
		case *ast.CallExpr:
			if indexOf(p.Args, e) >= 0 && s.ix.IsLogCall(p) {
				return
			}
			// Checking the registered claims (exp, iat, aud) of a peeked
			// token decides nothing on their strength.
			if c := s.ix.CallOf(p); c != nil && c.IsClaimsValidation() && indexOf(p.Args, e) >= 0 {
				return
			}
			// The claims destination of another parse (a retry with the
			// previous key into the same value) is written, not read.
			if s.ix.ClaimsArgOf(p) == e {
				return
			}
		}
		out = append(out, claimUse{node: e})
	}
	visit = func(v *types.Var, from token.Pos, object bool, depth int) {
		if seen[v] {
			return
		}
		seen[v] = true
		ast.Inspect(st.Body, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || id.Pos() <= from || s.info.Uses[id] != v || s.isAssignTarget(id) {
				return true
			}
			if id.Pos() >= st.Expr.Pos() && id.End() <= st.Expr.End() {
				return true
			}
			handle(root{id, object}, depth)
			return true
		})
	}
	for _, v := range st.ClaimsVars {
		visit(v, st.After, true, 0)
	}
	if st.TokenVar != nil {
		ast.Inspect(st.Body, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || id.Pos() <= st.After || s.info.Uses[id] != st.TokenVar {
				return true
			}
			switch p := s.ix.Parent(id).(type) {
			case *ast.SelectorExpr:
				if p.X == id && s.ix.IsTokenField(p, func(t *jwtapi.Type) string { return t.ClaimsField }) {
					roots = append(roots, root{p, true})
				}
				// Tokens that expose claims through methods (jwx
				// tok.Subject(), cristalhq tok.DecodeClaims(&c)): the
				// call reads them.
				if call, ok := s.ix.Parent(p).(*ast.CallExpr); ok && p.X == id && ast.Unparen(call.Fun) == p && s.ix.IsClaimsMethod(p) {
					if jwtapi.IsErrorType(s.info.TypeOf(call)) {
						// Claims(&dest): the claims go to dest, the
						// result is only the decoding error.
						out = append(out, claimUse{node: call})
					} else {
						roots = append(roots, root{call, false})
					}
				}
			case *ast.ReturnStmt:
				if i := indexOf(p.Results, id); i >= 0 {
					out = append(out, claimUse{node: p, ret: p, idx: i, token: true})
				}
			}
			return true
		})
	}
	for _, r := range roots {
		handle(r, 0)
	}
	return out
}

// extend widens a claims expression over reads from it (fields, index,
// type assertions, conversions); object stays true while the value is the
// claims value itself.
func (s *state) extend(e ast.Expr, object bool) (ast.Expr, bool) {
	for {
		switch p := s.ix.Parent(e).(type) {
		case *ast.ParenExpr:
			e = p
		case *ast.StarExpr:
			e = p
		case *ast.UnaryExpr:
			if p.Op != token.AND {
				return e, object
			}
			e = p
		case *ast.TypeAssertExpr:
			if p.X != e {
				return e, object
			}
			e = p
		case *ast.SelectorExpr:
			sel, ok := s.info.Selections[p]
			if p.X != e || !ok || sel.Kind() != types.FieldVal {
				return e, object
			}
			e, object = p, false
		case *ast.IndexExpr:
			if p.X != e {
				return e, object
			}
			e, object = p, false
		case *ast.CallExpr:
			if x := jwtapi.ConversionOf(s.info, p); x == nil || x != e {
				return e, object
			}
			e = p
		default:
			return e, object
		}
	}
}

func (s *state) isAssignTarget(id *ast.Ident) bool {
	if as, ok := s.ix.Parent(id).(*ast.AssignStmt); ok {
		return indexOf(as.Lhs, id) >= 0
	}
	return false
}

func indexOf(list []ast.Expr, e ast.Expr) int {
	for i, x := range list {
		if x == e {
			return i
		}
	}
	return -1
}

// findWrappers finds, to a fixed point, the package's functions that
// return a parse's token or claims together with its error.
func (s *state) findWrappers() {
	for iter := 0; iter < 6; iter++ {
		changed := false
		for _, st := range s.collectSites() {
			decl, ok := st.Encl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, _ := s.info.Defs[decl.Name].(*types.Func)
			if fn == nil || s.wrappers[fn] != nil {
				continue
			}
			if w := s.wrapperFrom(st, decl, fn); w != nil {
				s.wrappers[fn] = w
				changed = true
			}
		}
		if !changed {
			break
		}
	}
}

// wrapperFrom decides whether fn, which holds site st, hands the site's
// token or claims to its callers together with the parse error.
func (s *state) wrapperFrom(st *jwtapi.VerifyEvent, decl *ast.FuncDecl, fn *types.Func) *jwtapi.WrapperFact {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	errIdx := -1
	if n := sig.Results().Len(); n > 0 && jwtapi.IsErrorType(sig.Results().At(n-1).Type()) {
		errIdx = n - 1
	}
	// return jwt.Parse(raw, keyfunc): the results pass through unchanged.
	if ret, ok := st.Stmt.(*ast.ReturnStmt); ok && len(ret.Results) == 1 && ast.Unparen(ret.Results[0]) == st.Expr && s.ix.EnclosingFunc(ret) == decl {
		if tup, ok := s.info.TypeOf(st.Expr).(*types.Tuple); ok && tup.Len() == sig.Results().Len() {
			for i := 0; i < tup.Len(); i++ {
				if s.ix.IsTokenType(tup.At(i).Type()) {
					kind := jwtapi.WrapToken
					if st.Unverified {
						kind = jwtapi.WrapUnverified
					}
					return &jwtapi.WrapperFact{Kind: kind, Result: i, Err: errIdx, TokenArg: s.ix.ParamIndex(decl, st.Token), API: st.Via}
				}
			}
		}
		return nil
	}
	for _, u := range s.claimUses(st) {
		if u.ret == nil || s.ix.EnclosingFunc(u.ret) != decl || u.idx == errIdx {
			continue
		}
		w := &jwtapi.WrapperFact{Result: u.idx, Err: errIdx, TokenArg: s.ix.ParamIndex(decl, st.Token), API: st.Via}
		if st.Unverified {
			if !u.token && !u.object {
				continue
			}
			if s.verifiedAfter(s.outerBody(st.Expr), st.Expr.End(), st.Token, st.TokenVar) || s.verifiedBefore(st) {
				// Peek, then verify the same token before returning its
				// claims: the function is a verifier, not a decoder.
				return nil
			}
			w.Kind = jwtapi.WrapUnverified
			if errIdx >= 0 && jwtapi.IsNil(s.info, u.ret.Results[errIdx]) {
				w.Err = -1
			}
			return w
		}
		if !st.ClaimsOnError || s.guarded(st, u.ret) {
			continue
		}
		hasErr := errIdx >= 0 && errIdx < len(u.ret.Results) && !jwtapi.IsNil(s.info, u.ret.Results[errIdx])
		switch {
		case u.token:
			w.Kind = jwtapi.WrapToken
			if !hasErr {
				w.Err = -1
			}
			return w
		case hasErr:
			w.Kind = jwtapi.WrapClaims
			return w
		}
	}
	return nil
}

// verifyArg returns the token string a call verifies, or nil.
func (s *state) verifyArg(call *ast.CallExpr) ast.Expr {
	if tok, modelled := s.ix.VerifiedToken(call); modelled {
		return tok
	}
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if w := s.wrapperOf(fn); w != nil && w.Kind != jwtapi.WrapUnverified {
		return w.TokenOf(call)
	}
	if f := s.verifiers[fn]; f != nil {
		return f.TokenOf(call)
	}
	if fn.Pkg() != s.pass.Pkg {
		var f jwtapi.VerifyFact
		if s.pass.ImportObjectFact(fn, &f) {
			return f.TokenOf(call)
		}
	}
	return nil
}

// findVerifiers finds the functions that verify a token string they
// receive as a parameter.
func (s *state) findVerifiers() {
	for iter := 0; iter < 6; iter++ {
		changed := false
		for _, sc := range s.ix.StaticCalls() {
			a := s.verifyArg(sc.Call)
			if a == nil {
				continue
			}
			decl, ok := s.ix.EnclosingFunc(sc.Call).(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, _ := s.info.Defs[decl.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if s.verifiers[fn] != nil {
				continue
			}
			if i := s.ix.ParamIndex(decl, a); i >= 0 {
				s.verifiers[fn] = &jwtapi.VerifyFact{Param: i}
				changed = true
			}
		}
		if !changed {
			break
		}
	}
}

// verifiedAfter reports whether the same token string as tokenArg is
// verified by a call after pos inside body.
func (s *state) verifiedAfter(body *ast.BlockStmt, pos token.Pos, tokenArg ast.Expr, tok *types.Var) bool {
	if tokenArg == nil || body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok {
			return !found
		}
		// A verification that encloses the decode (jwt.Parse(raw,
		// keyFor(issuerOf(raw)))) runs after it too.
		if call.End() <= pos {
			return true
		}
		if a := s.verifyArg(call); a != nil && s.ix.SameTokenString(a, tokenArg, tok) {
			found = true
			return false
		}
		if s.ix.MayVerify(call) {
			for _, a := range call.Args {
				if s.ix.SameTokenString(a, tokenArg, tok) {
					found = true
					return false
				}
			}
		}
		return true
	})
	return found
}
