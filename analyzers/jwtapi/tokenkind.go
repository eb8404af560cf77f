package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Token kinds a key signs or verifies.
const (
	KindAccess  = "access"
	KindRefresh = "refresh"
	KindID      = "id"
	KindReset   = "reset"
	KindVerify  = "verification"
	KindInvite  = "invitation"
	KindMagic   = "magic-link"
)

var kindTokens = map[string]string{
	KindAccess:  "access tokens",
	KindRefresh: "refresh tokens",
	KindID:      "ID tokens",
	KindReset:   "password-reset tokens",
	KindVerify:  "verification tokens",
	KindInvite:  "invitation tokens",
	KindMagic:   "magic-link tokens",
}

// KindTokens names the tokens of a kind for messages: "refresh tokens".
func KindTokens(kind string) string { return kindTokens[kind] }

// KindLabel names a kind for people: "access", "refresh", "ID",
// "password-reset", …; "" for an unknown kind.
func KindLabel(kind string) string {
	if kind == KindID {
		return "ID"
	}
	if _, ok := kindTokens[kind]; ok {
		return kind
	}
	return ""
}

// kindsIn returns the token kinds the words name.
func kindsIn(ws []string) map[string]bool {
	out := map[string]bool{}
	for i, w := range ws {
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		switch w {
		case "refresh":
			out[KindRefresh] = true
		case "access":
			if next != "key" {
				out[KindAccess] = true
			}
		case "id":
			if next == "token" || next == "tokens" || next == "claims" {
				out[KindID] = true
			}
		case "idtoken":
			out[KindID] = true
		case "reset":
			// resetToken, passwordReset; not a function that resets
			// something else.
			if HasWord(ws, "password", "pwd", "passwd") || next == "token" || next == "link" || next == "claims" {
				out[KindReset] = true
			}
		case "verification", "confirmation", "activation":
			// Nouns only: VerifyToken verifies any token.
			out[KindVerify] = true
		case "invite", "invitation":
			out[KindInvite] = true
		case "magic":
			out[KindMagic] = true
		}
	}
	return out
}

// KindOf returns the one token kind the words name, or "" when they name
// none or several (ambiguous).
func KindOf(ws []string) (kind string, ambiguous bool) {
	ks := kindsIn(ws)
	if len(ks) > 1 {
		return "", true
	}
	for k := range ks {
		return k, false
	}
	return "", false
}

// kindFromLevels returns the kind the first level with a kind word names,
// or "" when that level names several.
func kindFromLevels(levels [][]string) string {
	for _, l := range levels {
		k, ambiguous := KindOf(l)
		if ambiguous {
			return ""
		}
		if k != "" {
			return k
		}
	}
	return ""
}

// TokenEvidence is what a key event says about the tokens it handles:
// their kind, and the constant audience and issuer a signing call puts in
// its claims ("" when unknown). Audience and issuer are claim values, not
// secrets.
type TokenEvidence struct{ Kind, Aud, Iss string }

// TokenKinds reads the kind of token (access, refresh, ID, …) a key event
// serves, from a type claim, the names of the token, claims and result
// variables, the claims type and the enclosing function. The key
// inventory and the rules read kinds here, so that they never disagree.
type TokenKinds struct {
	ix  *Index
	ins *inspector.Inspector
}

// TokenKinds returns the token-kind reader of the package.
func (ix *Index) TokenKinds() *TokenKinds {
	if ix == nil || ix.Info == nil {
		return nil
	}
	return &TokenKinds{ix: ix, ins: ix.Inspector()}
}

// SinkSite returns the node a key sink is an event of: the call a key
// option is passed to, the signing or verifying call, the config literal,
// the keyfunc.
func SinkSite(s *KeySink) ast.Node {
	switch {
	case s.Call != nil:
		if s.Call.Outer != nil {
			return s.Call.Outer.Expr
		}
		return s.Call.Expr
	case s.Lit != nil:
		return s.Lit.Expr
	case s.Keyfunc != nil:
		return s.Keyfunc.Node
	}
	return nil
}

// Sink returns the kind of token a key sink signs or verifies, or "".
func (k *TokenKinds) Sink(s *KeySink) string { return k.SinkEvidence(s).Kind }

// SinkEvidence returns what a key sink says of its tokens. A key option
// (jwx WithKey) tells its kind where the call it is passed to is.
func (k *TokenKinds) SinkEvidence(s *KeySink) TokenEvidence {
	if k == nil || s == nil {
		return TokenEvidence{}
	}
	if s.Keyfunc != nil && s.Call == nil && s.Lit == nil {
		return TokenEvidence{Kind: k.Keyfunc(s.Keyfunc)}
	}
	cur, ok := k.ins.Root().FindNode(SinkSite(s))
	if !ok {
		return TokenEvidence{}
	}
	return k.SinkEvidenceAt(cur, s)
}

