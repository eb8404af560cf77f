package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// declIndex records, for one top-level declaration, every identifier that
// refers to each variable, so the uses of a claims or token variable can
// be read in their context (parents come from the package's Index.Parent).
type declIndex struct {
	ix     *Index
	decl   ast.Decl
	file   *ast.File
	idents map[*types.Var][]*ast.Ident
}

// declAt returns the index of the top-level declaration holding pos.
func (c *ExpiryReader) declAt(pos token.Pos) *declIndex {
	f := c.ix.FileAt(pos)
	if f == nil {
		return nil
	}
	for _, d := range f.Decls {
		if d.Pos() <= pos && pos < d.End() {
			return c.declIndex(d, f)
		}
	}
	return nil
}

func (c *ExpiryReader) declIndex(d ast.Decl, f *ast.File) *declIndex {
	if di, ok := c.decls[d]; ok {
		return di
	}
	di := &declIndex{ix: c.ix, decl: d, file: f, idents: make(map[*types.Var][]*ast.Ident)}
	ast.Inspect(d, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			obj := c.info.Uses[id]
			if obj == nil {
				obj = c.info.Defs[id]
			}
			if v, ok := obj.(*types.Var); ok {
				di.idents[v] = append(di.idents[v], id)
			}
		}
		return true
	})
	c.decls[d] = di
	return di
}

// up returns the parent of n, skipping parentheses.
func (di *declIndex) up(n ast.Node) ast.Node { return di.ix.ParentSkipParens(n) }

// isLocal reports whether v is a variable declared inside a function of
// this package, other than a parameter or named result.
func (c *ExpiryReader) isLocal(v *types.Var) bool {
	if v == nil || v.IsField() || v.Pkg() != c.pass.Pkg || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return false
	}
	return !c.ix.Defs.IsParam(v)
}

// Expiry is what is known about a claims value's expiry.
type Expiry uint8

const (
	ExpiryNo      Expiry = iota // no expiry is ever set
	ExpirySet                   // an expiry is set
	ExpiryUnknown               // cannot tell: the value escapes or comes from unseen code
)

// expResult is the expiry state of a claims value, and, when it has none,
// the composite literals where one could be added.
type expResult struct {
	st      Expiry
	targets []*ExpiryTarget
}

var (
	expYes     = expResult{st: ExpirySet}
	expUnknown = expResult{st: ExpiryUnknown}
)

// joinExpiry combines the results of values that all reach the token: the token
// lacks exp only when every one of them does.
func joinExpiry(rs ...expResult) expResult {
	out := expResult{st: ExpiryNo}
	for _, r := range rs {
		if r.st != ExpiryNo {
			return r
		}
		out.targets = append(out.targets, r.targets...)
	}
	return out
}

// expEffect is what one use of a claims value does to its expiry.
type expEffect struct {
	st    Expiry       // ExpirySet or ExpiryUnknown settle it; ExpiryNo: no change
	def   ast.Expr     // a new value for the whole variable (or an embedded claims part)
	index int          // expResult index when def is a multi-valued call
	shape *ClaimsShape // the shape def must be read with
	zero  bool         // a declaration without value: the zero value
}

