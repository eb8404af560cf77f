package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// Uses of the none algorithm: tokens created or signed with the none
// method, calls whose algorithm is none, the magic none key used as a key,
// and "none" in an allow-list.

// NoneKind says how a None event uses the none algorithm.
type NoneKind uint8

const (
	NoneUnknown NoneKind = iota
	// NoneNewToken: a token is created with a signing method that is, or
	// on some path may be, the none method (jwt.NewWithClaims(
	// jwt.SigningMethodNone, …)); At is the method argument.
	NoneNewToken
	// NoneMethodSign: the none method signs by itself
	// (jwt.SigningMethodNone.Sign(…)); At is the call.
	NoneMethodSign
	// NoneTokenMethod: a token literal whose Method is the none method is
	// signed ((&jwt.Token{Method: jwt.SigningMethodNone}).SignedString);
	// At is the Method value.
	NoneTokenMethod
	// NoneAlgSign: a call whose algorithm argument, or whose row's fixed
	// algorithm, is none signs (kataras jwt.Sign(jwt.NONE, …)); At is the
	// argument, or the call when the row fixes the algorithm.
	NoneAlgSign
	// NoneAlgVerify: as NoneAlgSign, for a call that verifies
	// (jwx WithInsecureNoSignature, kataras jwt.Verify(jwt.NONE, …)).
	NoneAlgVerify
	// NoneKeySign: the none key is the key of a signing call whose
	// algorithm is not known statically; At is the key.
	NoneKeySign
	// NoneKeyReturned: a keyfunc returns the none key as its key; At is
	// the key and Return the return statement.
	NoneKeyReturned
	// NoneKeyUsed: the none key is used as a value anywhere else (not
	// compared with, not a signing call's key); At is the value.
	NoneKeyUsed
	// NoneAllowed: "none" is an element of an allow-list; At is the
	// element, List the list and Elem the element.
	NoneAllowed
)

var noneKindNames = [...]string{"unknown", "new-token", "method-sign", "token-method", "alg-sign", "alg-verify", "key-sign", "key-returned", "key-used", "allowed"}

func (k NoneKind) String() string {
	if int(k) < len(noneKindNames) {
		return noneKindNames[k]
	}
	return "none?"
}

// None is one use of the none algorithm.
type None struct {
	Kind NoneKind
	At   ast.Expr
	// Call is the modelled call of the call kinds (NoneNewToken through
	// NoneKeySign).
	Call *Call
	// API names the call (see AlgCallName) or, for NoneAllowed, the
	// list's option or field.
	API string
	// Key names the none key variable as the code spells it
	// (jwt.UnsafeAllowNoneSignatureType), for the key kinds.
	Key string
	// Return is the keyfunc's return statement (NoneKeyReturned).
	Return *ast.ReturnStmt
	// File holds At.
	File *ast.File
	// List and Elem are the allow-list and its "none" element
	// (NoneAllowed).
	List *AllowList
	Elem AlgElem
}

// Nones returns the package's uses of the none algorithm: those of
// modelled calls in call order, then uses of the none key, then "none" in
// allow-lists.
func (ix *Index) Nones() []*None {
	var out []*None
	for _, call := range ix.Calls {
		out = append(out, ix.callNones(call)...)
	}
	for _, ref := range ix.Refs {
		if n := ix.noneKeyRef(ref); n != nil {
			out = append(out, n)
		}
	}
	for _, l := range ix.AllowLists() {
		for _, el := range l.Nones() {
			out = append(out, &None{Kind: NoneAllowed, At: el.Expr, API: l.API, List: l, Elem: el})
		}
	}
	return out
}

// callNones returns the uses of none by one modelled call.
func (ix *Index) callNones(call *Call) []*None {
	var out []*None
	add := func(k NoneKind, at ast.Expr) {
		out = append(out, &None{Kind: k, At: at, Call: call, API: ix.AlgCallName(call), File: call.File})
	}
	f := call.Func
	switch f.Role {
	case RoleNewToken:
		if m := call.Arg(f.Method); ix.MayBeNoneMethod(m) {
			add(NoneNewToken, m)
		}
	case RoleSign:
		if n := ix.signNone(call); n != nil {
			out = append(out, n)
		}
	}
	if f.Role == RoleNewToken || f.MethodFromRecv || f.TokenFromRecv {
		return out
	}
	var at ast.Expr = call.Expr
	switch m := call.Arg(f.Method); {
	case m != nil:
		if !ix.MayBeNoneMethod(m) {
			return out
		}
		at = m
	case f.Alg != AlgNone:
		return out
	}
	switch ix.KeyUse(call) {
	case SinkSign:
		add(NoneAlgSign, at)
	case SinkVerify:
		add(NoneAlgVerify, at)
	}
	return out
}

// signNone returns the use of none by a signing call: the none method's
// own Sign, a token literal whose Method is none, or the none key given to
// a call whose algorithm is not known.
func (ix *Index) signNone(call *Call) *None {
	f := call.Func
	n := &None{Call: call, API: ix.AlgCallName(call), File: call.File}
	switch {
	case f.MethodFromRecv:
		if r := call.Recv(); r != nil && ix.MayBeNoneMethod(r) {
			n.Kind, n.At = NoneMethodSign, call.Expr
			return n
		}
	case f.TokenFromRecv:
		if m := ix.noneTokenLiteral(call.Recv(), 0); m != nil {
			n.Kind, n.At = NoneTokenMethod, m
			return n
		}
	}
	key := call.Arg(f.Key)
	if key == nil || !ix.IsNoneKey(key) {
		return nil
	}
	// With a known algorithm the call either is a use of none already
	// or fails at run time (the magic key is no HMAC, RSA or ECDSA key).
	if ix.CallAlg(call) != "" {
		return nil
	}
	n.Kind, n.At, n.Key = NoneKeySign, key, ix.noneKeyName(key)
	return n
}