// SinkEvidenceAt is SinkEvidence for a caller that holds the cursor of
// the sink's site (SinkSite).
func (k *TokenKinds) SinkEvidenceAt(cur inspector.Cursor, s *KeySink) TokenEvidence {
	switch {
	case s.Call != nil:
		at := s.Call
		if at.Outer != nil {
			at = at.Outer
		}
		return k.CallEvidenceAt(cur, at)
	case s.Lit != nil:
		return TokenEvidence{Kind: kindFromLevels(append(k.destNames(cur), k.funcLevels(cur)...))}
	case s.Keyfunc != nil:
		return TokenEvidence{Kind: k.Keyfunc(s.Keyfunc)}
	}
	return TokenEvidence{}
}

// Keyfunc returns the kind of token a keyfunc verifies: its name, or
// where it is stored and the function it is in.
func (k *TokenKinds) Keyfunc(kf *Keyfunc) string {
	if k == nil || kf == nil {
		return ""
	}
	if decl, ok := kf.Node.(*ast.FuncDecl); ok {
		return kindFromLevels([][]string{Words(decl.Name.Name)})
	}
	cur, ok := k.ins.Root().FindNode(kf.Node)
	if !ok {
		return ""
	}
	return kindFromLevels(append(k.destNames(cur), k.funcLevels(cur)...))
}

// Call returns the kind of token a modelled call (a signing call, a parse
// with a keyfunc, a verifier constructor) handles, or "".
func (k *TokenKinds) Call(call *Call) string { return k.CallEvidence(call).Kind }

// CallEvidence returns what a modelled call says of its tokens: for a
// signing call, a type claim, the variable the token is stored in, the
// token and claims variables, the claims type, the enclosing function,
// and a constant audience and issuer; for other calls, where the result
// goes, the token argument, the claims and the function.
func (k *TokenKinds) CallEvidence(call *Call) TokenEvidence {
	if k == nil || call == nil {
		return TokenEvidence{}
	}
	cur, ok := k.ins.Root().FindNode(call.Expr)
	if !ok {
		return TokenEvidence{}
	}
	return k.CallEvidenceAt(cur, call)
}

// CallEvidenceAt is CallEvidence for a caller that holds the cursor of
// the call.
func (k *TokenKinds) CallEvidenceAt(cur inspector.Cursor, call *Call) TokenEvidence {
	if call.Func.Role == RoleSign {
		return k.signEvidence(cur, call)
	}
	levels := [][]string{k.resultNames(cur)}
	if t := call.Arg(call.Func.Token); t != nil {
		if id, ok := ast.Unparen(t).(*ast.Ident); ok {
			levels = append(levels, Words(id.Name))
		}
	}
	ev, claimLevels := k.claimsEvidence(call.Arg(call.Func.Claims), 0)
	if ev.Kind != "" {
		return TokenEvidence{Kind: ev.Kind}
	}
	levels = append(levels, claimLevels...)
	levels = append(levels, k.funcLevels(cur)...)
	return TokenEvidence{Kind: kindFromLevels(levels)}
}

// claimTypeKeys are the claim names that carry a token's kind.
var claimTypeKeys = map[string]bool{
	"typ": true, "type": true, "token_type": true, "tokentype": true, "tokenType": true,
	"token_use": true, "use": true, "kind": true, "tt": true, "tkn_type": true,
}

// claimTypeFields are struct claim fields that carry a token's kind.
var claimTypeFields = map[string]bool{
	"Type": true, "TokenType": true, "Typ": true, "Kind": true, "TokenUse": true, "Use": true, "TokenKind": true,
}

func (k *TokenKinds) signEvidence(cur inspector.Cursor, call *Call) TokenEvidence {
	ix := k.ix
	var claims ast.Expr
	var tokenNames []string
	if call.Func.TokenFromRecv && call.Recv() != nil {
		if id, ok := ast.Unparen(call.Recv()).(*ast.Ident); ok {
			tokenNames = Words(id.Name)
		}
		if nc := ix.TokenMintOf(call); nc != nil {
			claims = nc.Arg(nc.Func.Claims)
		}
	} else if call.Func.Claims >= 0 {
		claims = call.Arg(call.Func.Claims)
	}
	ev, claimNames := k.claimsEvidence(claims, 0)
	if ev.Kind != "" {
		return ev
	}
	levels := [][]string{k.resultNames(cur), tokenNames}
	levels = append(levels, claimNames...)
	levels = append(levels, k.funcLevels(cur)...)
	ev.Kind = kindFromLevels(levels)
	return ev
}