// useEffect climbs from a use of a claims value (an identifier, or a type
// assertion of a token's claims) to the statement that consumes it, and
// says what that does to the expiry. sh is the value's shape.
func (c *ExpiryReader) useEffect(di *declIndex, root ast.Expr, sh *ClaimsShape) expEffect {
	e := ast.Node(root)
	var field *types.Var // the last field selected on the way up
	var indexKey ast.Expr
	depth := 0 // selectors and indexes climbed
	for {
		p := di.up(e)
		switch p := p.(type) {
		case *ast.SelectorExpr:
			if p.X != e && ast.Unparen(p.X) != e {
				return expEffect{}
			}
			sel := c.info.Selections[p]
			if sel == nil {
				return expEffect{st: ExpiryUnknown}
			}
			if sel.Kind() != types.FieldVal {
				return c.methodEffect(di, p, sel)
			}
			field, _ = sel.Obj().(*types.Var)
			e = p
			depth++
			continue
		case *ast.IndexExpr:
			if p.X != e && ast.Unparen(p.X) != e {
				return expEffect{} // used as an index: a read
			}
			if depth == 0 {
				indexKey = p.Index
			}
			e = p
			depth++
			continue
		case *ast.StarExpr:
			e = p
			continue
		}
		break
	}
	p := di.up(e)
	switch p := p.(type) {
	case *ast.AssignStmt:
		for i, l := range p.Lhs {
			if ast.Unparen(l) != e {
				continue
			}
			var rhs ast.Expr
			index := -1
			if len(p.Lhs) == len(p.Rhs) {
				rhs = p.Rhs[i]
			} else if len(p.Rhs) == 1 {
				rhs, index = p.Rhs[0], i
			}
			return c.writeEffect(e, root, p.Tok, field, indexKey, depth, rhs, index, sh)
		}
		return c.aliasEffect(di, e)
	case *ast.IncDecStmt:
		if c.isExpiryField(field) {
			return expEffect{st: ExpirySet}
		}
		return expEffect{}
	case *ast.UnaryExpr:
		if p.Op != token.AND {
			return expEffect{}
		}
		if c.isClaimsArg(di, p) {
			return expEffect{}
		}
		return expEffect{st: ExpiryUnknown}
	case *ast.CallExpr:
		if ast.Unparen(p.Fun) == e {
			return expEffect{} // calling a func-typed field
		}
		return c.argEffect(di, p, e)
	case *ast.ValueSpec:
		for i, n := range p.Names {
			if n == e {
				if len(p.Values) == 0 {
					return expEffect{zero: true}
				}
				if len(p.Values) == len(p.Names) {
					return expEffect{def: p.Values[i], index: -1, shape: sh}
				}
				return expEffect{def: p.Values[0], index: i, shape: sh}
			}
		}
		return c.aliasEffect(di, e)
	case *ast.ReturnStmt, *ast.RangeStmt, *ast.BinaryExpr, *ast.IfStmt, *ast.SwitchStmt,
		*ast.ExprStmt, *ast.CaseClause, *ast.TypeSwitchStmt:
		return expEffect{}
	case *ast.TypeAssertExpr:
		return expEffect{st: ExpiryUnknown}
	case *ast.CompositeLit, *ast.KeyValueExpr, *ast.SendStmt:
		return c.aliasEffect(di, e)
	}
	return expEffect{}
}

// writeEffect is the effect of an assignment whose left side is e, the
// root value or a part of it.
func (c *ExpiryReader) writeEffect(e ast.Node, root ast.Expr, tok token.Token, field *types.Var, indexKey ast.Expr, depth int, rhs ast.Expr, index int, sh *ClaimsShape) expEffect {
	if depth == 0 {
		// The whole value is replaced.
		if tok != token.ASSIGN && tok != token.DEFINE {
			return expEffect{st: ExpiryUnknown}
		}
		if rhs == nil {
			return expEffect{st: ExpiryUnknown}
		}
		return expEffect{def: rhs, index: index, shape: sh}
	}
	if indexKey != nil && sh != nil && sh.Kind == ShapeMap {
		tv, ok := c.info.Types[indexKey]
		key, isConst := ConstStringOf(tv)
		switch {
		case !ok || !isConst:
			return expEffect{st: ExpiryUnknown}
		case key == sh.Key:
			return expEffect{st: ExpirySet}
		}
		return expEffect{}
	}
	if field == nil {
		return expEffect{}
	}
	if c.isExpiryField(field) {
		return expEffect{st: ExpirySet}
	}
	// A write of a whole embedded claims part: read what it is set to.
	if fs := c.shapeOf(field.Type(), 0); fs.Kind == ShapeRegistered || fs.Kind == ShapeStruct {
		if tok != token.ASSIGN || rhs == nil || index >= 0 {
			return expEffect{st: ExpiryUnknown}
		}
		return expEffect{def: rhs, index: -1, shape: fs}
	}
	return expEffect{}
}

// methodEffect is the effect of calling a method on the value or a part
// of it. Library methods (Valid, VerifyExpiresAt, getters) do not set exp;
// other methods may, when they can write through their receiver.
func (c *ExpiryReader) methodEffect(di *declIndex, sel *ast.SelectorExpr, s *types.Selection) expEffect {
	fn, ok := s.Obj().(*types.Func)
	if !ok {
		return expEffect{st: ExpiryUnknown}
	}
	if fn.Pkg() != nil && c.ix.Model.IsLibrary(fn.Pkg().Path()) {
		return expEffect{}
	}
	if _, isCall := di.up(sel).(*ast.CallExpr); !isCall {
		return expEffect{st: ExpiryUnknown} // a method value kept for later
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return expEffect{st: ExpiryUnknown}
	}
	if refLike(sig.Recv().Type()) {
		return expEffect{st: ExpiryUnknown}
	}
	return expEffect{}
}