// MayBeNoneMethod reports whether a signing-method expression is, or on
// some path may be, the none method: jwt.SigningMethodNone,
// jwt.GetSigningMethod("none"), or a variable one of whose definitions is.
func (ix *Index) MayBeNoneMethod(e ast.Expr) bool { return ix.mayBeNoneMethod(e, 0) }

func (ix *Index) mayBeNoneMethod(e ast.Expr, depth int) bool {
	if e == nil || depth > 8 {
		return false
	}
	if ix.SigningAlg(e) == AlgNone {
		return true
	}
	for _, val := range ix.values(ix.identVar(e)) {
		if ix.mayBeNoneMethod(val, depth+1) {
			return true
		}
	}
	return false
}

// noneTokenLiteral returns the Method value of the token literal e comes
// from (&jwt.Token{Method: jwt.SigningMethodNone}) when that method may be
// none, or nil.
func (ix *Index) noneTokenLiteral(e ast.Expr, depth int) ast.Expr {
	if e == nil || depth > 8 {
		return nil
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		tv, ok := ix.Info.Types[lit]
		if !ok {
			return nil
		}
		t := ix.Model.Type(tv.Type)
		if t == nil || t.Role != TypeToken || t.MethodField == "" {
			return nil
		}
		for id, kv := range KeyedFields(lit) {
			if id.Name == t.MethodField && ix.MayBeNoneMethod(kv.Value) {
				return kv.Value
			}
		}
		return nil
	}
	for _, val := range ix.values(ix.identVar(e)) {
		if m := ix.noneTokenLiteral(val, depth+1); m != nil {
			return m
		}
	}
	return nil
}

// IsNoneKey reports whether e is the magic none key itself, possibly
// converted (any(jwt.UnsafeAllowNoneSignatureType)).
func (ix *Index) IsNoneKey(e ast.Expr) bool {
	v := ix.modelVarOf(StripConversions(ix.Info, e))
	return v != nil && v.Role == VarNoneKey
}

// noneKeyName names the none key e refers to as the code spells it.
func (ix *Index) noneKeyName(e ast.Expr) string {
	if id := refIdent(StripConversions(ix.Info, e)); id != nil {
		if n := qualifiedName(ix.Info.Uses[id]); n != "" {
			return n
		}
	}
	return "jwt.UnsafeAllowNoneSignatureType"
}

// qualifiedName returns pkg.Name for a package-level object, with the
// package's own name: how code names a library variable or type
// (jwt.UnsafeAllowNoneSignatureType), the core of FieldAPIName.
func qualifiedName(obj types.Object) string {
	if obj == nil {
		return ""
	}
	if obj.Pkg() == nil {
		return obj.Name()
	}
	return obj.Pkg().Name() + "." + obj.Name()
}

// noneKeyRef returns the use of the none key a reference to it makes, or
// nil for a comparison with it, a case of a switch, or the key of a
// signing call (a NoneKeySign when it matters).
func (ix *Index) noneKeyRef(ref *Ref) *None {
	if ref.Var == nil || ref.Var.Role != VarNoneKey || ref.File == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(ref.File, ref.Ident.Pos(), ref.Ident.End())
	if len(path) < 2 {
		return nil
	}
	// Climb from the identifier to the whole value: the qualified name,
	// parentheses and conversions around it.
	i := 0
	if sel, ok := path[1].(*ast.SelectorExpr); ok && sel.Sel == ref.Ident {
		i = 1
	}
	for i+1 < len(path) && ix.wrapsValue(path[i+1]) {
		i++
	}
	value, _ := path[i].(ast.Expr)
	if value == nil || i+1 >= len(path) {
		return nil
	}
	n := &None{Kind: NoneKeyUsed, At: value, Key: qualifiedName(ix.Info.Uses[ref.Ident]), File: ref.File}
	switch p := path[i+1].(type) {
	case *ast.BinaryExpr:
		if p.Op == token.EQL || p.Op == token.NEQ {
			return nil
		}
	case *ast.CaseClause:
		return nil
	case *ast.CallExpr:
		if call := ix.CallOf(p); call != nil && call.Func.Role == RoleSign && call.Arg(call.Func.Key) == value {
			return nil // a NoneKeySign, or a call of known algorithm
		}
	case *ast.ReturnStmt:
		if ix.keyfuncHolding(path[i+1:]) != nil && len(p.Results) == 2 && p.Results[0] == value {
			n.Kind, n.Return = NoneKeyReturned, p
		}
	}
	return n
}

// wrapsValue reports whether n only wraps the value below it: parentheses
// or a conversion.
func (ix *Index) wrapsValue(n ast.Node) bool {
	switch p := n.(type) {
	case *ast.ParenExpr:
		return true
	case *ast.CallExpr:
		tv, ok := ix.Info.Types[p.Fun]
		return ok && tv.IsType() && len(p.Args) == 1
	}
	return false
}

// keyfuncHolding returns the keyfunc whose own body holds the innermost
// node of path, or nil.
func (ix *Index) keyfuncHolding(path []ast.Node) *Keyfunc {
	for _, n := range path {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return ix.KeyfuncAt(n)
		}
	}
	return nil
}
