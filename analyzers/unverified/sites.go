package unverified

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// site is one call whose result carries a token or claims: a modelled
// parse or decode, or a call to a wrapper of one.
type site struct {
	call       *ast.CallExpr
	fn         *types.Func
	api        string // how messages name the call
	via        string // the library call underneath (the call itself when direct)
	unverified bool   // the call decodes without verifying
	stmt       ast.Stmt
	after      token.Pos // uses and checks count from here on
	encl       ast.Node  // *ast.FuncDecl or *ast.FuncLit
	body       *ast.BlockStmt
	tok        *types.Var   // the token result
	err        *types.Var   // the error result
	errBlank   *ast.Ident   // the blank identifier the error is assigned to
	errDropped bool         // the error result is not kept
	hasErr     bool         // the call returns an error
	claims     []*types.Var // variables holding the claims
	tokenArg   ast.Expr     // the token string (or the decoded token it is a method of)
	// claimsOnError: the parse yields its claims even when it fails, so
	// they must not be used before a check.
	claimsOnError bool
	direct        *jwtapi.Call // the modelled call, for direct sites
}

// collectSites lists every parse, decode and wrapper call of the package.
func (s *state) collectSites() []*site {
	var out []*site
	for _, c := range s.ix.Calls {
		if c.Func.Role != jwtapi.RoleParse && c.Func.Role != jwtapi.RoleParseUnverified && c.Func.Role != jwtapi.RoleVerify {
			continue
		}
		fn, _ := s.info.Uses[jwtapi.CalleeIdent(c.Expr)].(*types.Func)
		if fn == nil {
			continue
		}
		sig, ok := fn.Type().(*types.Signature)
		if !ok {
			continue
		}
		tokIdx, errIdx := -1, -1
		for i := 0; i < sig.Results().Len(); i++ {
			t := sig.Results().At(i).Type()
			if row := s.ix.Model.Type(t); row != nil && row.Role == jwtapi.TypeToken && tokIdx < 0 {
				tokIdx = i
			}
			if isError(t) {
				errIdx = i
			}
		}
		api := apiName(fn)
		st := s.newSite(c.Expr, fn, tokIdx, errIdx, -1, c.Arg(c.Func.Claims), s.tokenExpr(c))
		if st == nil {
			continue
		}
		st.api, st.via, st.direct = api, api, c
		st.unverified = c.Func.Role == jwtapi.RoleParseUnverified
		if skip, _ := s.ix.HasOption(c, jwtapi.OptSkipVerify); skip {
			st.unverified = true // jwx jwt.Parse(raw, jwt.WithVerify(false))
		}
		if s.ix.Unverifying(c) {
			st.unverified = true // jwx v1 jwt.Parse(raw) with no key option
		}
		st.claimsOnError = c.Func.ClaimsOnError
		out = append(out, st)
	}
	for _, sc := range s.calls {
		w := s.wrapperOf(sc.fn)
		if w == nil {
			continue
		}
		tokIdx, claimsIdx := -1, -1
		switch w.Kind {
		case jwtapi.WrapToken:
			tokIdx = w.Result
		default:
			tokIdx = -1
			claimsIdx = w.Result
			if sig, ok := sc.fn.Type().(*types.Signature); ok && w.Result < sig.Results().Len() {
				if row := s.ix.Model.Type(sig.Results().At(w.Result).Type()); row != nil && row.Role == jwtapi.TypeToken {
					tokIdx, claimsIdx = w.Result, -1
				}
			}
		}
		var tokenArg ast.Expr
		if w.TokenArg >= 0 && w.TokenArg < len(sc.call.Args) {
			tokenArg = sc.call.Args[w.TokenArg]
		}
		st := s.newSite(sc.call, sc.fn, tokIdx, w.Err, claimsIdx, nil, tokenArg)
		if st == nil {
			continue
		}
		st.api = apiName(sc.fn)
		st.via = w.API
		if st.via != st.api {
			st.api += " (" + w.API + ")"
		}
		st.unverified = w.Kind == jwtapi.WrapUnverified
		st.claimsOnError = true // verified wrappers only come from such parses
		out = append(out, st)
	}
	return out
}

