package unverified

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// checkHeaderKeys reports verifications whose key the token supplies
// itself: the "jwk" it embeds in its header, or a key fetched from the
// "jku"/"x5u" URL it names (the model's FromTokenHeader rows and
// KeyHeaderParams). The author of a token writes its header, so such a key
// verifies whatever its author signs.
//
// Not reported: a package that matches the embedded key against keys it
// trusts (a thumbprint, an Equal comparison, a URL compared or looked up
// in an allow-list), and proofs of possession (DPoP, key registration),
// where verifying with the embedded key is the point and the key is then
// bound, stored or checked: the key is passed on to other code or stored
// in a literal, or the file speaks of DPoP. A kid looked up in a trusted
// set while the embedded key is still the one used is no pin: the kid is
// written by the token's author too.
func (s *state) checkHeaderKeys() {
	s.checkAutoFetch()
	hk := &headerKeys{s: s, funcs: map[*types.Func]bool{}, busy: map[*types.Func]bool{},
		vars: map[*types.Var]bool{}, varBusy: map[*types.Var]bool{}}
	var sinks []*jwtapi.KeySink
	for _, sink := range s.ix.KeySinks() {
		if sink.Kind != jwtapi.SinkVerify || tests.Skip(s.pass.Fset, sink.Key.Pos()) {
			continue
		}
		if hk.derived(sink.Key, 0) {
			sinks = append(sinks, sink)
		}
	}
	if len(sinks) == 0 || hk.boundOrPinned() {
		return
	}
	for _, sink := range sinks {
		if f := s.fileOf(sink.Key.Pos()); f != nil && mentionsDPoP(f) {
			continue
		}
		s.rep.Reportf(sink.Key.Pos(), sink.Key.End(),
			"%s verifies the token with a key taken from the token's own header (jwk, jku or x5u): whoever writes the token picks the key; verify with keys the program trusts, or match the embedded key against a pinned set (thumbprint) before using it", sink.API)
	}
}

// checkAutoFetch reports an option that verifies with the key set fetched
// from the token's own "jku" (jwx WithVerifyAuto) when its fetch options
// allow every URL (jwk.InsecureWhitelist): the token's author then names
// the keys that verify it.
func (s *state) checkAutoFetch() {
	for _, c := range s.ix.Calls {
		if !c.Func.FromTokenHeader || c.Func.Role != jwtapi.RoleOption || tests.Skip(s.pass.Fset, c.Expr.Pos()) {
			continue
		}
		opts, _ := s.ix.OptionCalls(c)
		for _, o := range opts {
			for _, a := range o.Expr.Args {
				if s.ix.Model.AllowsAnyURL(s.info.TypeOf(a)) {
					s.rep.Reportf(c.Expr.Pos(), c.Expr.End(),
						"%s verifies the token with keys fetched from the jku URL the token itself names, and its whitelist allows every URL: whoever writes the token picks the key; whitelist the key-set URLs you trust", s.ix.APIName(c))
				}
			}
		}
	}
}

// headerKeys decides which expressions hold a key (or key URL) from a
// token's header.
type headerKeys struct {
	s       *state
	funcs   map[*types.Func]bool // package functions that return one
	busy    map[*types.Func]bool
	vars    map[*types.Var]bool // memo of varDerived
	varBusy map[*types.Var]bool
}

// derived reports whether e holds a key, key set or key URL the token
// supplies, or a value read or fetched from one.
func (h *headerKeys) derived(e ast.Expr, depth int) bool {
	if e == nil || depth > 8 {
		return false
	}
	s := h.s
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return x.Op == token.AND && h.derived(x.X, depth+1)
	case *ast.StarExpr:
		return h.derived(x.X, depth+1)
	case *ast.TypeAssertExpr:
		return h.derived(x.X, depth+1)
	case *ast.SelectorExpr:
		sel := s.info.Selections[x]
		if sel == nil || sel.Kind() != types.FieldVal {
			return false
		}
		if f := s.ix.Model.Field(sel.Recv(), x.Sel.Name); f != nil && f.FromTokenHeader {
			return true
		}
		// The key inside an embedded key (jwk.Key), not its kid, algorithm
		// or certificate chain.
		return types.IsInterface(sel.Type()) && h.derived(x.X, depth+1)
	case *ast.IndexExpr:
		if h.headerMap(x.X, 0) {
			name, ok := jwtapi.ConstString(s.info, x.Index)
			return ok && jwtapi.IsKeyHeaderParam(name)
		}
		return h.derived(x.X, depth+1) // a key of a fetched set
	case *ast.Ident:
		v, ok := s.info.Uses[x].(*types.Var)
		if !ok || v.Pkg() != s.pass.Pkg || v.IsField() {
			return false
		}
		return h.varDerived(v, depth)
	case *ast.CallExpr:
		return h.callDerived(x, depth)
	}
	return false
}