// claimsEvidence reads a claims expression: an explicit type claim (as
// ev.Kind), the names of its variable and type, a constant audience and
// issuer.
func (k *TokenKinds) claimsEvidence(e ast.Expr, depth int) (ev TokenEvidence, levels [][]string) {
	if e == nil || depth > 3 {
		return ev, nil
	}
	info := k.ix.Info
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.Ident:
		levels = append(levels, Words(x.Name))
		if v, ok := info.Uses[x].(*types.Var); ok {
			if defs, ok := k.ix.Defs.Of(v); ok && len(defs) == 1 && defs[0].Expr != nil && defs[0].Index < 0 {
				inner, lv := k.claimsEvidence(defs[0].Expr, depth+1)
				return inner, append(levels, lv...)
			}
		}
	case *ast.CompositeLit:
		if tv, ok := info.Types[x]; ok {
			if n := NamedTypeName(tv.Type); n != "" {
				levels = append(levels, Words(n))
			}
		}
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			var key string
			if id, ok := kv.Key.(*ast.Ident); ok {
				key = id.Name
				if claimTypeFields[key] {
					key = "typ"
				}
			} else if s, ok := ConstString(info, kv.Key); ok {
				key = s
			}
			switch {
			case claimTypeKeys[key]:
				if s, ok := ConstString(info, kv.Value); ok {
					if kd, amb := KindOf(Words(s)); kd != "" && !amb {
						ev.Kind = kd
					}
				}
			case key == "aud" || key == "Audience":
				if s, ok := k.constClaim(kv.Value); ok {
					ev.Aud = s
				}
			case key == "iss" || key == "Issuer":
				if s, ok := k.constClaim(kv.Value); ok {
					ev.Iss = s
				}
			default:
				if _, isLit := ast.Unparen(kv.Value).(*ast.CompositeLit); isLit {
					inner, _ := k.claimsEvidence(kv.Value, depth+1)
					if inner.Kind != "" {
						ev.Kind = inner.Kind
					}
					if inner.Aud != "" {
						ev.Aud = inner.Aud
					}
					if inner.Iss != "" {
						ev.Iss = inner.Iss
					}
				}
			}
		}
	case *ast.CallExpr:
		// newClaims(user, "refresh"): constant arguments and the
		// function's name.
		var argWords []string
		for _, a := range x.Args {
			if s, ok := ConstString(info, a); ok {
				argWords = append(argWords, Words(s)...)
			}
		}
		if kd, amb := KindOf(argWords); kd != "" && !amb {
			return TokenEvidence{Kind: kd}, nil
		}
		if fn, ok := typeutil.Callee(info, x).(*types.Func); ok {
			levels = append(levels, Words(fn.Name()))
		}
	}
	return ev, levels
}