// tokenExpr returns what identifies the token a modelled call works on:
// its token string argument, or the decoded token it is a method of
// (go-jose's tok.UnsafeClaimsWithoutVerification, tok.Claims).
func (s *state) tokenExpr(c *jwtapi.Call) ast.Expr {
	if a := c.Arg(c.Func.Token); a != nil {
		return a
	}
	return c.Recv()
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

func isError(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// newSite binds the results of call: the token (tokIdx), the error
// (errIdx) and a claims result (claimsIdx), and the claims argument.
func (s *state) newSite(call *ast.CallExpr, fn *types.Func, tokIdx, errIdx, claimsIdx int, claimsArg, tokenArg ast.Expr) *site {
	st := &site{call: call, fn: fn, tokenArg: tokenArg, hasErr: errIdx >= 0}
	st.encl = s.enclosingFunc(call)
	switch e := st.encl.(type) {
	case *ast.FuncDecl:
		st.body = e.Body
	case *ast.FuncLit:
		st.body = e.Body
	}
	if st.body == nil {
		return nil
	}
	var child ast.Node = call
	p := s.parents[child]
	for {
		if pe, ok := p.(*ast.ParenExpr); ok {
			child, p = pe, s.parents[pe]
			continue
		}
		break
	}
	var lhs []ast.Expr
	switch p := p.(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 {
			lhs = p.Lhs
		}
		st.stmt = p
	case *ast.ValueSpec:
		if len(p.Values) == 1 {
			for _, n := range p.Names {
				lhs = append(lhs, n)
			}
		}
		if gd, ok := s.parents[p].(*ast.GenDecl); ok {
			st.stmt, _ = s.parents[gd].(*ast.DeclStmt)
		}
	case *ast.ExprStmt:
		st.stmt = p
		st.errDropped = st.hasErr
	default:
		st.stmt = s.enclosingStmt(call)
	}
	if st.stmt == nil {
		return nil
	}
	st.after = st.stmt.End()
	if sig, ok := fn.Type().(*types.Signature); ok && lhs != nil && len(lhs) != sig.Results().Len() {
		lhs = nil
	}
	for i, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		if id.Name == "_" {
			if i == errIdx {
				st.errBlank, st.errDropped = id, true
			}
			continue
		}
		v := jwtapi.LocalVar(s.info, id)
		if v == nil {
			continue
		}
		switch i {
		case tokIdx:
			st.tok = v
		case errIdx:
			st.err = v
		case claimsIdx:
			st.claims = append(st.claims, v)
		}
	}
	if claimsArg != nil {
		e := ast.Unparen(claimsArg)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		if id, ok := e.(*ast.Ident); ok {
			if v := jwtapi.LocalVar(s.info, id); v != nil && !s.ix.Defs.IsParam(v) {
				st.claims = append(st.claims, v)
			}
		}
	}
	return st
}

func (s *state) enclosingFunc(n ast.Node) ast.Node {
	for p := s.parents[n]; p != nil; p = s.parents[p] {
		switch p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return p
		}
	}
	return nil
}

