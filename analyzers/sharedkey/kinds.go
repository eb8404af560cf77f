package sharedkey

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// keyEvent is one use of a key for tokens of a kind: a signing call, a
// parse with a keyfunc, a middleware config, or a call of a function that
// does one of those.
type keyEvent struct {
	ids    []string // what the key is, by identity
	params []int    // parameters of the enclosing function the key comes from
	// recvIDs are the ids of receiver fields: each receiver value may
	// hold its own key.
	recvIDs []string
	kind    string
	aud     string // "aud:<fingerprint>" of a constant audience, when signing
	iss     string
	pos     token.Pos
	fn      *types.Func // enclosing declared function
	key     string      // the key, named for messages
	api     string
	sign    bool
}

const maxLift = 2

// checkTokenKinds reports one key used for two kinds of token (access and
// refresh, …) or for two audiences or issuers, in this package or across
// packages through KeyUsesFact.
func (c *checker) checkTokenKinds() {
	events := c.ownEvents()
	events = append(events, c.importedSignerEvents()...)
	lifted := events
	for level := 0; level < maxLift; level++ {
		lifted = c.lift(lifted)
		if len(lifted) == 0 {
			break
		}
		events = append(events, lifted...)
	}
	c.exportSigners(events)
	sort.SliceStable(events, func(i, j int) bool { return events[i].pos < events[j].pos })
	done := map[string]bool{}
	for i, e := range events {
		if !e.complete() {
			continue
		}
		for _, prev := range events[:i] {
			if !prev.complete() || prev.pos == e.pos {
				continue
			}
			id, ok := shared(prev.ids, e.ids)
			if !ok {
				continue
			}
			what, ok := conflict(prev.kind, e.kind, prev.aud, e.aud, prev.iss, e.iss, prev.sign && e.sign)
			if !ok || done[id+"|"+what] {
				continue
			}
			done[id+"|"+what] = true
			c.reportConflict(e.pos, e.key, what, use{kind: e.kind, aud: e.aud, iss: e.iss, where: c.at(e.pos), api: e.api}, use{kind: prev.kind, aud: prev.aud, iss: prev.iss, where: c.at(prev.pos), api: prev.api})
			break
		}
	}
	c.crossPackage(events, done)
}

// complete: the event names its key and has evidence of what it is for.
func (e *keyEvent) complete() bool {
	return len(e.ids) > 0 && len(e.params) == 0 && (e.kind != "" || e.aud != "" || e.iss != "")
}

func shared(a, b []string) (string, bool) {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return x, true
			}
		}
	}
	return "", false
}

// conflict says what two uses of one key disagree on.
func conflict(k1, k2, aud1, aud2, iss1, iss2 string, bothSign bool) (string, bool) {
	if k1 != "" && k2 != "" && k1 != k2 {
		pair := []string{k1, k2}
		sort.Strings(pair)
		// OpenID providers sign ID and access tokens with the same
		// published key by design.
		if pair[0] == kindAccess && pair[1] == kindID {
			return "", false
		}
		return "kinds:" + strings.Join(pair, ","), true
	}
	if bothSign && aud1 != "" && aud2 != "" && aud1 != aud2 {
		return "audiences", true
	}
	if bothSign && iss1 != "" && iss2 != "" && iss1 != iss2 {
		return "issuers", true
	}
	return "", false
}

// use describes one side of a conflict for messages.
type use struct {
	kind, aud, iss, where, api string
}

func (u use) label() string {
	switch {
	case u.kind != "":
		return kindLabels[u.kind]
	case u.aud != "":
		return "tokens for one audience"
	case u.iss != "":
		return "tokens of one issuer"
	}
	return "tokens"
}

func (c *checker) reportConflict(pos token.Pos, key, what string, here, there use) {
	if key == "" {
		key = "one key"
	}
	switch what {
	case "audiences", "issuers":
		c.reportKey(what, pos, pos, "jwt key %s signs tokens for two %s, here with %s and at %s: a token meant for one is accepted by the other; give each %s its own secret",
			key, what, here.api, there.where, strings.TrimSuffix(what, "s"))
		return
	}
	c.reportKey(what, pos, pos, "jwt key %s is used for %s by %s and for %s at %s: one kind of token passes for the other; give each token kind its own secret",
		key, here.label(), here.api, there.label(), there.where)
}

// --- events of this package ---

