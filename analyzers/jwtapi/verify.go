package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"
)

// VerifyKind says what a verify event does with a token.
type VerifyKind uint8

const (
	// VerifyParse parses a token string and verifies its signature
	// (golang-jwt Parse), unless its options switch verification off.
	VerifyParse VerifyKind = iota + 1
	// VerifyUnverified decodes a token and yields its claims without
	// verifying (ParseUnverified, go-jose UnsafeClaimsWithoutVerification).
	VerifyUnverified
	// VerifyDecoded verifies a token decoded earlier, its receiver, and
	// yields its claims (go-jose (*JSONWebToken).Claims).
	VerifyDecoded
	// VerifyWrapper is a call to a program function that returns a parse's
	// token or claims with its error (a WrapperFact).
	VerifyWrapper
)

// VerifyEvent is one parse, verification or decode that yields a token or
// its claims: a modelled call, or a call to a wrapper of one. It holds what
// the rules read of it (the token, the keyfunc and key, the results) and,
// when the call's results are bound in a function body, the variables they
// are bound to.
type VerifyEvent struct {
	ix   *Index
	Kind VerifyKind
	// Call is the modelled call; nil for a call to a wrapper.
	Call *Call
	// Wrapper is the fact of the wrapper called, for VerifyWrapper.
	Wrapper *WrapperFact
	Expr    *ast.CallExpr
	Fn      *types.Func
	API     string // how messages name the call
	Via     string // the library call underneath (the call itself when direct)
	// Unverified: the call yields claims no signature check vouches for
	// (a decode, a parse whose options switch verification off or give it
	// no key, a wrapper of one).
	Unverified bool
	// ClaimsOnError: the call yields its claims even when it fails, so
	// they must not be used before a check.
	ClaimsOnError bool
	// Token is the token string, or the decoded token the call is a method
	// of; nil when not visible.
	Token     ast.Expr
	Keyfunc   ast.Expr // the keyfunc argument, or nil
	Key       ast.Expr // the key argument, or nil
	ClaimsArg ast.Expr // the claims destination argument, or nil
	// Result indexes: the token, the error and a claims result; -1 when
	// absent.
	TokenResult, ErrResult, ClaimsResult int

	// The binding of the results, set when the call sits in a function
	// body (see Bound).
	Encl       ast.Node // *ast.FuncDecl or *ast.FuncLit
	Body       *ast.BlockStmt
	Stmt       ast.Stmt  // the statement that holds the call
	After      token.Pos // uses and checks of the results count from here on
	TokenVar   *types.Var
	ErrVar     *types.Var
	ErrBlank   *ast.Ident // the blank identifier the error is assigned to
	ErrDropped bool       // the error result is not kept
	ClaimsVars []*types.Var
}

// HasErr reports whether the call returns an error.
func (ev *VerifyEvent) HasErr() bool { return ev.ErrResult >= 0 }

// Bound reports whether the call sits in a statement of a function body,
// so that the uses of its results can be followed.
func (ev *VerifyEvent) Bound() bool { return ev.Body != nil && ev.Stmt != nil }

// VerifyEvents returns the package's modelled parse, verify and decode
// calls that yield a token or claims, in source order.
func (ix *Index) VerifyEvents() []*VerifyEvent {
	ix.buildEvents()
	return ix.verify.events
}

// VerifyEventOf returns the modelled verify event of call, or nil.
func (ix *Index) VerifyEventOf(call *ast.CallExpr) *VerifyEvent {
	ix.buildEvents()
	return ix.verify.eventOf[call]
}

func (ix *Index) buildEvents() {
	ix.verify.eventsOnce.Do(func() {
		ix.verify.eventOf = make(map[*ast.CallExpr]*VerifyEvent)
		for _, c := range ix.Calls {
			if ev := ix.newVerifyEvent(c); ev != nil {
				ix.verify.events = append(ix.verify.events, ev)
				ix.verify.eventOf[c.Expr] = ev
			}
		}
	})
}