func (s *state) enclosingStmt(n ast.Node) ast.Stmt {
	for p := s.parents[n]; p != nil; p = s.parents[p] {
		switch p := p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		case ast.Stmt:
			return p
		}
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
func (s *state) claimUses(st *site) []claimUse {
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
		p := s.parents[e]
		switch p := p.(type) {
		case *ast.BinaryExpr:
			if (p.Op == token.EQL || p.Op == token.NEQ) && (isNil(s.info, p.X) || isNil(s.info, p.Y)) {
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
						if !st.unverified && s.guarded(st, p) {
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
					if !st.unverified && s.guarded(st, p) {
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
			if indexOf(p.Args, e) >= 0 && s.isLogCall(p) {
				return
			}
			// The claims destination of another parse (a retry with the
			// previous key into the same value) is written, not read.
			if c := s.ix.CallOf(p); c != nil && c.Arg(c.Func.Claims) == e {
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
		ast.Inspect(st.body, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || id.Pos() <= from || s.info.Uses[id] != v || s.isAssignTarget(id) {
				return true
			}
			if id.Pos() >= st.call.Pos() && id.End() <= st.call.End() {
				return true
			}
			handle(root{id, object}, depth)
			return true
		})
	}
	for _, v := range st.claims {
		visit(v, st.after, true, 0)
	}
	if st.tok != nil {
		ast.Inspect(st.body, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || id.Pos() <= st.after || s.info.Uses[id] != st.tok {
				return true
			}
			switch p := s.parents[id].(type) {
			case *ast.SelectorExpr:
				if p.X == id && s.ix.IsTokenField(p, func(t *jwtapi.Type) string { return t.ClaimsField }) {
					roots = append(roots, root{p, true})
				}
				// Tokens that expose claims through methods (jwx
				// tok.Subject(), cristalhq tok.DecodeClaims(&c)): the
				// call reads them.
				if call, ok := s.parents[p].(*ast.CallExpr); ok && p.X == id && ast.Unparen(call.Fun) == p && s.isClaimsMethod(p) {
					if isError(s.info.TypeOf(call)) {
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
		switch p := s.parents[e].(type) {
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
			tv, ok := s.info.Types[p.Fun]
			if !ok || !tv.IsType() || len(p.Args) != 1 || p.Args[0] != e {
				return e, object
			}
			e = p
		default:
			return e, object
		}
	}
}

// isClaimsMethod reports whether sel selects a method of a modelled token
// that reads its claims.
func (s *state) isClaimsMethod(sel *ast.SelectorExpr) bool {
	selection, ok := s.info.Selections[sel]
	if !ok || selection.Kind() != types.MethodVal {
		return false
	}
	row := s.ix.Model.Type(selection.Recv())
	if row == nil || row.Role != jwtapi.TypeToken {
		return false
	}
	for _, m := range row.ClaimsMethods {
		if m == sel.Sel.Name {
			return true
		}
	}
	return false
}

func (s *state) isAssignTarget(id *ast.Ident) bool {
	if as, ok := s.parents[id].(*ast.AssignStmt); ok {
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

func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

// findWrappers finds, to a fixed point, the package's functions that
// return a parse's token or claims together with its error.
func (s *state) findWrappers() {
	for iter := 0; iter < 6; iter++ {
		changed := false
		for _, st := range s.collectSites() {
			decl, ok := st.encl.(*ast.FuncDecl)
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
func (s *state) wrapperFrom(st *site, decl *ast.FuncDecl, fn *types.Func) *jwtapi.WrapperFact {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	errIdx := -1
	if n := sig.Results().Len(); n > 0 && isError(sig.Results().At(n-1).Type()) {
		errIdx = n - 1
	}
	// return jwt.Parse(raw, keyfunc): the results pass through unchanged.
	if ret, ok := st.stmt.(*ast.ReturnStmt); ok && len(ret.Results) == 1 && ast.Unparen(ret.Results[0]) == st.call && s.enclosingFunc(ret) == decl {
		if tup, ok := s.info.TypeOf(st.call).(*types.Tuple); ok && tup.Len() == sig.Results().Len() {
			for i := 0; i < tup.Len(); i++ {
				if row := s.ix.Model.Type(tup.At(i).Type()); row != nil && row.Role == jwtapi.TypeToken {
					kind := jwtapi.WrapToken
					if st.unverified {
						kind = jwtapi.WrapUnverified
					}
					return &jwtapi.WrapperFact{Kind: kind, Result: i, Err: errIdx, TokenArg: s.paramIndex(decl, st.tokenArg), API: st.via}
				}
			}
		}
		return nil
	}
	for _, u := range s.claimUses(st) {
		if u.ret == nil || s.enclosingFunc(u.ret) != decl || u.idx == errIdx {
			continue
		}
		w := &jwtapi.WrapperFact{Result: u.idx, Err: errIdx, TokenArg: s.paramIndex(decl, st.tokenArg), API: st.via}
		if st.unverified {
			if !u.token && !u.object {
				continue
			}
			w.Kind = jwtapi.WrapUnverified
			if errIdx >= 0 && isNil(s.info, u.ret.Results[errIdx]) {
				w.Err = -1
			}
			return w
		}
		if !st.claimsOnError || s.guarded(st, u.ret) {
			continue
		}
		hasErr := errIdx >= 0 && errIdx < len(u.ret.Results) && !isNil(s.info, u.ret.Results[errIdx])
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

// paramIndex returns the index of the parameter e names (looking through
// string/[]byte conversions), or -1.
func (s *state) paramIndex(decl *ast.FuncDecl, e ast.Expr) int {
	id, ok := s.unconvert(e).(*ast.Ident)
	if !ok || decl.Type.Params == nil {
		return -1
	}
	obj := s.info.Uses[id]
	i := 0
	for _, f := range decl.Type.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, n := range f.Names {
			if obj != nil && s.info.Defs[n] == obj {
				return i
			}
			i++
		}
	}
	return -1
}

// verifyArg returns the token string a call verifies, or nil.
func (s *state) verifyArg(call *ast.CallExpr) ast.Expr {
	arg := func(i int) ast.Expr {
		if i >= 0 && i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	if c := s.ix.CallOf(call); c != nil {
		if c.Func.Role == jwtapi.RoleParse || c.Func.Role == jwtapi.RoleVerify {
			return s.tokenExpr(c)
		}
		// A modelled verifier that takes the token string without being a
		// parse of its own (go-oidc's IDTokenVerifier.Verify) verifies it.
		if c.Func.Role == jwtapi.RoleNone && c.Func.Token >= 0 {
			return c.Arg(c.Func.Token)
		}
		return nil
	}
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if w := s.wrapperOf(fn); w != nil && w.Kind != jwtapi.WrapUnverified {
		return arg(w.TokenArg)
	}
	if i, ok := s.verifiers[fn]; ok {
		return arg(i)
	}
	if fn.Pkg() != s.pass.Pkg {
		var f jwtapi.VerifyFact
		if s.pass.ImportObjectFact(fn, &f) {
			return arg(f.Param)
		}
	}
	return nil
}

// findVerifiers finds the functions that verify a token string they
// receive as a parameter.
func (s *state) findVerifiers() {
	for iter := 0; iter < 6; iter++ {
		changed := false
		for _, sc := range s.calls {
			a := s.verifyArg(sc.call)
			if a == nil {
				continue
			}
			decl, ok := s.enclosingFunc(sc.call).(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, _ := s.info.Defs[decl.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if _, done := s.verifiers[fn]; done {
				continue
			}
			if i := s.paramIndex(decl, a); i >= 0 {
				s.verifiers[fn] = i
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
		if a := s.verifyArg(call); a != nil && s.sameString(a, tokenArg, tok) {
			found = true
			return false
		}
		if s.mayVerify(call) {
			for _, a := range call.Args {
				if s.sameString(a, tokenArg, tok) {
					found = true
					return false
				}
			}
		}
		return true
	})
	return found
}

// mayVerify reports whether call goes to code this analysis cannot see
// into and could verify a token passed to it: an interface method, a
// function value, or a function of another module that carries no facts
// (an OIDC verifier, a JWKS client). Precision first: such a call given
// the decoded token string is taken to verify it.
func (s *state) mayVerify(call *ast.CallExpr) bool {
	if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
		return false
	}
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil {
		_, isBuiltin := typeutil.Callee(s.info, call).(*types.Builtin)
		return !isBuiltin
	}
	if fn.Pkg() == nil || jwtapi.IsStdPath(fn.Pkg().Path()) || s.ix.Model.IsLibrary(fn.Pkg().Path()) {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return true
	}
	return fn.Pkg() != s.pass.Pkg
}

// sameString reports whether a denotes the same token string as b (or the
// Raw field of the decoded token tok).
func (s *state) sameString(a, b ast.Expr, tok *types.Var) bool {
	a, b = s.unconvert(a), s.unconvert(b)
	// The decoded token itself, verified afterwards (cristalhq
	// verifier.Verify(tok) after ParseNoVerify).
	if id, ok := a.(*ast.Ident); ok && tok != nil && s.info.Uses[id] == tok {
		return true
	}
	// The string the decoded token was parsed from (golang-jwt's
	// token.Raw), by the model's RawField column.
	if sel, ok := a.(*ast.SelectorExpr); ok && tok != nil {
		if tt := s.ix.Model.Type(tok.Type()); tt != nil && tt.RawField != "" && sel.Sel.Name == tt.RawField {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && s.info.Uses[id] == tok {
				return true
			}
		}
	}
	if s.sameExpr(a, b) {
		return true
	}
	// A local copy (tokenString := raw) holds the same string.
	if ca, cb := s.copyOf(a), s.copyOf(b); (ca != a || cb != b) && s.sameExpr(ca, cb) {
		return true
	}
	// A token object decoded from a string (go-jose ParseSigned) stands
	// for that string: peeking at one decode and verifying another decode
	// of the same raw string is decode-then-verify.
	ra, rb := s.rawOf(a), s.rawOf(b)
	if ra == a && rb == b {
		return false
	}
	return s.sameExpr(s.unconvert(ra), s.unconvert(rb))
}

// unconvert strips parentheses and string/[]byte conversions: []byte(raw)
// and string(raw) carry the same token as raw.
func (s *state) unconvert(e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if tv, ok := s.info.Types[call.Fun]; !ok || !tv.IsType() {
			return e
		}
		to, from := s.info.TypeOf(call), s.info.TypeOf(call.Args[0])
		if to == nil || from == nil || !(jwtapi.IsStringType(to) || jwtapi.IsByteSliceType(to)) || !(jwtapi.IsStringType(from) || jwtapi.IsByteSliceType(from)) {
			return e
		}
		e = call.Args[0]
	}
}

func (s *state) sameExpr(a, b ast.Expr) bool {
	ia, okA := a.(*ast.Ident)
	ib, okB := b.(*ast.Ident)
	if okA && okB {
		oa, ob := s.info.Uses[ia], s.info.Uses[ib]
		return oa != nil && oa == ob
	}
	return types.ExprString(a) == types.ExprString(b)
}

// copyOf follows a local variable whose only definition copies another
// variable (tokenString := raw, perhaps through a string/[]byte
// conversion) back to that variable; otherwise it returns e.
func (s *state) copyOf(e ast.Expr) ast.Expr {
	for range 4 {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return e
		}
		v, ok := s.info.Uses[id].(*types.Var)
		if !ok || s.ix.Defs.IsParam(v) {
			return e
		}
		defs, ok := s.ix.Defs.Of(v)
		if !ok || len(defs) != 1 || defs[0].Index >= 0 || defs[0].Expr == nil {
			return e
		}
		src, ok := s.unconvert(defs[0].Expr).(*ast.Ident)
		if !ok {
			return e
		}
		if _, ok := s.info.Uses[src].(*types.Var); !ok {
			return e
		}
		e = src
	}
	return e
}

// rawOf returns the token string a decoded token variable was decoded
// from, when its only definition is a modelled decode call; otherwise e.
func (s *state) rawOf(e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return e
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok {
		return e
	}
	defs, ok := s.ix.Defs.Of(v)
	if !ok || len(defs) != 1 || defs[0].Index > 0 {
		return e
	}
	c := s.ix.CallOf(defs[0].Expr)
	if c == nil || c.Func.Role != jwtapi.RoleDecode {
		return e
	}
	if raw := c.Arg(c.Func.Token); raw != nil {
		return ast.Unparen(raw)
	}
	return e
}

// isLogCall reports whether call logs or formats an error: the log and
// log/slog packages (functions and logger methods) and fmt.Errorf. Claims
// passed there are shown, not trusted.
func (s *state) isLogCall(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
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