// varDerived follows a variable of this package through its assignments
// and the calls that fill it; memoized, and false on a cycle.
func (h *headerKeys) varDerived(v *types.Var, depth int) bool {
	if r, ok := h.vars[v]; ok {
		return r
	}
	if h.varBusy[v] {
		return false
	}
	h.varBusy[v] = true
	defer delete(h.varBusy, v)
	s := h.s
	found := h.filledFrom(v, depth)
	for _, d := range s.ix.Defs.Assigned(v) {
		if found {
			break
		}
		if d.Expr == nil {
			continue
		}
		if d.Index >= 0 {
			if d.Index != 0 {
				continue
			}
			switch x := ast.Unparen(d.Expr).(type) {
			case *ast.CallExpr:
				found = h.callDerived(x, depth+1)
			case *ast.TypeAssertExpr, *ast.IndexExpr:
				found = h.derived(x, depth+1) // v, ok := x.(T), v, ok := m[k]
			}
			continue
		}
		found = h.derived(d.Expr, depth+1)
	}
	h.vars[v] = found
	return found
}

// callDerived: a modelled call that reads the header's key, a package
// function returning such a key, a conversion, or a call that parses or
// fetches from such a value (jwk.ParseKey, jwk.Fetch, set.LookupKeyID) and
// yields something other than a plain value.
func (h *headerKeys) callDerived(call *ast.CallExpr, depth int) bool {
	s := h.s
	if depth > 8 {
		return false
	}
	if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
		return len(call.Args) == 1 && h.derived(call.Args[0], depth+1)
	}
	if c := s.ix.CallOf(call); c != nil && c.Func.FromTokenHeader {
		return true
	}
	if h.readsToken(call) {
		return false
	}
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn != nil && fn.Pkg() == s.pass.Pkg {
		if h.returnsDerived(fn.Origin(), depth+1) {
			return true
		}
	}
	if !keyLikeResult(s.info.TypeOf(call)) {
		return false
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if m := s.info.Selections[sel]; m != nil && m.Kind() == types.MethodVal && h.derived(sel.X, depth+1) {
			return true
		}
	}
	for _, a := range call.Args {
		if h.derived(a, depth+1) {
			return true
		}
	}
	return false
}

// filledFrom reports whether v's address is given to a call that decodes
// a header key into it: json.Unmarshal(b, &k), key.Raw(&raw).
func (h *headerKeys) filledFrom(v *types.Var, depth int) bool {
	s := h.s
	for _, sc := range s.ix.StaticCalls() {
		if h.readsToken(sc.Call) {
			continue
		}
		target := false
		for _, a := range sc.Call.Args {
			if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
				if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && s.info.Uses[id] == v {
					target = true
				}
			}
		}
		if !target {
			continue
		}
		if sel, ok := ast.Unparen(sc.Call.Fun).(*ast.SelectorExpr); ok {
			if m := s.info.Selections[sel]; m != nil && m.Kind() == types.MethodVal && h.derived(sel.X, depth+1) {
				return true
			}
		}
		for _, a := range sc.Call.Args {
			if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
				continue
			}
			if h.derived(a, depth+1) {
				return true
			}
		}
	}
	return false
}

// readsToken reports a library call that verifies or decodes a token
// (go-jose Claims(key, &dest), a parse): what it returns or fills is the
// token's claims or payload, not the key it was given. Without this the
// claims verified with a header key would count as that key, and their
// use (a grant built from them) as the key bound or stored.
func (h *headerKeys) readsToken(call *ast.CallExpr) bool {
	c := h.s.ix.CallOf(call)
	if c == nil {
		return false
	}
	switch c.Func.Role {
	case jwtapi.RoleParse, jwtapi.RoleVerify, jwtapi.RoleParseUnverified:
		return true
	}
	return false
}

// keyLikeResult reports whether a call's (first) result can hold a key: not
// a string, number, bool or error.
func keyLikeResult(t types.Type) bool {
	if tup, ok := t.(*types.Tuple); ok {
		if tup.Len() == 0 {
			return false
		}
		t = tup.At(0).Type()
	}
	if t == nil || jwtapi.IsErrorType(t) {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&(types.IsString|types.IsNumeric|types.IsBoolean) == 0
	}
	return true
}

// returnsDerived reports whether a function of this package returns a key
// from a token's header as its first result.
func (h *headerKeys) returnsDerived(fn *types.Func, depth int) bool {
	if r, ok := h.funcs[fn]; ok {
		return r
	}
	decl := h.s.ix.Funcs[fn]
	if decl == nil || decl.Body == nil || h.busy[fn] || depth > 8 {
		return false
	}
	h.busy[fn] = true
	defer delete(h.busy, fn)
	found := false
	for _, ret := range jwtapi.OwnReturns(decl.Body) {
		switch {
		case len(ret.Results) == 0:
			// A naked return: the named first result.
			if res := decl.Type.Results; res != nil && len(res.List) > 0 && len(res.List[0].Names) > 0 {
				found = found || h.derived(res.List[0].Names[0], depth+1) || h.namedDerived(res.List[0].Names[0], depth+1)
			}
		default:
			found = found || h.derived(ret.Results[0], depth+1)
		}
	}
	h.funcs[fn] = found
	return found
}

