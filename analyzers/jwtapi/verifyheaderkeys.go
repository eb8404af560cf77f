package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// HeaderKeys returns a fresh resolver of keys taken from tokens' headers.
func (ix *Index) HeaderKeys() *HeaderKeys {
	return &HeaderKeys{ix: ix, funcs: map[*types.Func]bool{}, busy: map[*types.Func]bool{},
		vars: map[*types.Var]bool{}, varBusy: map[*types.Var]bool{}}
}

// AutoFetchAnyURL returns the options that verify with the key set
// fetched from the token's own "jku" (jwx WithVerifyAuto), once for each
// of their fetch options that allows every URL (jwk.InsecureWhitelist).
func (ix *Index) AutoFetchAnyURL() []*Call {
	var out []*Call
	for _, c := range ix.Calls {
		if !c.Func.FromTokenHeader || !c.IsOption() {
			continue
		}
		opts, _ := ix.OptionCalls(c)
		for _, o := range opts {
			for _, a := range o.Expr.Args {
				if ix.Model.AllowsAnyURL(ix.Info.TypeOf(a)) {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// HeaderKeys decides which expressions hold a key (or key URL) the token
// supplies in its own header ("jwk", "jku", "x5u"), or a value read or
// fetched from one: provenance of verification keys. Its answers are
// memoized; make one per analyzer run with Index.HeaderKeys.
type HeaderKeys struct {
	ix      *Index
	funcs   map[*types.Func]bool // package functions that return one
	busy    map[*types.Func]bool
	vars    map[*types.Var]bool // memo of varDerived
	varBusy map[*types.Var]bool
}

// derived reports whether e holds a key, key set or key URL the token
// supplies, or a value read or fetched from one.
// Derived reports whether e holds a key, key set or key URL the token
// supplies, or a value read or fetched from one.
func (h *HeaderKeys) Derived(e ast.Expr) bool { return h.derived(e, 0) }

func (h *HeaderKeys) derived(e ast.Expr, depth int) bool {
	if e == nil || depth > 8 {
		return false
	}
	ix := h.ix
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return x.Op == token.AND && h.derived(x.X, depth+1)
	case *ast.StarExpr:
		return h.derived(x.X, depth+1)
	case *ast.TypeAssertExpr:
		return h.derived(x.X, depth+1)
	case *ast.SelectorExpr:
		sel := ix.Info.Selections[x]
		if sel == nil || sel.Kind() != types.FieldVal {
			return false
		}
		if f := ix.Model.Field(sel.Recv(), x.Sel.Name); f != nil && f.FromTokenHeader {
			return true
		}
		// The key inside an embedded key (jwk.Key), not its kid, algorithm
		// or certificate chain.
		return types.IsInterface(sel.Type()) && h.derived(x.X, depth+1)
	case *ast.IndexExpr:
		if h.headerMap(x.X, 0) {
			name, ok := ConstString(ix.Info, x.Index)
			return ok && IsKeyHeaderParam(name)
		}
		return h.derived(x.X, depth+1) // a key of a fetched set
	case *ast.Ident:
		v, ok := ix.Info.Uses[x].(*types.Var)
		if !ok || v.Pkg() != ix.Pkg || v.IsField() {
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
func (h *HeaderKeys) varDerived(v *types.Var, depth int) bool {
	if r, ok := h.vars[v]; ok {
		return r
	}
	if h.varBusy[v] {
		return false
	}
	h.varBusy[v] = true
	defer delete(h.varBusy, v)
	ix := h.ix
	found := h.filledFrom(v, depth)
	for _, d := range ix.Defs.Assigned(v) {
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
func (h *HeaderKeys) callDerived(call *ast.CallExpr, depth int) bool {
	ix := h.ix
	if depth > 8 {
		return false
	}
	if tv, ok := ix.Info.Types[call.Fun]; ok && tv.IsType() {
		return len(call.Args) == 1 && h.derived(call.Args[0], depth+1)
	}
	if c := ix.CallOf(call); c != nil && c.Func.FromTokenHeader {
		return true
	}
	if h.readsToken(call) {
		return false
	}
	fn, _ := typeutil.Callee(ix.Info, call).(*types.Func)
	if fn != nil && fn.Pkg() == ix.Pkg {
		if h.returnsDerived(fn.Origin(), depth+1) {
			return true
		}
	}
	if !KeyLikeResult(ix.Info.TypeOf(call)) {
		return false
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if m := ix.Info.Selections[sel]; m != nil && m.Kind() == types.MethodVal && h.derived(sel.X, depth+1) {
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
func (h *HeaderKeys) filledFrom(v *types.Var, depth int) bool {
	ix := h.ix
	for _, sc := range ix.StaticCalls() {
		if h.readsToken(sc.Call) {
			continue
		}
		target := false
		for _, a := range sc.Call.Args {
			if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
				if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && ix.Info.Uses[id] == v {
					target = true
				}
			}
		}
		if !target {
			continue
		}
		if sel, ok := ast.Unparen(sc.Call.Fun).(*ast.SelectorExpr); ok {
			if m := ix.Info.Selections[sel]; m != nil && m.Kind() == types.MethodVal && h.derived(sel.X, depth+1) {
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
func (h *HeaderKeys) readsToken(call *ast.CallExpr) bool {
	return h.ix.VerifyEventOf(call) != nil
}

// KeyLikeResult reports whether a call's (first) result can hold a key: not
// a string, number, bool or error.
func KeyLikeResult(t types.Type) bool {
	if tup, ok := t.(*types.Tuple); ok {
		if tup.Len() == 0 {
			return false
		}
		t = tup.At(0).Type()
	}
	if t == nil || IsErrorType(t) {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&(types.IsString|types.IsNumeric|types.IsBoolean) == 0
	}
	return true
}

// returnsDerived reports whether a function of this package returns a key
// from a token's header as its first result.
// ReturnsDerived reports whether a function of this package returns a key
// from a token's header as its first result.
func (h *HeaderKeys) ReturnsDerived(fn *types.Func) bool { return h.returnsDerived(fn, 0) }

func (h *HeaderKeys) returnsDerived(fn *types.Func, depth int) bool {
	if r, ok := h.funcs[fn]; ok {
		return r
	}
	decl := h.ix.Funcs[fn]
	if decl == nil || decl.Body == nil || h.busy[fn] || depth > 8 {
		return false
	}
	h.busy[fn] = true
	defer delete(h.busy, fn)
	found := false
	for _, ret := range OwnReturns(decl.Body) {
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
func (h *HeaderKeys) namedDerived(name *ast.Ident, depth int) bool {
	v, ok := h.ix.Info.Defs[name].(*types.Var)
	if !ok {
		return false
	}
	for _, d := range h.ix.Defs.Assigned(v) {
		if d.Expr != nil && d.Index < 0 && h.derived(d.Expr, depth+1) {
			return true
		}
	}
	return false
}

// headerMap reports whether e is a token's header map (golang-jwt
// token.Header, by the Type row's HeaderField), or a local copy of it.
func (h *HeaderKeys) headerMap(e ast.Expr, depth int) bool {
	ix := h.ix
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if ix.IsTokenField(x, func(t *Type) string { return t.HeaderField }) {
			return true
		}
	case *ast.Ident:
		if d, ok := ix.soleDef(ix.identVar(x)); ok && d.Index < 0 && depth <= 3 {
			return h.headerMap(d.Expr, depth+1)
		}
	}
	return false
}