// constClaim returns a constant audience or issuer: a string, or a
// one-element list of one.
func (k *TokenKinds) constClaim(e ast.Expr) (string, bool) {
	if s, ok := ConstString(k.ix.Info, e); ok && s != "" {
		return s, true
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok || len(lit.Elts) != 1 {
		return "", false
	}
	if s, ok := ConstString(k.ix.Info, lit.Elts[0]); ok && s != "" {
		return s, true
	}
	return "", false
}

// Caller returns the kind of token a call of a function that signs or
// verifies for its callers is for: a constant argument ("refresh"), where
// the result goes, the names of the other arguments, the calling
// function. cur is the call; keyArgs are the arguments that pass the key.
func (k *TokenKinds) Caller(cur inspector.Cursor, keyArgs map[int]bool) string {
	call, ok := cur.Node().(*ast.CallExpr)
	if k == nil || !ok {
		return ""
	}
	info := k.ix.Info
	var constWords, argWords []string
	for i, a := range call.Args {
		if keyArgs[i] {
			continue
		}
		if s, ok := ConstString(info, a); ok {
			constWords = append(constWords, Words(s)...)
			continue
		}
		switch x := ast.Unparen(a).(type) {
		case *ast.Ident:
			argWords = append(argWords, Words(x.Name)...)
		case *ast.SelectorExpr:
			argWords = append(argWords, Words(x.Sel.Name)...)
		case *ast.UnaryExpr:
			if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok {
				if tv, ok := info.Types[lit]; ok {
					argWords = append(argWords, Words(NamedTypeName(tv.Type))...)
				}
			}
		}
	}
	if kd, amb := KindOf(constWords); kd != "" && !amb {
		return kd
	}
	levels := [][]string{k.resultNames(cur), argWords}
	levels = append(levels, k.funcLevels(cur)...)
	return kindFromLevels(levels)
}

// --- names of where a value goes ---

// UnwrapValue strips parentheses, conversions and trimming
// (strings.TrimSpace, bytes.TrimSpace) from a value.
func UnwrapValue(info *types.Info, e ast.Expr) ast.Expr {
	for i := 0; i < 8; i++ {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			e = call.Args[0]
			continue
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if _, keeps := KeepsEmpty(fn); keeps {
			e = call.Args[0]
			continue
		}
		return e
	}
	return e
}

// destNames names where the value of the expression at cur goes, one
// word list each (see StoredAt).
func (k *TokenKinds) destNames(cur inspector.Cursor) [][]string {
	var out [][]string
	for _, n := range StoredAt(k.ix.Info, cur) {
		out = append(out, n.Words)
	}
	return out
}

// resultNames names where the result of the call at cur is stored.
func (k *TokenKinds) resultNames(cur inspector.Cursor) []string {
	cur = ClimbValue(k.ix.Info, cur)
	p := cur.Parent()
	switch n := p.Node().(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 && len(n.Lhs) >= 1 && n.Rhs[0] == cur.Node() {
			return LValueName(k.ix.Info, n.Lhs[0]).Words
		}
		for i, r := range n.Rhs {
			if r == cur.Node() && i < len(n.Lhs) {
				return LValueName(k.ix.Info, n.Lhs[i]).Words
			}
		}
	case *ast.ValueSpec:
		if len(n.Names) > 0 {
			return Words(n.Names[0].Name)
		}
	case *ast.KeyValueExpr:
		if id, ok := n.Key.(*ast.Ident); ok {
			return Words(id.Name)
		}
		if s, ok := ConstString(k.ix.Info, n.Key); ok {
			return Words(s)
		}
	case *ast.ReturnStmt:
		if decl, _ := EnclosingFunc(k.ix.Info, p); decl != nil {
			if res := decl.Type.Results; res != nil {
				i := 0
				for _, f := range res.List {
					for _, nm := range f.Names {
						for j, r := range n.Results {
							if r == cur.Node() && j == i {
								return Words(nm.Name)
							}
						}
						i++
					}
				}
			}
		}
	}
	return nil
}

// tokenVerbs make a function name evidence of what it does with tokens.
var tokenVerbs = map[string]bool{
	"generate": true, "gen": true, "create": true, "new": true, "issue": true, "sign": true,
	"make": true, "mint": true, "build": true, "encode": true, "parse": true, "validate": true,
	"verify": true, "check": true, "decode": true, "get": true,
}

// funcLevels returns the enclosing function's name as evidence, when
// the name is about a token and not an HTTP handler's action:
// GenerateRefreshToken, newAccessToken(…) string, ParseRefreshToken.
func (k *TokenKinds) funcLevels(cur inspector.Cursor) [][]string {
	decl, fn := EnclosingFunc(k.ix.Info, cur)
	if decl == nil || fn == nil {
		return nil
	}
	ws := Words(fn.Name())
	sig, _ := fn.Type().(*types.Signature)
	returnsToken := sig != nil && sig.Results().Len() > 0 && StringOrBytes(sig.Results().At(0).Type())
	aboutToken := HasWord(ws, "token", "tokens", "jwt", "claims")
	verb := false
	for _, w := range ws {
		if tokenVerbs[w] {
			verb = true
		}
	}
	if !(returnsToken || (aboutToken && verb)) {
		return nil
	}
	levels := [][]string{ws}
	if sig != nil && sig.Recv() != nil {
		levels = append(levels, Words(NamedTypeName(sig.Recv().Type())))
	}
	return levels
}

// StringOrBytes reports whether t is a string or byte-slice type: a type
// a secret or a token can have.
func StringOrBytes(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && (b.Kind() == types.Byte || b.Kind() == types.Uint8)
	}
	return false
}

// KeyfuncParse is a parse call whose keyfunc argument resolves to a
// keyfunc of this package.
type KeyfuncParse struct {
	Call    *Call
	Keyfunc *Keyfunc
	// Binding is the call of this package that made the keyfunc
	// (keyFuncFor(secret)), or nil.
	Binding *ast.CallExpr
}

// KeyfuncParses lists the parse calls whose keyfunc is known (KeyfuncOf
// of their KeyfuncCalls argument), in source order.
func (ix *Index) KeyfuncParses() []KeyfuncParse {
	var out []KeyfuncParse
	for _, kc := range ix.KeyfuncCalls() {
		if kc.Call.Func.Role != RoleParse {
			continue
		}
		if kf, binding := ix.KeyfuncOf(kc.Keyfunc); kf != nil {
			out = append(out, KeyfuncParse{Call: kc.Call, Keyfunc: kf, Binding: binding})
		}
	}
	return out
}
