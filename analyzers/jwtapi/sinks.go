package jwtapi

import (
	"go/ast"
	"go/types"
	"sort"
)

// SinkKind says what a key is used for at a sink.
type SinkKind uint8

const (
	SinkSign   SinkKind = iota + 1 // signs tokens
	SinkVerify                     // verifies tokens (keyfunc result, verifier config)
	SinkConfig                     // a middleware or library config field holding the key
)

// KeySink is one place where key material reaches a JWT library.
type KeySink struct {
	Kind SinkKind
	// Key is the key expression.
	Key ast.Expr
	// Call is the signing call, for SinkSign; nil otherwise.
	Call *Call
	// Keyfunc is the keyfunc returning Key, for keyfunc results.
	Keyfunc *Keyfunc
	// Lit is the config literal, for SinkConfig.
	Lit *Lit
	// Alg is the algorithm the key is used with, when known statically.
	Alg string
	// API names the library call or type for messages, e.g.
	// "(*jwt.Token).SignedString" or "jwt.Keyfunc".
	API string
	// Pkg is the library package the key is handed to (for its Package
	// row: whether it accepts an empty key).
	Pkg string
}

// KeySinks lists every key sink of the package, in source order of
// discovery: calls with key arguments (signing calls, signer and verifier
// constructors, verification calls, key options), keyfunc returns, keyed
// config fields. It is the one place rules get sinks from.
func (ix *Index) KeySinks() []*KeySink {
	var out []*KeySink
	for _, c := range ix.Calls {
		if c.Func.Key < 0 && len(c.Func.VerifyKeys) == 0 {
			continue
		}
		kind := ix.KeyUse(c)
		if kind == 0 {
			continue // key decoding and wrapping: not a use of the key
		}
		if k := c.Arg(c.Func.Key); k != nil {
			out = append(out, &KeySink{Kind: kind, Key: k, Call: c, Alg: ix.CallAlg(c), API: ix.APIName(c), Pkg: c.Func.Pkg})
		}
		for _, i := range c.Func.VerifyKeys {
			if k := c.Arg(i); k != nil && !IsNil(ix.Info, k) {
				out = append(out, &KeySink{Kind: SinkVerify, Key: k, Call: c, Alg: ix.CallAlg(c), API: ix.APIName(c), Pkg: c.Func.Pkg})
			}
		}
	}
	for _, kf := range ix.Keyfuncs {
		kind := SinkVerify
		if kf.Signs {
			kind = SinkSign
		}
		results := keyfuncResults(ix.Info, kf)
		for _, r := range kf.Returns {
			if results < 1 || len(r.Results) != results || IsNil(ix.Info, r.Results[0]) {
				continue
			}
			out = append(out, &KeySink{Kind: kind, Key: r.Results[0], Keyfunc: kf, Alg: kf.Alg, API: kf.API, Pkg: kf.Pkg})
		}
	}
	for _, l := range ix.Lits {
		for _, name := range sortedFields(l) {
			v := l.Fields[name]
			f := ix.Model.Field(l.Type, name)
			if f == nil || (!f.Key && !f.KeyMap) {
				continue
			}
			alg := f.AlgDefault
			if f.AlgField != "" {
				if a, set := l.Fields[f.AlgField]; set {
					alg = ix.SigningAlg(a)
				}
			}
			api := typeName(l.Type) + "." + name
			if f.Key {
				out = append(out, &KeySink{Kind: SinkConfig, Key: v, Lit: l, Alg: alg, API: api, Pkg: f.Pkg})
				continue
			}
			for _, k := range ix.mapValues(v) {
				out = append(out, &KeySink{Kind: SinkConfig, Key: k, Lit: l, Alg: alg, API: api, Pkg: f.Pkg})
			}
		}
	}
	return out
}

