package jwtapi

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// The answers below serve the key inventory (jwtvet keys), which joins
// the key sinks of every package by the key's identity: which calls are
// given a keyfunc, which algorithms a call accepts, which token a signing
// call signs and what a key decoding call decodes.

// KeyfuncCall is a modelled call given a keyfunc: a parse (the keyfunc
// of its VerifyEvent) or a verifier built on one (go-kit NewParser, auth0
// validator.New).
type KeyfuncCall struct {
	Call *Call
	// Keyfunc is the keyfunc argument.
	Keyfunc ast.Expr
	// Func is the declared function or method the argument names (in
	// this package or another), nil when it is not a name (a literal,
	// a factory call).
	Func *types.Func
}

// KeyfuncCalls lists the modelled calls given a keyfunc argument, in the
// order of the index's calls.
func (ix *Index) KeyfuncCalls() []KeyfuncCall {
	var out []KeyfuncCall
	for _, c := range ix.Calls {
		arg := c.Arg(c.Func.Keyfunc)
		if arg == nil {
			continue
		}
		kc := KeyfuncCall{Call: c, Keyfunc: arg}
		kc.Func, _ = namedObj(ix.Info, arg).(*types.Func)
		out = append(out, kc)
	}
	return out
}

// AllowListsOf returns the allow-lists a call enforces: the one it takes
// itself (go-jose v4 ParseSigned(raw, algs)), then those of its options
// (jwt.WithValidMethods, see OptionCalls), in order. For a parse it is
// AllowListOf of the call followed by its event's AllowLists.
func (ix *Index) AllowListsOf(c *Call) []*AllowList {
	var out []*AllowList
	if l := ix.AllowListOf(c); l != nil {
		out = append(out, l)
	}
	opts, _ := ix.OptionCalls(c)
	for _, o := range opts {
		if l := ix.AllowListOf(o); l != nil {
			out = append(out, l)
		}
	}
	return out
}

// TokenMintOf returns the call that made the token a signing call signs
// from its receiver (jwt.NewWithClaims for tok.SignedString(key)): the
// receiver itself, or the one definition of the variable it names; nil
// when the call does not sign its receiver or the token is not made by a
// modelled new-token call. Its Mint (ExpiryReader.Mints) holds the
// token's claims.
func (ix *Index) TokenMintOf(c *Call) *Call {
	if c == nil || !c.Func.TokenFromRecv {
		return nil
	}
	recv := c.Recv()
	if d, ok := ix.soleDef(ix.identVar(recv)); ok && d.Index < 0 {
		recv = d.Expr
	}
	if recv == nil {
		return nil
	}
	if nc := ix.CallOf(recv); nc != nil && nc.Func.Role == RoleNewToken {
		return nc
	}
	return nil
}

// KeyMaterialOf returns the argument whose key material a call decodes
// or wraps into a library key (jwt.ParseRSAPrivateKeyFromPEM(pem),
// jwt.ParseRSAPublicKeyFromPEM(pem), jwk.FromRaw(raw)): the key is the
// one that argument holds. nil for any other call.
func (ix *Index) KeyMaterialOf(call *ast.CallExpr) ast.Expr {
	m, _, _ := ix.KeyDecodeOf(call)
	return m
}

// KeyDecodeOf says what a key decoding or wrapping call makes: ok when
// the call decodes a public or private key or wraps raw key material in
// a library key; public when the key it makes is a public key; material
// is the argument holding the key material, nil when the model names
// none.
func (ix *Index) KeyDecodeOf(call *ast.CallExpr) (material ast.Expr, public, ok bool) {
	fn, _ := typeutil.Callee(ix.Info, call).(*types.Func)
	return keyDecode(ix.Model.Func(fn), call)
}

// keyDecode is KeyDecodeOf for a call whose row is known.
func keyDecode(row *Func, call *ast.CallExpr) (material ast.Expr, public, ok bool) {
	if row == nil {
		return nil, false, false
	}
	switch row.Role {
	case RoleParsePrivateKey, RoleWrapKey:
		return ArgAt(call, row.Key), false, true
	case RoleParsePublicKey:
		return ArgAt(call, row.Key), true, true
	}
	return nil, false, false
}

// LitShape returns how a claims composite literal holds its expiry: the
// shape of its type (ShapeOf), or for a plain map of claims
// (map[string]any{"exp": …}), which the libraries encode as the token's
// JSON payload, the "exp" key.
func (c *ExpiryReader) LitShape(lit *ast.CompositeLit) *ClaimsShape {
	t := c.info.TypeOf(lit)
	if t == nil {
		return unknownShape
	}
	if s := c.ShapeOf(t); s.Kind != ShapeUnknown {
		return s
	}
	if m, ok := t.Underlying().(*types.Map); ok && IsStringType(m.Key()) {
		return jsonClaims
	}
	return unknownShape
}