func (ix *Index) newVerifyEvent(c *Call) *VerifyEvent {
	var kind VerifyKind
	switch c.Func.Role {
	case RoleParse:
		kind = VerifyParse
	case RoleParseUnverified:
		kind = VerifyUnverified
	case RoleVerify:
		kind = VerifyDecoded
	default:
		return nil
	}
	fn, _ := ix.Info.Uses[CalleeIdent(c.Expr)].(*types.Func)
	if fn == nil {
		return nil
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	ev := &VerifyEvent{ix: ix, Kind: kind, Call: c, Expr: c.Expr, Fn: fn,
		Keyfunc: c.Arg(c.Func.Keyfunc), Key: c.Arg(c.Func.Key), ClaimsArg: c.Arg(c.Func.Claims),
		TokenResult: -1, ErrResult: -1, ClaimsResult: -1, ClaimsOnError: c.Func.ClaimsOnError}
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		if ix.IsTokenType(t) && ev.TokenResult < 0 {
			ev.TokenResult = i
		}
		if IsErrorType(t) {
			ev.ErrResult = i
		}
	}
	ev.Token = c.Arg(c.Func.Token)
	if ev.Token == nil {
		// go-jose's tok.UnsafeClaimsWithoutVerification, tok.Claims: the
		// decoded token it is a method of.
		ev.Token = c.Recv()
	}
	ev.API = APINameOf(fn)
	ev.Via = ev.API
	ev.Unverified = kind == VerifyUnverified
	if skip, _ := ix.HasOption(c, OptSkipVerify); skip {
		ev.Unverified = true // jwx jwt.Parse(raw, jwt.WithVerify(false))
	}
	if ix.Unverifying(c) {
		ev.Unverified = true // jwx v1 jwt.Parse(raw) with no key option
	}
	ix.bind(ev, sig)
	return ev
}

// WrapperEvent returns the verify event of a call to fn, a function the
// wrapper fact w describes.
func (ix *Index) WrapperEvent(call *ast.CallExpr, fn *types.Func, w *WrapperFact) *VerifyEvent {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	ev := &VerifyEvent{ix: ix, Kind: VerifyWrapper, Wrapper: w, Expr: call, Fn: fn,
		TokenResult: -1, ErrResult: w.Err, ClaimsResult: -1, Token: w.TokenOf(call),
		Unverified: w.Kind == WrapUnverified,
		// Verified wrappers only come from such parses.
		ClaimsOnError: true,
	}
	if w.Kind == WrapToken || w.Result < sig.Results().Len() && ix.IsTokenType(sig.Results().At(w.Result).Type()) {
		ev.TokenResult = w.Result
	} else {
		ev.ClaimsResult = w.Result
	}
	ev.API = APINameOf(fn)
	ev.Via = w.API
	if ev.Via != ev.API {
		ev.API += " (" + w.API + ")"
	}
	ix.bind(ev, sig)
	return ev
}

// TokenOf returns the token string argument of a call to the wrapper, or
// nil.
func (w *WrapperFact) TokenOf(call *ast.CallExpr) ast.Expr { return ArgAt(call, w.TokenArg) }

// TokenOf returns the token string argument of a call to the verifier.
func (f *VerifyFact) TokenOf(call *ast.CallExpr) ast.Expr { return ArgAt(call, f.Param) }

// ArgAt returns argument i of a call, or nil when i is absent.
func ArgAt(call *ast.CallExpr, i int) ast.Expr {
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}

// bind finds the statement that holds the event's call and the variables
// its token, error and claims results (and its claims argument) are bound
// to.
func (ix *Index) bind(ev *VerifyEvent, sig *types.Signature) {
	ev.Encl = ix.EnclosingFunc(ev.Expr)
	ev.Body = FuncBody(ev.Encl)
	if ev.Body == nil {
		return
	}
	var child ast.Node = ev.Expr
	p := ix.Parent(child)
	for {
		if pe, ok := p.(*ast.ParenExpr); ok {
			child, p = pe, ix.Parent(pe)
			continue
		}
		break
	}
	var lhs []ast.Expr
	var stmt ast.Stmt
	switch p := p.(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 {
			lhs = p.Lhs
		}
		stmt = p
	case *ast.ValueSpec:
		if len(p.Values) == 1 {
			for _, n := range p.Names {
				lhs = append(lhs, n)
			}
		}
		if gd, ok := ix.Parent(p).(*ast.GenDecl); ok {
			stmt, _ = ix.Parent(gd).(*ast.DeclStmt)
		}
	case *ast.ExprStmt:
		stmt = p
		ev.ErrDropped = ev.HasErr()
	default:
		stmt = ix.EnclosingStmt(ev.Expr)
	}
	if stmt == nil {
		return
	}
	ev.Stmt = stmt
	ev.After = stmt.End()
	if lhs != nil && len(lhs) != sig.Results().Len() {
		lhs = nil
	}
	for i, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		if id.Name == "_" {
			if i == ev.ErrResult {
				ev.ErrBlank, ev.ErrDropped = id, true
			}
			continue
		}
		v := LocalVar(ix.Info, id)
		if v == nil {
			continue
		}
		switch i {
		case ev.TokenResult:
			ev.TokenVar = v
		case ev.ErrResult:
			ev.ErrVar = v
		case ev.ClaimsResult:
			ev.ClaimsVars = append(ev.ClaimsVars, v)
		}
	}
	if ev.ClaimsArg != nil {
		e := ast.Unparen(ev.ClaimsArg)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		if id, ok := e.(*ast.Ident); ok {
			if v := LocalVar(ix.Info, id); v != nil && !ix.Defs.IsParam(v) {
				ev.ClaimsVars = append(ev.ClaimsVars, v)
			}
		}
	}
}

