package jwtapi

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Calls of transport rows with their arguments read, and the reads of
// cookie structs: where a signed token could leave the program.

// TransportCall is a call of a Transport row.
type TransportCall struct {
	Expr *ast.CallExpr
	Kind TransportKind
	// Cookie is the cookie struct argument (nil when absent); a SetCookie
	// without one takes the cookie's fields as arguments (ByFields).
	Cookie ast.Expr
	// ByFields: a SetCookie that takes the cookie's Value, Secure and
	// HTTPOnly as arguments (gin's Context.SetCookie).
	ByFields bool
	// Value, Secure, HTTPOnly, Key and URL are the arguments of the row's
	// columns, nil when absent.
	Value, Secure, HTTPOnly, Key, URL ast.Expr
	// Request is the outgoing request the call works on: the receiver of
	// a RequestCookie, or the request whose header field is the receiver
	// of a SetHeader (req.Header.Set); nil otherwise.
	Request ast.Expr
	// ResponseHeader: a SetHeader on a header map a call returns
	// (w.Header().Set), a response's rather than a request's.
	ResponseHeader bool
}

// TransportCallOf returns the transport call call is, or nil.
func (m *Model) TransportCallOf(info *types.Info, call *ast.CallExpr) *TransportCall {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	t := m.Transport(fn)
	if t == nil {
		return nil
	}
	arg := func(i int) ast.Expr {
		if i < 0 || i >= len(call.Args) {
			return nil
		}
		return call.Args[i]
	}
	tc := &TransportCall{Expr: call, Kind: t.Kind, Cookie: arg(t.Cookie), ByFields: t.Kind == SetCookie && t.Cookie < 0,
		Value: arg(t.Value), Secure: arg(t.Secure), HTTPOnly: arg(t.HTTPOnly), Key: arg(t.Key), URL: arg(t.URL)}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return tc
	}
	switch t.Kind {
	case RequestCookie:
		tc.Request = sel.X
	case SetHeader:
		switch x := ast.Unparen(sel.X).(type) {
		case *ast.SelectorExpr:
			if x.Sel.Name == RequestHeaderField {
				tc.Request = x.X
			}
		case *ast.CallExpr:
			tc.ResponseHeader = true
		}
	}
	return tc
}

// KeyedValues returns the values a keyed composite literal gives field.
func KeyedValues(lit *ast.CompositeLit, field string) []ast.Expr {
	var out []ast.Expr
	for id, kv := range KeyedFields(lit) {
		if id.Name == field {
			out = append(out, kv.Value)
		}
	}
	return out
}

// SignedTokenResult reports, for a call of a modelled function, whether
// its result i (from 0) is the signed token in compact form, and names the
// call for messages; modelled is false when the callee has no row.
func (ix *Index) SignedTokenResult(call *ast.CallExpr, i int) (api string, signed, modelled bool) {
	fn, ok := typeutil.Callee(ix.Info, call).(*types.Func)
	if !ok {
		return "", false, false
	}
	row := ix.Model.Func(fn)
	if row == nil {
		return "", false, false
	}
	if row.TokenResult != i+1 {
		return "", false, true
	}
	if c := ix.CallOf(call); c != nil {
		return ix.APIName(c), true, true
	}
	return fn.Pkg().Name() + "." + fn.Name(), true, true
}
