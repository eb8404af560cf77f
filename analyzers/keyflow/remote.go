package keyflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Remote keys: verification keys fetched at run time from a remote key set,
// a JWKS URL or an OIDC discovery document. Tokens verified with them are
// issued by someone else (an identity provider), so their audience says
// whether they were meant for this program. The model marks the calls that
// fetch such keys (RemoteKeys), the methods whose result holds their
// receiver's keys (KeysOfRecv) and the arguments a verification or key
// set takes its keys from (OptKeySet, a keyfunc argument); RemoteKeys
// follows a key, key set, keyfunc or verifier expression back through
// variables, struct fields, function literals and this package's
// functions to such a call.

// Remote is where remote keys come from: the modelled call that fetches
// them, or, when the value comes from outside what the package shows (a
// parameter, a field set in another package), the type whose values always
// hold such keys (a go-oidc Provider, a jwk.Cache).
type Remote struct {
	Call *jwtapi.Call
	Type types.Type
}

// RemoteKeys returns where the remote keys e holds or verifies with come
// from, or nil when e's keys are not known to come from a remote key set.
func (f *Flow) RemoteKeys(e ast.Expr) *Remote {
	if e == nil || f.ix.Skipped {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.remote(e, make(map[types.Object]bool), 0)
}

// Built returns the modelled calls whose results e may hold: a verifier,
// parser or key set built by a library call and kept in a variable or
// field, or returned by a function of this package.
func (f *Flow) Built(e ast.Expr) []*jwtapi.Call {
	if e == nil || f.ix.Skipped {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []*jwtapi.Call
	f.built(e, make(map[types.Object]bool), 0, &out)
	return out
}

// remote is RemoteKeys without the lock.
func (f *Flow) remote(e ast.Expr, seen map[types.Object]bool, depth int) *Remote {
	if e == nil || depth > maxDepth {
		return nil
	}
	e = ast.Unparen(e)
	if r := f.remoteExpr(e, seen, depth); r != nil {
		return r
	}
	if t := f.info.TypeOf(e); t != nil {
		if f.ix.Model.IsRemoteKeySetType(t) {
			return &Remote{Type: t}
		}
	}
	return nil
}

// remoteExpr follows e by its shape.
func (f *Flow) remoteExpr(e ast.Expr, seen map[types.Object]bool, depth int) *Remote {
	switch x := e.(type) {
	case *ast.CallExpr:
		if tv, ok := f.info.Types[x.Fun]; ok && tv.IsType() {
			if len(x.Args) == 1 {
				return f.remote(x.Args[0], seen, depth+1)
			}
			return nil
		}
		if c := f.ix.CallOf(x); c != nil {
			return f.remoteOfCall(c, seen, depth)
		}
		if _, isFunc := f.info.Uses[jwtapi.CalleeIdent(x)].(*types.Func); !isFunc {
			// A call of a function value (k.KeyfuncCtx(ctx)(t), kf(t)):
			// the keys it returns are the function's.
			return f.remote(x.Fun, seen, depth+1)
		}
		return f.remoteOfFunc(f.calleeDecl(x), seen, depth)
	case *ast.SelectorExpr:
		if sel, ok := f.info.Selections[x]; ok {
			switch sel.Kind() {
			case types.MethodVal:
				fn, _ := sel.Obj().(*types.Func)
				if holds, modelled := f.ix.Model.HoldsRecvKeys(fn); modelled {
					if holds {
						// k.Keyfunc passed as a keyfunc: the keys of k.
						return f.remote(x.X, seen, depth+1)
					}
					return nil
				}
				if fn != nil {
					return f.remoteOfFunc(f.ix.Funcs[fn.Origin()], seen, depth)
				}
				return nil
			case types.FieldVal:
				return f.remoteOfVar(sel.Obj(), seen, depth)
			}
			return nil
		}
		return f.remoteOfObj(f.info.Uses[x.Sel], seen, depth)
	case *ast.Ident:
		return f.remoteOfObj(f.info.Uses[x], seen, depth)
	case *ast.FuncLit:
		return f.remoteOfReturns(x.Body, seen, depth)
	case *ast.TypeAssertExpr:
		return f.remote(x.X, seen, depth+1)
	case *ast.StarExpr:
		return f.remote(x.X, seen, depth+1)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return f.remote(x.X, seen, depth+1)
		}
	case *ast.CompositeLit:
		// A struct or list that holds a remote key source (keyfunc.Options{
		// Storage: s}, []string{url} does not count: a URL is no key set).
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if c := f.remote(elt, seen, depth+1); c != nil {
				return c
			}
		}
	}
	return nil
}

// remoteOfCall follows a modelled call: one that fetches remote keys, one
// whose result holds its receiver's keys, or one that takes its keys from
// an argument (a key set, a keyfunc).
func (f *Flow) remoteOfCall(c *jwtapi.Call, seen map[types.Object]bool, depth int) *Remote {
	ks := f.ix.KeySourceOf(c)
	switch {
	case ks.Fetches:
		return &Remote{Call: c}
	case ks.OfRecv:
		return f.remote(c.Recv(), seen, depth+1)
	}
	for _, arg := range ks.From {
		if r := f.remote(arg, seen, depth+1); r != nil {
			return r
		}
	}
	return nil
}