// argEffect is the effect of passing e to a call.
func (c *ExpiryReader) argEffect(di *declIndex, call *ast.CallExpr, e ast.Node) expEffect {
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		// A conversion yields the same value under another type.
		return c.useEffect(di, call, c.shapeOf(tv.Type, 0))
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if _, ok := c.info.Uses[id].(*types.Builtin); ok {
			switch id.Name {
			case "len", "delete", "print", "println", "cap", "clear":
				return expEffect{}
			}
			return expEffect{st: ExpiryUnknown}
		}
	}
	if ce, ok := e.(ast.Expr); ok && c.isClaimsArgOf(call, ce) {
		return expEffect{}
	}
	// A library helper that writes exp into the claims it is given
	// (jwtauth.SetExpiryIn(claims, d)).
	if mc := c.ix.CallOf(call); mc != nil && mc.Func.Option == OptSetsExpiry {
		if a := mc.Arg(mc.Func.Claims); a != nil && ast.Unparen(a) == e {
			sets, ok := c.setsExpiry(mc)
			switch {
			case !ok:
				return expEffect{st: ExpiryUnknown}
			case sets:
				return expEffect{st: ExpirySet}
			}
			return expEffect{}
		}
	}
	if fn, ok := typeutil.Callee(c.info, call).(*types.Func); ok && readsOnly(fn) {
		return expEffect{}
	}
	ex, ok := e.(ast.Expr)
	if !ok {
		return expEffect{st: ExpiryUnknown}
	}
	tv, ok := c.info.Types[ex]
	if !ok || refLike(tv.Type) {
		return expEffect{st: ExpiryUnknown}
	}
	return expEffect{}
}

// readsOnly reports whether fn is a standard library function that only
// reads its arguments: printing, logging and JSON encoding.
func readsOnly(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	name := fn.Name()
	switch fn.Pkg().Path() {
	case "fmt":
		return strings.HasPrefix(name, "Print") || strings.HasPrefix(name, "Sprint") ||
			strings.HasPrefix(name, "Fprint") || strings.HasPrefix(name, "Append") || name == "Errorf"
	case "log", "log/slog":
		return true
	case "encoding/json":
		return name == "Marshal" || name == "MarshalIndent" || name == "Encode"
	}
	return false
}

// aliasEffect is the effect of copying e into another variable, field or
// literal: harmless for a struct value, an escape for a map or pointer.
func (c *ExpiryReader) aliasEffect(di *declIndex, e ast.Node) expEffect {
	ex, ok := e.(ast.Expr)
	if !ok {
		return expEffect{st: ExpiryUnknown}
	}
	// token.Claims = claims hands the value to a token, whose own uses are
	// followed from the mint.
	if as, ok := di.up(e).(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
		for i, r := range as.Rhs {
			if ast.Unparen(r) == ex && c.isTokenClaimsField(as.Lhs[i]) {
				return expEffect{}
			}
		}
	}
	tv, ok := c.info.Types[ex]
	if !ok || refLike(tv.Type) {
		return expEffect{st: ExpiryUnknown}
	}
	return expEffect{}
}

// isClaimsArg reports whether u (&claims) is the claims argument of a
// modelled call (NewWithClaims, ParseWithClaims).
func (c *ExpiryReader) isClaimsArg(di *declIndex, u *ast.UnaryExpr) bool {
	call, ok := di.up(u).(*ast.CallExpr)
	return ok && c.isClaimsArgOf(call, u)
}

func (c *ExpiryReader) isClaimsArgOf(call *ast.CallExpr, arg ast.Expr) bool {
	mc := c.ix.CallOf(call)
	if mc == nil || (mc.Func.Role != RoleNewToken && !oneShot(mc.Func)) || mc.Func.Claims < 0 {
		return false
	}
	a := mc.Arg(mc.Func.Claims)
	return a != nil && ast.Unparen(a) == arg
}

// isTokenClaimsField reports whether e selects the claims field of a
// modelled token (token.Claims).
func (c *ExpiryReader) isTokenClaimsField(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := c.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	row := c.ix.Model.Type(s.Recv())
	return row != nil && row.Role == TypeToken && row.ClaimsField != "" && sel.Sel.Name == row.ClaimsField
}

// refLike reports whether a value of type t shares state with its copies,
// so that another holder could set its expiry.
func refLike(t types.Type) bool {
	return refLikeDepth(t, 0)
}

func refLikeDepth(t types.Type, depth int) bool {
	if t == nil || depth > 4 {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if f.Embedded() {
				if refLikeDepth(f.Type(), depth+1) {
					return true
				}
				continue
			}
			// A pointer to a nested claims struct is shared by copies.
			if p, ok := f.Type().Underlying().(*types.Pointer); ok {
				if _, ok := p.Elem().Underlying().(*types.Struct); ok {
					return true
				}
			}
		}
		return false
	case *types.Array:
		return refLikeDepth(u.Elem(), depth+1)
	}
	return true
}
