package jwtapi

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Reads of the algorithm a token claims, for hand-written header checks:
// the decoded header's "alg" entry, the signing method the parser picked
// from it, and the standard string functions such checks apply to it.

// HeaderAlgRead returns a description of e for messages when e reads the
// token's alg from a decoded header: the header field of a modelled token
// indexed by "alg" (token.Header["alg"]), any map[string]... indexed by
// "alg" in a package that uses a modelled library, or a struct field
// tagged json:"alg" (in a struct of JOSE header fields when the package
// uses no modelled library). It returns "" for anything else.
func (ix *Index) HeaderAlgRead(e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		if k, ok := ConstString(ix.Info, x.Index); !ok || k != "alg" {
			return ""
		}
		tv, ok := ix.Info.Types[x.X]
		if !ok || tv.Type == nil {
			return ""
		}
		m, ok := tv.Type.Underlying().(*types.Map)
		if !ok {
			return ""
		}
		if b, ok := m.Key().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
			return ""
		}
		if sel, ok := ast.Unparen(x.X).(*ast.SelectorExpr); ok {
			if s := ix.Info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
				if t := ix.Model.Type(s.Recv()); t != nil && t.Role == TypeToken && t.HeaderField == sel.Sel.Name {
					return FieldAPIName(s.Recv(), sel.Sel.Name) + `["alg"]`
				}
			}
		}
		// Any map's "alg" entry is a header only where JWTs are handled
		// (elsewhere it may name a compression or hash algorithm).
		if ix.UsesLibrary {
			return `the header's "alg"`
		}
	case *ast.SelectorExpr:
		s := ix.Info.Selections[x]
		if s == nil || s.Kind() != types.FieldVal {
			return ""
		}
		if st, name := jsonField(s); name == "alg" && (ix.UsesLibrary || hasJOSEField(st)) {
			return `the header's "alg"`
		}
	}
	return ""
}

// TokenMethodRead returns a description of e for messages when e reads
// the signing method the parser picked from a modelled token's header
// (token.Method), or "".
func (ix *Index) TokenMethodRead(e ast.Expr) string {
	x, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	s := ix.Info.Selections[x]
	if s == nil || s.Kind() != types.FieldVal {
		return ""
	}
	if t := ix.Model.Type(s.Recv()); t != nil && t.Role == TypeToken && t.MethodField == x.Sel.Name {
		return FieldAPIName(s.Recv(), x.Sel.Name)
	}
	return ""
}

// joseHeaderNames are the registered JOSE header parameters besides alg
// (RFC 7515 §4.1, RFC 7516 §4.1).
var joseHeaderNames = map[string]bool{
	"typ": true, "cty": true, "kid": true, "jku": true, "jwk": true, "x5u": true,
	"x5c": true, "x5t": true, "x5t#S256": true, "crit": true, "enc": true, "zip": true,
}

// hasJOSEField reports whether a struct has a field tagged with another
// JOSE header name, which makes its "alg" field a JOSE header's.
func hasJOSEField(st *types.Struct) bool {
	if st == nil {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
		if joseHeaderNames[name] {
			return true
		}
	}
	return false
}

// jsonField returns the struct that declares the field a selection reads
// and the field's JSON name from its tag, or "".
func jsonField(s *types.Selection) (*types.Struct, string) {
	t := s.Recv()
	idx := s.Index()
	for i, fi := range idx {
		if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := types.Unalias(t).Underlying().(*types.Struct)
		if !ok || fi >= st.NumFields() {
			return nil, ""
		}
		if i == len(idx)-1 {
			name, _, _ := strings.Cut(reflect.StructTag(st.Tag(fi)).Get("json"), ",")
			return st, name
		}
		t = st.Field(fi).Type()
	}
	return nil, ""
}

// StringOpKind says what a standard string function does.
type StringOpKind uint8

const (
	StringOpNone StringOpKind = iota
	// StringEqualFold compares X and Y ignoring case (strings.EqualFold).
	StringEqualFold
	// StringContains tests whether the list X holds Y (slices.Contains).
	StringContains
	// StringTransform yields Transform of X (strings.ToLower, ToUpper,
	// TrimSpace, fmt.Sprint(x), fmt.Sprintf("%v" or "%s", x)).
	StringTransform
)

// StringOp is a call of a standard function that compares or transforms
// strings, with its operands.
type StringOp struct {
	Kind      StringOpKind
	X, Y      ast.Expr
	Transform func(string) string
}

// StringOpOf returns what a call of a standard string function does with
// its operands; Kind is StringOpNone for any other call.
func StringOpOf(info *types.Info, call *ast.CallExpr) StringOp {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || len(call.Args) == 0 {
		return StringOp{}
	}
	same := func(s string) string { return s }
	args := call.Args
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "strings.EqualFold":
		if len(args) == 2 {
			return StringOp{Kind: StringEqualFold, X: args[0], Y: args[1]}
		}
	case "slices.Contains":
		if len(args) == 2 {
			return StringOp{Kind: StringContains, X: args[0], Y: args[1]}
		}
	case "strings.ToLower":
		return StringOp{Kind: StringTransform, X: args[0], Transform: strings.ToLower}
	case "strings.ToUpper":
		return StringOp{Kind: StringTransform, X: args[0], Transform: strings.ToUpper}
	case "strings.TrimSpace":
		return StringOp{Kind: StringTransform, X: args[0], Transform: same}
	case "fmt.Sprint":
		if len(args) == 1 {
			return StringOp{Kind: StringTransform, X: args[0], Transform: same}
		}
	case "fmt.Sprintf":
		if f, ok := ConstString(info, args[0]); ok && len(args) == 2 && (f == "%v" || f == "%s") {
			return StringOp{Kind: StringTransform, X: args[1], Transform: same}
		}
	}
	return StringOp{}
}

// ArgsByParam maps each parameter of sig to the argument call passes it,
// for a call that passes one argument per parameter (not variadic, no
// spread); nil otherwise.
func ArgsByParam(sig *types.Signature, call *ast.CallExpr) map[*types.Var]ast.Expr {
	if sig == nil || sig.Variadic() || call.Ellipsis.IsValid() || sig.Params().Len() != len(call.Args) {
		return nil
	}
	out := make(map[*types.Var]ast.Expr, len(call.Args))
	for i := 0; i < sig.Params().Len(); i++ {
		out[sig.Params().At(i)] = call.Args[i]
	}
	return out
}