// ClaimsArgOf returns the claims argument of a modelled call (a parse's
// destination, a token's claims), or nil.
func (ix *Index) ClaimsArgOf(call *ast.CallExpr) ast.Expr {
	if c := ix.calls[call]; c != nil {
		return c.Arg(c.Func.Claims)
	}
	return nil
}

// VerifiedToken returns the token string a modelled call verifies: that
// of a verifying parse or verification, or the token string a modelled
// verifier takes without being a parse of its own (go-oidc's
// IDTokenVerifier.Verify); nil otherwise. modelled reports whether call is
// a modelled call at all.
func (ix *Index) VerifiedToken(call *ast.CallExpr) (tok ast.Expr, modelled bool) {
	c := ix.calls[call]
	if c == nil {
		return nil, false
	}
	switch c.Func.Role {
	case RoleParse, RoleVerify:
		if a := c.Arg(c.Func.Token); a != nil {
			return a, true
		}
		return c.Recv(), true
	case RoleNone:
		return c.Arg(c.Func.Token), true
	}
	return nil, true
}

// DecodeOf returns the decode call (go-jose ParseSigned, kataras Decode)
// that e is, or that the local variable e names holds by its only
// definition; nil otherwise.
func (ix *Index) DecodeOf(e ast.Expr) *Call {
	if e == nil {
		return nil
	}
	if c := ix.CallOf(e); c != nil && c.Func.Role == RoleDecode {
		return c
	}
	return ix.decodeVar(e)
}

func (ix *Index) decodeVar(e ast.Expr) *Call {
	// tok := jose.ParseSigned(raw) or tok, err := jose.ParseSigned(raw, algs)
	if d, ok := ix.soleDef(ix.identVar(e)); ok && d.Index <= 0 {
		if c := ix.CallOf(d.Expr); c != nil && c.Func.Role == RoleDecode {
			return c
		}
	}
	return nil
}

// DecodedString returns the token string a decoded token variable was
// decoded from, when its only definition is a decode call; otherwise e.
func (ix *Index) DecodedString(e ast.Expr) ast.Expr {
	if c := ix.decodeVar(e); c != nil {
		if raw := c.Arg(c.Func.Token); raw != nil {
			return ast.Unparen(raw)
		}
	}
	return e
}

// IsClaimsMethod reports whether sel selects a method of a modelled token
// that reads its claims.
func (ix *Index) IsClaimsMethod(sel *ast.SelectorExpr) bool {
	selection, ok := ix.Info.Selections[sel]
	if !ok || selection.Kind() != types.MethodVal {
		return false
	}
	row := ix.Model.Type(selection.Recv())
	if row == nil || row.Role != TypeToken {
		return false
	}
	for _, m := range row.ClaimsMethods {
		if m == sel.Sel.Name {
			return true
		}
	}
	return false
}

// IsErrorType reports whether t is the predeclared error type.
func IsErrorType(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// APINameOf names a function for messages: jwt.Parse,
// (*jwt.Parser).Parse. It reads the function's own signature, so it
// names functions the model has no row for (a verifier's helper, a
// callee seen through a fact) and writes a pointer receiver only when
// the method has one; APIName names a modelled call by its row.
func APINameOf(fn *types.Func) string {
	if fn == nil {
		return "the call"
	}
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Name() + "."
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		ptr := ""
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t, ptr = p.Elem(), "*"
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return "(" + ptr + pkg + n.Obj().Name() + ")." + fn.Name()
		}
	}
	return pkg + fn.Name()
}
