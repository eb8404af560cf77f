package jwtapi

import (
	"go/ast"
	"go/types"
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
}

// KeySinks lists every key sink of the package, in source order of
// discovery: signing calls, keyfunc returns, keyed config fields.
func (ix *Index) KeySinks() []*KeySink {
	var out []*KeySink
	for _, c := range ix.Calls {
		if c.Func.Role != RoleSign {
			continue
		}
		if k := c.Arg(c.Func.Key); k != nil {
			out = append(out, &KeySink{Kind: SinkSign, Key: k, Call: c, Alg: ix.CallAlg(c), API: ix.APIName(c)})
		}
	}
	for _, kf := range ix.Keyfuncs {
		for _, r := range kf.Returns {
			if len(r.Results) != 2 || isNil(ix.Info, r.Results[0]) {
				continue
			}
			out = append(out, &KeySink{Kind: SinkVerify, Key: r.Results[0], Keyfunc: kf, API: kf.API})
		}
	}
	for _, l := range ix.Lits {
		for name, v := range l.Fields {
			f := ix.Model.Field(l.Type, name)
			if f == nil || !f.Key {
				continue
			}
			out = append(out, &KeySink{Kind: SinkConfig, Key: v, Lit: l, API: typeName(l.Type) + "." + name})
		}
	}
	return out
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// APIName names a modelled call for messages: jwt.NewWithClaims,
// (*jwt.Token).SignedString, (*jwt.SigningMethodHMAC).Sign.
func (ix *Index) APIName(c *Call) string {
	pkg := c.Func.Pkg
	if fn, ok := ix.Info.Uses[calleeIdent(c.Expr)].(*types.Func); ok && fn.Pkg() != nil {
		pkg = fn.Pkg().Name()
	}
	if c.Func.Recv != "" {
		return "(*" + pkg + "." + c.Func.Recv + ")." + c.Func.Name
	}
	return pkg + "." + c.Func.Name
}

func calleeIdent(call *ast.CallExpr) *ast.Ident {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	case *ast.IndexExpr:
		if sel, ok := f.X.(*ast.SelectorExpr); ok {
			return sel.Sel
		}
	}
	return nil
}

func typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Name() + "." + n.Obj().Name()
	}
	return t.String()
}