// KeyUse says what a call's key (and algorithm) argument is used for: the
// row's KeyUse column, else what its role implies; an option is what the
// call it is passed to makes of it. 0 when the call only decodes or wraps a
// key.
func (ix *Index) KeyUse(c *Call) SinkKind {
	if c.Func.KeyUse != 0 {
		return c.Func.KeyUse
	}
	switch c.Func.Role {
	case RoleSign, RoleNewSigner:
		return SinkSign
	case RoleParse, RoleVerify, RoleNewVerifier, RoleMiddleware:
		return SinkVerify
	case RoleOption:
		// A key option (jwx WithKey) is what the call it is passed to
		// makes of it.
		if c.Outer != nil {
			if k := ix.KeyUse(c.Outer); k == SinkSign || k == SinkVerify {
				return k
			}
			switch c.Outer.Func.Role {
			case RoleSign, RoleNewToken:
				return SinkSign
			case RoleParse, RoleNewParser, RoleVerify:
				return SinkVerify
			}
		}
		return SinkConfig
	}
	return 0
}

// keyfuncResults is the number of results of a keyfunc's signature.
func keyfuncResults(info *types.Info, kf *Keyfunc) int {
	if kf.Type == nil || kf.Type.Results == nil {
		return 0
	}
	n := 0
	for _, f := range kf.Type.Results.List {
		if len(f.Names) == 0 {
			n++
		} else {
			n += len(f.Names)
		}
	}
	return n
}

// sortedFields returns the names of a literal's fields (keyed or
// positional) in order.
func sortedFields(l *Lit) []string {
	names := make([]string, 0, len(l.Fields))
	for name := range l.Fields {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// mapValues returns the values of a map composite literal, or of the
// literals a local variable is only ever defined as.
func (ix *Index) mapValues(e ast.Expr) []ast.Expr {
	var lits []*ast.CompositeLit
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		lits = append(lits, x)
	case *ast.Ident:
		v, ok := ix.Info.Uses[x].(*types.Var)
		if !ok {
			return nil
		}
		defs, ok := ix.Defs.Of(v)
		if !ok {
			return nil
		}
		for _, d := range defs {
			l, isLit := ast.Unparen(d.Expr).(*ast.CompositeLit)
			if !isLit || d.Index >= 0 {
				return nil
			}
			lits = append(lits, l)
		}
	}
	var out []ast.Expr
	for _, l := range lits {
		for _, elt := range l.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				out = append(out, kv.Value)
			}
		}
	}
	return out
}

// APIName names a modelled call for messages: jwt.NewWithClaims,
// (*jwt.Token).SignedString, (*jwt.SigningMethodHMAC).Sign. It is the
// name of the model row (its Recv and Name), always with a pointer
// receiver, as most messages of the key and expiry rules spell it; see
// APINameOf for a function the model need not know and AlgCallName for
// the spelling of algorithm messages. The fixtures pin each spelling.
func (ix *Index) APIName(c *Call) string {
	pkg := ix.calleePkgName(c)
	if pkg == "" {
		pkg = c.Func.Pkg
	}
	if c.Func.Recv != "" {
		return "(*" + pkg + "." + c.Func.Recv + ")." + c.Func.Name
	}
	return pkg + "." + c.Func.Name
}

// calleePkgName returns the name of the package of a call's function,
// as the code imports it, or "" when the callee is not a known function.
func (ix *Index) calleePkgName(c *Call) string {
	if fn, ok := ix.Info.Uses[CalleeIdent(c.Expr)].(*types.Func); ok && fn.Pkg() != nil {
		return fn.Pkg().Name()
	}
	return ""
}

// typeName names a type for messages: pkg.Type for a named type or a
// pointer to one, else the type's own spelling.
func typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Name() + "." + n.Obj().Name()
	}
	return t.String()
}

// CalleeIdent returns the identifier naming a call's function: f in f(),
// x.f(), x.f[T]() and x.f[T, U](); nil for other shapes.
func CalleeIdent(call *ast.CallExpr) *ast.Ident {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	case *ast.IndexExpr:
		return CalleeIdent(&ast.CallExpr{Fun: f.X})
	case *ast.IndexListExpr:
		return CalleeIdent(&ast.CallExpr{Fun: f.X})
	}
	return nil
}