func (c *checker) ownEvents() []*keyEvent {
	var out []*keyEvent
	for _, s := range c.sinks {
		if s.Key == nil || diag_isTest(c, s.Key.Pos()) {
			continue
		}
		switch {
		case s.Call != nil:
			// A key option (jwx WithKey) tells its kind where the call it
			// is passed to is.
			at := s.Call
			if at.Outer != nil {
				at = at.Outer
			}
			cur, ok := c.ins.Root().FindNode(at.Expr)
			if !ok {
				continue
			}
			e := c.newEvent(s.Key, cur)
			e.sign = s.Kind == jwtapi.SinkSign
			e.api = s.API
			if at.Func.Role == jwtapi.RoleSign {
				e.kind, e.aud, e.iss = c.signEvidence(cur, at)
			} else {
				e.kind = c.callSiteKind(cur, at)
			}
			out = append(out, e)
		case s.Lit != nil:
			cur, ok := c.ins.Root().FindNode(s.Lit.Expr)
			if !ok {
				continue
			}
			e := c.newEvent(s.Key, cur)
			e.api = s.API
			e.sign = s.Kind == jwtapi.SinkSign
			names, _, _ := c.destOf(cur, false)
			var levels [][]string
			for _, n := range names {
				levels = append(levels, n.name)
			}
			levels = append(levels, c.funcLevels(cur)...)
			e.kind = kindFromLevels(levels)
			out = append(out, e)
		}
	}
	out = append(out, c.parseEvents()...)
	return out
}

// callSiteKind finds the kind of token a modelled call other than a
// signing call (a verification, a signer or verifier constructor) is for:
// where its result goes, the token argument, its claims, the function.
func (c *checker) callSiteKind(cur inspector.Cursor, call *jwtapi.Call) string {
	levels := [][]string{c.resultNames(cur)}
	if t := call.Arg(call.Func.Token); t != nil {
		if id, ok := ast.Unparen(t).(*ast.Ident); ok {
			levels = append(levels, words(id.Name))
		}
	}
	ex, claimLevels, _, _ := c.claimsEvidence(call.Arg(call.Func.Claims), 0)
	if ex != "" {
		return ex
	}
	levels = append(levels, claimLevels...)
	levels = append(levels, c.funcLevels(cur)...)
	return kindFromLevels(levels)
}

func diag_isTest(c *checker, pos token.Pos) bool {
	return tests.Skip(c.pass.Fset, pos)
}

// newEvent describes the key expression k used at cur.
func (c *checker) newEvent(k ast.Expr, cur inspector.Cursor) *keyEvent {
	e := &keyEvent{pos: cur.Node().Pos()}
	_, e.fn = c.enclosingFunc(cur)
	c.identify(e, k)
	return e
}

// identify fills in what the key is.
func (c *checker) identify(e *keyEvent, k ast.Expr) {
	ids := map[string]bool{}
	o := c.flow.Origin(k)
	if o.Holder != nil && o.Kind != keyflow.Param && c.objID(o.Holder) != "" {
		e.key = c.describeObj(o.Holder)
	}
	switch o.Kind {
	case keyflow.Constant:
		if o.Const.FP != 0 {
			ids[fmt.Sprintf("fp:%x", o.Const.FP)] = true
		}
		if e.key == "" {
			e.key = c.flow.Describe(o)
		}
	case keyflow.Env, keyflow.Fallback:
		if o.Env != "" {
			ids["env:"+o.Env] = true
			if e.key == "" {
				e.key = "from environment variable " + o.Env
			}
		}
	}
	if o.Holder != nil {
		if id := c.objID(o.Holder); id != "" && o.Kind != keyflow.Param {
			ids[id] = true
			if e.key == "" {
				e.key = c.describeObj(o.Holder)
			}
		}
	}
	for _, r := range c.roots(k) {
		switch {
		case r.param >= 0:
			e.params = appendUnique(e.params, r.param)
		case r.weak:
		case r.recv:
			e.recvIDs = append(e.recvIDs, r.id)
			ids[r.id] = true
			if e.key == "" && r.obj != nil {
				e.key = c.describeObj(r.obj)
			}
		default:
			ids[r.id] = true
			if e.key == "" && r.obj != nil {
				e.key = c.describeObj(r.obj)
			}
		}
	}
	for id := range ids {
		e.ids = append(e.ids, id)
	}
	sort.Strings(e.ids)
}

func appendUnique(xs []int, add ...int) []int {
next:
	for _, x := range add {
		for _, y := range xs {
			if y == x {
				continue next
			}
		}
		xs = append(xs, x)
	}
	return xs
}