func (f *Flow) remoteOfObj(obj types.Object, seen map[types.Object]bool, depth int) *Remote {
	switch o := obj.(type) {
	case *types.Var:
		return f.remoteOfVar(o, seen, depth)
	case *types.Func:
		return f.remoteOfFunc(f.ix.Funcs[o.Origin()], seen, depth)
	}
	return nil
}

// remoteOfVar follows every definition of a variable or struct field seen
// in this package (assignments and composite-literal values): one remote
// definition makes the value remote, since the verification then accepts
// tokens signed with those keys.
func (f *Flow) remoteOfVar(obj types.Object, seen map[types.Object]bool, depth int) *Remote {
	v, ok := obj.(*types.Var)
	if !ok || seen[v] || v.Pkg() != f.pass.Pkg {
		return nil
	}
	seen[v] = true
	if f.ix.Defs.IsParam(v) {
		return f.remoteOfParam(v, seen, depth)
	}
	defs, _ := f.ix.Defs.Of(v)
	for _, d := range defs {
		if d.Expr == nil {
			continue
		}
		if c := f.remote(d.Expr, seen, depth+1); c != nil {
			return c
		}
	}
	if v.IsField() {
		for _, val := range f.ix.Defs.LitValues(v) {
			if c := f.remote(val, seen, depth+1); c != nil {
				return c
			}
		}
	}
	return nil
}

// remoteOfParam follows a parameter of a function declared in this
// package to the arguments of the calls of that function in the package
// (a constructor handed the key set by the code that fetched it).
func (f *Flow) remoteOfParam(v *types.Var, seen map[types.Object]bool, depth int) *Remote {
	s := f.scanCalls()
	pp, ok := s.paramOf[v]
	if !ok {
		pp, ok = s.methodParam[v]
	}
	if !ok {
		return nil
	}
	fn, idx := pp.fn, pp.index
	if sig, ok := fn.Type().(*types.Signature); !ok || (sig.Variadic() && idx == sig.Params().Len()-1) {
		return nil
	}
	for _, call := range s.calls[fn] {
		if idx >= len(call.Args) {
			continue
		}
		if r := f.remote(call.Args[idx], seen, depth+1); r != nil {
			return r
		}
	}
	return nil
}

func (f *Flow) remoteOfFunc(decl *ast.FuncDecl, seen map[types.Object]bool, depth int) *Remote {
	if decl == nil || decl.Body == nil {
		return nil
	}
	if obj, ok := f.info.Defs[decl.Name]; ok && obj != nil {
		if seen[obj] {
			return nil
		}
		seen[obj] = true
	}
	return f.remoteOfReturns(decl.Body, seen, depth)
}

// remoteOfReturns follows the first result of a function's own returns:
// the key, key set or verifier it hands back.
func (f *Flow) remoteOfReturns(body *ast.BlockStmt, seen map[types.Object]bool, depth int) *Remote {
	for _, ret := range jwtapi.OwnReturns(body) {
		if len(ret.Results) == 0 {
			continue
		}
		if c := f.remote(ret.Results[0], seen, depth+1); c != nil {
			return c
		}
	}
	return nil
}

// calleeDecl returns the declaration in this package of a called function
// or method, or nil.
func (f *Flow) calleeDecl(call *ast.CallExpr) *ast.FuncDecl {
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		id = fun.Sel
	default:
		return nil
	}
	fn, _ := f.info.Uses[id].(*types.Func)
	if fn == nil {
		return nil
	}
	return f.ix.Funcs[fn.Origin()]
}

// built is Built without the lock.
func (f *Flow) built(e ast.Expr, seen map[types.Object]bool, depth int, out *[]*jwtapi.Call) {
	if e == nil || depth > maxDepth {
		return
	}
	e = ast.Unparen(e)
	var obj types.Object
	switch x := e.(type) {
	case *ast.CallExpr:
		if c := f.ix.CallOf(x); c != nil {
			*out = append(*out, c)
			return
		}
		if decl := f.calleeDecl(x); decl != nil && decl.Body != nil {
			if o := f.info.Defs[decl.Name]; o != nil && !seen[o] {
				seen[o] = true
				for _, ret := range jwtapi.OwnReturns(decl.Body) {
					if len(ret.Results) > 0 {
						f.built(ret.Results[0], seen, depth+1, out)
					}
				}
			}
		}
		return
	case *ast.StarExpr:
		f.built(x.X, seen, depth+1, out)
		return
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			f.built(x.X, seen, depth+1, out)
		}
		return
	case *ast.Ident:
		obj = f.info.Uses[x]
	case *ast.SelectorExpr:
		if sel, ok := f.info.Selections[x]; ok {
			if sel.Kind() != types.FieldVal {
				return
			}
			obj = sel.Obj()
		} else {
			obj = f.info.Uses[x.Sel]
		}
	default:
		return
	}
	v, ok := obj.(*types.Var)
	if !ok || seen[v] || v.Pkg() != f.pass.Pkg {
		return
	}
	seen[v] = true
	defs, _ := f.ix.Defs.Of(v)
	for _, d := range defs {
		if d.Expr != nil {
			f.built(d.Expr, seen, depth+1, out)
		}
	}
	if v.IsField() {
		for _, val := range f.ix.Defs.LitValues(v) {
			f.built(val, seen, depth+1, out)
		}
	}
}