// namedDerived follows a named result through its assignments.
func (h *headerKeys) namedDerived(name *ast.Ident, depth int) bool {
	v, ok := h.s.info.Defs[name].(*types.Var)
	if !ok {
		return false
	}
	for _, d := range h.s.ix.Defs.Assigned(v) {
		if d.Expr != nil && d.Index < 0 && h.derived(d.Expr, depth+1) {
			return true
		}
	}
	return false
}

// headerMap reports whether e is a token's header map (golang-jwt
// token.Header, by the Type row's HeaderField), or a local copy of it.
func (h *headerKeys) headerMap(e ast.Expr, depth int) bool {
	s := h.s
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if tt := s.ix.Model.Type(s.info.TypeOf(x.X)); tt != nil && tt.Role == jwtapi.TypeToken && tt.HeaderField != "" && x.Sel.Name == tt.HeaderField {
			return true
		}
	case *ast.Ident:
		v, ok := s.info.Uses[x].(*types.Var)
		if !ok || depth > 3 {
			return false
		}
		defs, ok := s.ix.Defs.Of(v)
		if !ok || len(defs) != 1 || defs[0].Index >= 0 {
			return false
		}
		return h.headerMap(defs[0].Expr, depth+1)
	}
	return false
}

// boundOrPinned reports whether the package does something with a header
// key besides verifying with it: computes its thumbprint, compares it
// (Equal, ==, a lookup keyed by it, a prefix test of a URL), passes it to
// other code or stores it in a literal.
func (h *headerKeys) boundOrPinned() bool {
	s := h.s
	found := false
	for _, f := range s.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			switch x := n.(type) {
			case *ast.CallExpr:
				if h.pinCall(x) {
					found = true
				}
			case *ast.BinaryExpr:
				if (x.Op == token.EQL || x.Op == token.NEQ) && !isNil(s.info, x.X) && !isNil(s.info, x.Y) && (h.derived(x.X, 0) || h.derived(x.Y, 0)) {
					found = true
				}
			case *ast.IndexExpr:
				if t := s.info.TypeOf(x.X); t != nil {
					if _, isMap := t.Underlying().(*types.Map); isMap && h.derived(x.Index, 0) {
						found = true
					}
				}
			case *ast.CompositeLit:
				for _, elt := range x.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						elt = kv.Value
					}
					if h.derived(elt, 0) {
						found = true
					}
				}
			}
			return true
		})
	}
	return found
}

// pinCall reports a call that checks or hands on a header key: a method
// such as Thumbprint or Equal on it, or a call of other code (not a JWT
// library, not a fetch or parse that yields a key) that receives it.
func (h *headerKeys) pinCall(call *ast.CallExpr) bool {
	s := h.s
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if m := s.info.Selections[sel]; m != nil && m.Kind() == types.MethodVal && h.derived(sel.X, 0) {
			switch m.Obj().Name() {
			case "Thumbprint", "Equal":
				return true
			}
		}
	}
	var arg bool
	for _, a := range call.Args {
		if h.derived(a, 0) {
			arg = true
		}
	}
	if !arg {
		return false
	}
	if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
		return false
	}
	if c := s.ix.CallOf(call); c != nil {
		return false // the verification itself, a key option
	}
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil {
		return true
	}
	if fn.Pkg() != nil && s.ix.Model.IsLibrary(fn.Pkg().Path()) {
		return false
	}
	if fn.Pkg() != nil && jwtapi.IsStdPath(fn.Pkg().Path()) {
		// Decoding, logging and formatting hand the key on without
		// checking it; comparisons do check it.
		return stdComparisons[fn.Pkg().Path()+"."+fn.Name()]
	}
	if fn.Pkg() != nil && fn.Pkg() == s.pass.Pkg && h.returnsDerived(fn.Origin(), 0) {
		return false // a helper that hands the key back for verification
	}
	if keyLikeResult(s.info.TypeOf(call)) {
		// A parse or fetch that yields the key (jwk.ParseKey, jwk.Fetch):
		// a step toward the verification, not a check. A comparison
		// helper returns a bool or an error.
		return fn.Name() == "Equal"
	}
	return true
}

// stdComparisons are the standard library calls that compare a key, a
// thumbprint or a URL with a trusted value.
var stdComparisons = map[string]bool{
	"bytes.Equal": true, "crypto/subtle.ConstantTimeCompare": true,
	"strings.HasPrefix": true, "strings.EqualFold": true, "slices.Contains": true,
}

// mentionsDPoP reports whether a file speaks of DPoP proofs (RFC 9449),
// which are verified with the key they embed by design.
func mentionsDPoP(f *ast.File) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(strings.ToLower(lit.Value), "dpop") {
			found = true
		}
		return !found
	})
	return found
}