// describeObj names an object for messages: var jwtSecret, field
// Config.JWTSecret, func secret().
func (c *checker) describeObj(obj types.Object) string {
	switch o := obj.(type) {
	case *types.Func:
		return "from " + qualified(c.pass.Pkg, o) + "()"
	case *types.Var:
		if o.IsField() {
			return "field " + o.Name()
		}
		return "var " + qualified(c.pass.Pkg, o)
	case *types.Const:
		return "const " + qualified(c.pass.Pkg, o)
	}
	return obj.Name()
}

func qualified(here *types.Package, obj types.Object) string {
	if obj.Pkg() != nil && obj.Pkg() != here {
		return obj.Pkg().Name() + "." + obj.Name()
	}
	return obj.Name()
}

// --- evidence of the token kind ---

// claimTypeKeys are the claim names that carry a token's kind.
var claimTypeKeys = map[string]bool{
	"typ": true, "type": true, "token_type": true, "tokentype": true, "tokenType": true,
	"token_use": true, "use": true, "kind": true, "tt": true, "tkn_type": true,
}

// claimTypeFields are struct claim fields that carry a token's kind.
var claimTypeFields = map[string]bool{
	"Type": true, "TokenType": true, "Typ": true, "Kind": true, "TokenUse": true, "Use": true, "TokenKind": true,
}

// kindFromLevels returns the kind the first level with a kind word names,
// or "" when that level names several.
func kindFromLevels(levels [][]string) string {
	for _, l := range levels {
		k, ambiguous := kindOf(l)
		if ambiguous {
			return ""
		}
		if k != "" {
			return k
		}
	}
	return ""
}

// signEvidence looks for the kind of token a signing call signs: a type
// claim, the variable the token is stored in, the token and claims
// variables, the claims type, and the enclosing function.
func (c *checker) signEvidence(cur inspector.Cursor, call *jwtapi.Call) (kind, aud, iss string) {
	var claims ast.Expr
	var tokenNames []string
	if call.Func.TokenFromRecv && call.Recv() != nil {
		recv := ast.Unparen(call.Recv())
		if id, ok := recv.(*ast.Ident); ok {
			tokenNames = words(id.Name)
			if v, ok := c.info.Uses[id].(*types.Var); ok {
				if defs, ok := c.ix.Defs.Of(v); ok && len(defs) == 1 && defs[0].Expr != nil {
					recv = ast.Unparen(defs[0].Expr)
				}
			}
		}
		if nc := c.ix.CallOf(recv); nc != nil && nc.Func.Role == jwtapi.RoleNewToken {
			claims = nc.Arg(nc.Func.Claims)
		}
	} else if call.Func.Claims >= 0 {
		claims = call.Arg(call.Func.Claims)
	}
	explicit, claimNames, aud, iss := c.claimsEvidence(claims, 0)
	if explicit != "" {
		return explicit, aud, iss
	}
	levels := [][]string{c.resultNames(cur), tokenNames}
	levels = append(levels, claimNames...)
	levels = append(levels, c.funcLevels(cur)...)
	return kindFromLevels(levels), aud, iss
}

// claimsEvidence reads a claims expression: an explicit type claim, the
// names of its variable and type, a constant audience and issuer.
func (c *checker) claimsEvidence(e ast.Expr, depth int) (explicit string, levels [][]string, aud, iss string) {
	if e == nil || depth > 3 {
		return "", nil, "", ""
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.Ident:
		levels = append(levels, words(x.Name))
		if v, ok := c.info.Uses[x].(*types.Var); ok {
			if defs, ok := c.ix.Defs.Of(v); ok && len(defs) == 1 && defs[0].Expr != nil && defs[0].Index < 0 {
				ex, lv, a, i := c.claimsEvidence(defs[0].Expr, depth+1)
				return ex, append(levels, lv...), a, i
			}
		}
	case *ast.CompositeLit:
		if tv, ok := c.info.Types[x]; ok {
			if n := typeNameOf(tv.Type); n != "" {
				levels = append(levels, words(n))
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
			} else if s, ok := c.constString(kv.Key); ok {
				key = s
			}
			switch {
			case claimTypeKeys[key]:
				if s, ok := c.constString(kv.Value); ok {
					if k, amb := kindOf(words(s)); k != "" && !amb {
						explicit = k
					}
				}
			case key == "aud" || key == "Audience":
				if fp, ok := c.constClaim(kv.Value); ok {
					aud = fmt.Sprintf("aud:%x", fp)
				}
			case key == "iss" || key == "Issuer":
				if fp, ok := c.constClaim(kv.Value); ok {
					iss = fmt.Sprintf("iss:%x", fp)
				}
			default:
				if _, isLit := ast.Unparen(kv.Value).(*ast.CompositeLit); isLit {
					ex, _, a, i := c.claimsEvidence(kv.Value, depth+1)
					if ex != "" {
						explicit = ex
					}
					if a != "" {
						aud = a
					}
					if i != "" {
						iss = i
					}
				}
			}
		}
	case *ast.CallExpr:
		// newClaims(user, "refresh"): constant arguments and the
		// function's name.
		var argWords []string
		for _, a := range x.Args {
			if s, ok := c.constString(a); ok {
				argWords = append(argWords, words(s)...)
			}
		}
		if k, amb := kindOf(argWords); k != "" && !amb {
			return k, nil, "", ""
		}
		if fn, ok := typeutil.Callee(c.info, x).(*types.Func); ok {
			levels = append(levels, words(fn.Name()))
		}
	}
	return explicit, levels, aud, iss
}

// constClaim fingerprints a constant audience or issuer: a string, or a
// one-element list of one.
func (c *checker) constClaim(e ast.Expr) (uint64, bool) {
	if s, ok := c.constString(e); ok && s != "" {
		return keyflow.Fingerprint(s), true
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok || len(lit.Elts) != 1 {
		return 0, false
	}
	if s, ok := c.constString(lit.Elts[0]); ok && s != "" {
		return keyflow.Fingerprint(s), true
	}
	return 0, false
}

// resultNames names where the result of the call at cur is stored.
func (c *checker) resultNames(cur inspector.Cursor) []string {
	cur = c.climb(cur)
	p := cur.Parent()
	switch n := p.Node().(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 && len(n.Lhs) >= 1 && n.Rhs[0] == cur.Node() {
			nc, _, _ := c.lvalue(n.Lhs[0])
			return nc.name
		}
		for i, r := range n.Rhs {
			if r == cur.Node() && i < len(n.Lhs) {
				nc, _, _ := c.lvalue(n.Lhs[i])
				return nc.name
			}
		}
	case *ast.ValueSpec:
		if len(n.Names) > 0 {
			return words(n.Names[0].Name)
		}
	case *ast.KeyValueExpr:
		if id, ok := n.Key.(*ast.Ident); ok {
			return words(id.Name)
		}
		if s, ok := c.constString(n.Key); ok {
			return words(s)
		}
	case *ast.ReturnStmt:
		if decl, _ := c.enclosingFunc(p); decl != nil {
			if res := decl.Type.Results; res != nil {
				i := 0
				for _, f := range res.List {
					for _, nm := range f.Names {
						for j, r := range n.Results {
							if r == cur.Node() && j == i {
								return words(nm.Name)
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

// mintVerbs and parseVerbs make a function name evidence of what it does
// with tokens.
var tokenVerbs = map[string]bool{
	"generate": true, "gen": true, "create": true, "new": true, "issue": true, "sign": true,
	"make": true, "mint": true, "build": true, "encode": true, "parse": true, "validate": true,
	"verify": true, "check": true, "decode": true, "get": true,
}

// funcLevels returns the enclosing function's name as evidence, when
// the name is about a token and not an HTTP handler's action:
// GenerateRefreshToken, newAccessToken(…) string, ParseRefreshToken.
func (c *checker) funcLevels(cur inspector.Cursor) [][]string {
	decl, fn := c.enclosingFunc(cur)
	if decl == nil || fn == nil {
		return nil
	}
	ws := words(fn.Name())
	sig, _ := fn.Type().(*types.Signature)
	returnsToken := sig != nil && sig.Results().Len() > 0 && keyLike(sig.Results().At(0).Type())
	aboutToken := has(ws, "token", "tokens", "jwt", "claims")
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
		levels = append(levels, words(typeNameOf(sig.Recv().Type())))
	}
	return levels
}

// --- parsing ---

// parseEvents makes an event for each parse whose keyfunc is known, and
// for keyfuncs no parse of this package uses.
func (c *checker) parseEvents() []*keyEvent {
	var out []*keyEvent
	used := map[*jwtapi.Keyfunc]bool{}
	for _, call := range c.ix.Calls {
		if call.Func.Role != jwtapi.RoleParse || diag_isTest(c, call.Expr.Pos()) {
			continue
		}
		kfArg := call.Arg(call.Func.Keyfunc)
		if kfArg == nil {
			continue
		}
		kf, binding := c.resolveKeyfunc(kfArg)
		if kf == nil {
			continue
		}
		used[kf] = true
		cur, ok := c.ins.Root().FindNode(call.Expr)
		if !ok {
			continue
		}
		e := c.keyfuncEvent(kf, cur)
		if e == nil {
			continue
		}
		if len(e.params) > 0 && binding != nil {
			// keyFuncFor(secret): the key is the argument.
			c.bindParams(e, binding)
		}
		e.api = c.ix.APIName(call)
		e.kind = c.callSiteKind(cur, call)
		out = append(out, e)
	}
	for _, kf := range c.ix.Keyfuncs {
		if used[kf] || diag_isTest(c, kf.Node.Pos()) {
			continue
		}
		cur, ok := c.ins.Root().FindNode(kf.Node)
		if !ok {
			continue
		}
		e := c.keyfuncEvent(kf, cur)
		if e == nil {
			continue
		}
		e.api = kf.API
		var levels [][]string
		if decl, ok := kf.Node.(*ast.FuncDecl); ok {
			levels = append(levels, words(decl.Name.Name))
		} else {
			names, _, _ := c.destOf(cur, false)
			for _, n := range names {
				levels = append(levels, n.name)
			}
			levels = append(levels, c.funcLevels(cur)...)
		}
		e.kind = kindFromLevels(levels)
		out = append(out, e)
	}
	return out
}

// keyfuncEvent identifies the key a keyfunc returns: what all its
// returns have in common.
func (c *checker) keyfuncEvent(kf *jwtapi.Keyfunc, at inspector.Cursor) *keyEvent {
	var e *keyEvent
	for _, r := range kf.Returns {
		if len(r.Results) != 2 {
			continue
		}
		if tv, ok := c.info.Types[r.Results[0]]; ok && tv.IsNil() {
			continue
		}
		one := &keyEvent{pos: at.Node().Pos()}
		_, one.fn = c.enclosingFunc(at)
		c.identify(one, r.Results[0])
		if e == nil {
			e = one
			continue
		}
		e.ids = intersect(e.ids, one.ids)
		if len(one.params) > 0 || len(e.params) > 0 {
			e.params = appendUnique(e.params, one.params...)
		}
	}
	return e
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

// resolveKeyfunc finds the keyfunc an argument denotes: a literal, a
// declared function or method value, a variable holding a literal, or a
// call of a function of this package that returns a literal (with the
// call's arguments, for keys taken as parameters).
func (c *checker) resolveKeyfunc(e ast.Expr) (*jwtapi.Keyfunc, *ast.CallExpr) {
	e = ast.Unparen(e)
	byNode := func(n ast.Node) *jwtapi.Keyfunc {
		for _, kf := range c.ix.Keyfuncs {
			if kf.Node == n {
				return kf
			}
		}
		return nil
	}
	switch x := e.(type) {
	case *ast.FuncLit:
		return byNode(x), nil
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := x.(*ast.Ident); ok {
			obj = c.info.Uses[id]
		} else {
			sel := x.(*ast.SelectorExpr)
			if s, ok := c.info.Selections[sel]; ok {
				obj = s.Obj()
			} else {
				obj = c.info.Uses[sel.Sel]
			}
		}
		switch o := obj.(type) {
		case *types.Func:
			for _, kf := range c.ix.Keyfuncs {
				if kf.Obj == o {
					return kf, nil
				}
			}
		case *types.Var:
			if defs, ok := c.ix.Defs.Of(o); ok && len(defs) == 1 && defs[0].Expr != nil && defs[0].Index < 0 {
				if lit, ok := ast.Unparen(defs[0].Expr).(*ast.FuncLit); ok {
					return byNode(lit), nil
				}
			}
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(c.info, x).(*types.Func)
		if fn == nil || fn.Pkg() != c.pass.Pkg {
			return nil, nil
		}
		decl := c.ix.Funcs[fn]
		if decl == nil || decl.Body == nil {
			return nil, nil
		}
		var found *jwtapi.Keyfunc
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
				if lit, ok := ast.Unparen(r.Results[0]).(*ast.FuncLit); ok && found == nil {
					found = byNode(lit)
				}
			}
			return found == nil
		})
		return found, x
	}
	return nil, nil
}

// bindParams replaces an event's parameters by what a call passes.
func (c *checker) bindParams(e *keyEvent, call *ast.CallExpr) {
	params := e.params
	e.params = nil
	for _, p := range params {
		if p >= len(call.Args) {
			e.ids = nil
			return
		}
		var sub keyEvent
		c.identify(&sub, call.Args[p])
		e.ids = append(e.ids, sub.ids...)
		e.params = append(e.params, sub.params...)
		if e.key == "" || strings.HasPrefix(e.key, "var ") && sub.key != "" {
			e.key = sub.key
		}
	}
}

// --- wrappers: functions that sign for their callers ---

// lift turns events in functions that leave the key or the kind to their
// callers into events at the calls of those functions in this package.
func (c *checker) lift(events []*keyEvent) []*keyEvent {
	var out []*keyEvent
	for _, e := range events {
		// An event whose kind is known and whose key is its own was
		// compared where it is; only keys and kinds left to the callers
		// are lifted.
		if e.fn == nil || e.fn.Pkg() != c.pass.Pkg || (e.kind != "" && len(e.params) == 0) {
			continue
		}
		for _, call := range c.callsOf(e.fn) {
			if diag_isTest(c, call.Pos()) {
				continue
			}
			cur, ok := c.ins.Root().FindNode(call)
			if !ok {
				continue
			}
			out = append(out, c.liftedEvent(cur, call, e.fn, eventShape{
				ids: e.ids, params: e.params, recvIDs: e.recvIDs, kind: e.kind,
				aud: e.aud, iss: e.iss, key: e.key, api: e.api, sign: e.sign,
			}))
		}
	}
	return out
}

// eventShape is what a signing function tells its callers.
type eventShape struct {
	ids, recvIDs []string
	params       []int
	kind         string
	aud, iss     string
	key, api     string
	sign         bool
}

func (c *checker) liftedEvent(cur inspector.Cursor, call *ast.CallExpr, callee *types.Func, s eventShape) *keyEvent {
	e := &keyEvent{pos: call.Pos(), kind: s.kind, aud: s.aud, iss: s.iss, key: s.key, api: s.api, sign: s.sign}
	_, e.fn = c.enclosingFunc(cur)
	recv := map[string]bool{}
	for _, r := range s.recvIDs {
		recv[r] = true
	}
	for _, id := range s.ids {
		if !recv[id] {
			e.ids = append(e.ids, id)
		}
	}
	if len(s.recvIDs) > 0 {
		// The key is a field of the receiver: it is the same key only for
		// the same receiver value.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			for _, r := range c.receiverIDs(sel.X) {
				for _, id := range s.recvIDs {
					e.ids = append(e.ids, id+"@"+r)
				}
			}
		}
	}
	keyArgs := map[int]bool{}
	for _, p := range s.params {
		keyArgs[p] = true
		if p >= len(call.Args) {
			return &keyEvent{}
		}
		var sub keyEvent
		c.identify(&sub, call.Args[p])
		e.ids = append(e.ids, sub.ids...)
		e.params = append(e.params, sub.params...)
		e.recvIDs = append(e.recvIDs, sub.recvIDs...)
		if sub.key != "" {
			e.key = sub.key
		}
	}
	if e.kind == "" {
		e.kind = c.callKind(cur, call, keyArgs)
	}
	sort.Strings(e.ids)
	_ = callee
	return e
}

// callKind finds the kind of token a call of a signing function is for:
// a constant argument ("refresh"), where the result goes, the names of
// the other arguments, the calling function.
func (c *checker) callKind(cur inspector.Cursor, call *ast.CallExpr, keyArgs map[int]bool) string {
	var constWords, argWords []string
	for i, a := range call.Args {
		if keyArgs[i] {
			continue
		}
		if s, ok := c.constString(a); ok {
			constWords = append(constWords, words(s)...)
			continue
		}
		switch x := ast.Unparen(a).(type) {
		case *ast.Ident:
			argWords = append(argWords, words(x.Name)...)
		case *ast.SelectorExpr:
			argWords = append(argWords, words(x.Sel.Name)...)
		case *ast.UnaryExpr:
			if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok {
				if tv, ok := c.info.Types[lit]; ok {
					argWords = append(argWords, words(typeNameOf(tv.Type))...)
				}
			}
		}
	}
	if k, amb := kindOf(constWords); k != "" && !amb {
		return k
	}
	levels := [][]string{c.resultNames(cur), argWords}
	levels = append(levels, c.funcLevels(cur)...)
	return kindFromLevels(levels)
}

// callsOf returns the calls of fn in this package.
func (c *checker) callsOf(fn *types.Func) []*ast.CallExpr {
	if c.calls == nil {
		c.calls = make(map[*types.Func][]*ast.CallExpr)
		for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if f, ok := typeutil.Callee(c.info, call).(*types.Func); ok && f.Pkg() == c.pass.Pkg {
				c.calls[f] = append(c.calls[f], call)
			}
		}
	}
	return c.calls[fn]
}

// exportSigners exports a SignerFact for exported functions that sign
// for their callers.
func (c *checker) exportSigners(events []*keyEvent) {
	done := map[*types.Func]bool{}
	for _, e := range events {
		fn := e.fn
		if fn == nil || fn.Pkg() != c.pass.Pkg || !fn.Exported() || done[fn] {
			continue
		}
		if e.kind != "" && len(e.params) == 0 {
			continue
		}
		if len(e.params) > 1 || (len(e.params) == 0 && len(e.ids) == 0) {
			continue
		}
		done[fn] = true
		f := &SignerFact{KeyParam: -1, KeyIDs: e.ids, Kind: e.kind, Where: c.atPkg(e.pos), Key: e.key, API: e.api, Aud: e.aud, Iss: e.iss, Sign: e.sign}
		if len(e.params) == 1 {
			f.KeyParam = e.params[0]
		}
		f.RecvIDs = e.recvIDs
		c.pass.ExportObjectFact(fn, f)
	}
}

// importedSignerEvents makes events at calls of other packages' signing
// functions.
func (c *checker) importedSignerEvents() []*keyEvent {
	var out []*keyEvent
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn, ok := typeutil.Callee(c.info, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || diag_isTest(c, call.Pos()) {
			continue
		}
		var f SignerFact
		if !c.pass.ImportObjectFact(fn, &f) {
			continue
		}
		s := eventShape{ids: f.KeyIDs, recvIDs: f.RecvIDs, kind: f.Kind, aud: f.Aud, iss: f.Iss, key: f.Key, api: f.API, sign: f.Sign}
		if f.KeyParam >= 0 {
			s.params = []int{f.KeyParam}
		}
		out = append(out, c.liftedEvent(cur, call, fn, s))
	}
	return out
}

// --- across packages ---

// crossPackage compares this package's uses with those its imports
// report, and the imports' uses with each other, then exports the
// union.
func (c *checker) crossPackage(events []*keyEvent, done map[string]bool) {
	var own []KeyUse
	for _, e := range events {
		if !e.complete() {
			continue
		}
		u := KeyUse{IDs: e.ids, Kind: e.useKind(), Where: c.atPkg(e.pos), Key: e.key, API: e.api, Sign: e.sign, pos: e.pos}
		own = append(own, u)
	}
	type dep struct {
		path string
		uses []KeyUse
	}
	var deps []dep
	for _, imp := range c.pass.Pkg.Imports() {
		var f KeyUsesFact
		if c.pass.ImportPackageFact(imp, &f) && len(f.Uses) > 0 {
			deps = append(deps, dep{path: imp.Path(), uses: f.Uses})
		}
	}
	// This package against its imports.
	for _, u := range own {
		for _, d := range deps {
			for _, w := range d.uses {
				id, ok := shared(u.IDs, w.IDs)
				if !ok {
					continue
				}
				what, ok := useConflict(u, w)
				if !ok || done[id+"|"+what] {
					continue
				}
				done[id+"|"+what] = true
				c.reportConflict(u.pos, u.Key, what, u.asUse(), w.asUse())
			}
		}
	}
	// Imports against each other, when no single import saw both.
	for i, a := range deps {
		for _, b := range deps[i+1:] {
			for _, u := range a.uses {
				for _, w := range b.uses {
					id, ok := shared(u.IDs, w.IDs)
					if !ok {
						continue
					}
					what, ok := useConflict(u, w)
					if !ok || done[id+"|"+what] || knows(a.uses, id, what) || knows(b.uses, id, what) {
						continue
					}
					done[id+"|"+what] = true
					pos := c.importPos(b.path)
					key := w.Key
					if key == "" {
						key = u.Key
					}
					c.reportKey(id+"|"+what, pos, pos, "jwt key %s is used for %s by %s at %s and for %s at %s: one kind of token passes for the other; give each token kind its own secret",
						orOneKey(key), w.asUse().label(), w.API, w.Where, u.asUse().label(), u.Where)
				}
			}
		}
	}
	// Export the union of what other packages can share: keys named by
	// something they can see.
	var all []KeyUse
	for _, u := range own {
		if ids := c.visibleIDs(u.IDs); len(ids) > 0 {
			u.IDs = ids
			all = append(all, u)
		}
	}
	seen := map[string]bool{}
	for _, u := range all {
		seen[u.Where+"|"+u.Kind] = true
	}
	for _, d := range deps {
		for _, w := range d.uses {
			k := w.Where + "|" + w.Kind
			if seen[k] || len(all) >= maxUses {
				continue
			}
			seen[k] = true
			all = append(all, w)
		}
	}
	if len(all) > 0 {
		sort.SliceStable(all, func(i, j int) bool { return all[i].Where < all[j].Where })
		c.pass.ExportPackageFact(&KeyUsesFact{Uses: all})
	}
}

const maxUses = 256

func orOneKey(k string) string {
	if k == "" {
		return "one key"
	}
	return k
}

func (e *keyEvent) useKind() string {
	switch {
	case e.kind != "":
		return e.kind
	case e.aud != "":
		return e.aud
	}
	return e.iss
}

func (u KeyUse) asUse() use {
	x := use{where: u.Where, api: u.API}
	switch {
	case strings.HasPrefix(u.Kind, "aud:"):
		x.aud = u.Kind
	case strings.HasPrefix(u.Kind, "iss:"):
		x.iss = u.Kind
	default:
		x.kind = u.Kind
	}
	return x
}

func useConflict(u, w KeyUse) (string, bool) {
	a, b := u.asUse(), w.asUse()
	return conflict(a.kind, b.kind, a.aud, b.aud, a.iss, b.iss, u.Sign && w.Sign)
}

// knows reports whether one package's uses already hold a conflict of
// this kind for this key (so that package reported it).
func knows(uses []KeyUse, id, what string) bool {
	for i, u := range uses {
		if !contains(u.IDs, id) {
			continue
		}
		for _, w := range uses[i+1:] {
			if !contains(w.IDs, id) {
				continue
			}
			if x, ok := useConflict(u, w); ok && x == what {
				return true
			}
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// importPos returns the position of the import of path in this package.
func (c *checker) importPos(path string) token.Pos {
	for _, f := range c.pass.Files {
		for _, imp := range f.Imports {
			if strings.Trim(imp.Path.Value, "\"`") == path {
				return imp.Pos()
			}
		}
	}
	if len(c.pass.Files) > 0 {
		return c.pass.Files[0].Name.Pos()
	}
	return token.NoPos
}

// receiverIDs identifies a receiver value: a local variable or parameter
// by itself (local:…, meaningful in this package only), anything else by
// what it is read from.
func (c *checker) receiverIDs(x ast.Expr) []string {
	x = ast.Unparen(x)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	if st, ok := x.(*ast.StarExpr); ok {
		x = ast.Unparen(st.X)
	}
	if id, ok := x.(*ast.Ident); ok {
		if v, ok := c.info.Uses[id].(*types.Var); ok && c.objID(v) == "" {
			return []string{fmt.Sprintf("local:%s@%d", v.Name(), v.Pos())}
		}
	}
	var out []string
	for _, r := range c.roots(x) {
		if !r.weak && r.param < 0 {
			out = append(out, r.id)
		}
	}
	return out
}

// visibleIDs keeps the key identities another package can also reach:
// environment variables, constant values, config keys, and exported or
// imported objects.
func (c *checker) visibleIDs(ids []string) []string {
	var out []string
	for _, id := range ids {
		if strings.Contains(id, "local:") {
			continue
		}
		if strings.HasPrefix(id, "env:") || strings.HasPrefix(id, "fp:") || strings.HasPrefix(id, "cfgkey:") {
			out = append(out, id)
			continue
		}
		if c.idExported(id) {
			out = append(out, id)
		}
	}
	return out
}

// idExported reports whether every object an id names is exported or
// belongs to another package.
func (c *checker) idExported(id string) bool {
	for _, part := range strings.Split(strings.TrimPrefix(id, "call:"), "@") {
		path, rest, ok := strings.Cut(part, "#")
		if !ok {
			return false
		}
		if path != c.pass.Pkg.Path() {
			continue
		}
		// The object path's segments name objects; an unexported one
		// starts with a lower-case letter after its operator byte.
		name := rest
		if i := strings.IndexAny(name, ".("); i >= 0 {
			name = name[:i]
		}
		obj := c.pass.Pkg.Scope().Lookup(name)
		if obj == nil || !obj.Exported() {
			return false
		}
	}
	return true
}
