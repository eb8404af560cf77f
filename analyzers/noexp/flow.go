package noexp

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// declIndex records, for one top-level declaration, each node's parent and
// every identifier that refers to each variable, so the uses of a claims
// or token variable can be read in their context.
type declIndex struct {
	decl   ast.Decl
	file   *ast.File
	parent map[ast.Node]ast.Node
	idents map[*types.Var][]*ast.Ident
}

// declAt returns the index of the top-level declaration holding pos.
func (c *checker) declAt(pos token.Pos) *declIndex {
	f := c.fileOf(pos)
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

func (c *checker) declIndex(d ast.Decl, f *ast.File) *declIndex {
	if di, ok := c.decls[d]; ok {
		return di
	}
	di := &declIndex{decl: d, file: f, parent: make(map[ast.Node]ast.Node), idents: make(map[*types.Var][]*ast.Ident)}
	var stack []ast.Node
	ast.Inspect(d, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			di.parent[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
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
func (di *declIndex) up(n ast.Node) ast.Node {
	p := di.parent[n]
	for {
		pe, ok := p.(*ast.ParenExpr)
		if !ok {
			return p
		}
		p = di.parent[pe]
	}
}

// isLocal reports whether v is a variable declared inside a function of
// this package, other than a parameter or named result.
func (c *checker) isLocal(v *types.Var) bool {
	if v == nil || v.IsField() || v.Pkg() != c.pass.Pkg || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return false
	}
	return !c.ix.Defs.IsParam(v)
}

// state is what is known about a claims value's expiry.
type state uint8

const (
	stNo      state = iota // no expiry is ever set
	stYes                  // an expiry is set
	stUnknown              // cannot tell: the value escapes or comes from unseen code
)

// result is the expiry state of a claims value, and, when it has none,
// the composite literals where one could be added.
type result struct {
	st      state
	targets []*fixTarget
}

var (
	resYes     = result{st: stYes}
	resUnknown = result{st: stUnknown}
)

// join combines the results of values that all reach the token: the token
// lacks exp only when every one of them does.
func join(rs ...result) result {
	out := result{st: stNo}
	for _, r := range rs {
		if r.st != stNo {
			return r
		}
		out.targets = append(out.targets, r.targets...)
	}
	return out
}

// effect is what one use of a claims value does to its expiry.
type effect struct {
	st    state    // stYes or stUnknown settle it; stNo: no change
	def   ast.Expr // a new value for the whole variable (or an embedded claims part)
	index int      // result index when def is a multi-valued call
	shape *shape   // the shape def must be read with
	zero  bool     // a declaration without value: the zero value
}

// useEffect climbs from a use of a claims value (an identifier, or a type
// assertion of a token's claims) to the statement that consumes it, and
// says what that does to the expiry. sh is the value's shape.
func (c *checker) useEffect(di *declIndex, root ast.Expr, sh *shape) effect {
	e := ast.Node(root)
	var field *types.Var // the last field selected on the way up
	var indexKey ast.Expr
	depth := 0 // selectors and indexes climbed
	for {
		p := di.up(e)
		switch p := p.(type) {
		case *ast.SelectorExpr:
			if p.X != e && ast.Unparen(p.X) != e {
				return effect{}
			}
			sel := c.info.Selections[p]
			if sel == nil {
				return effect{st: stUnknown}
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
				return effect{} // used as an index: a read
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
			return effect{st: stYes}
		}
		return effect{}
	case *ast.UnaryExpr:
		if p.Op != token.AND {
			return effect{}
		}
		if c.isClaimsArg(di, p) {
			return effect{}
		}
		return effect{st: stUnknown}
	case *ast.CallExpr:
		if ast.Unparen(p.Fun) == e {
			return effect{} // calling a func-typed field
		}
		return c.argEffect(di, p, e)
	case *ast.ValueSpec:
		for i, n := range p.Names {
			if n == e {
				if len(p.Values) == 0 {
					return effect{zero: true}
				}
				if len(p.Values) == len(p.Names) {
					return effect{def: p.Values[i], index: -1, shape: sh}
				}
				return effect{def: p.Values[0], index: i, shape: sh}
			}
		}
		return c.aliasEffect(di, e)
	case *ast.ReturnStmt, *ast.RangeStmt, *ast.BinaryExpr, *ast.IfStmt, *ast.SwitchStmt,
		*ast.ExprStmt, *ast.CaseClause, *ast.TypeSwitchStmt:
		return effect{}
	case *ast.TypeAssertExpr:
		return effect{st: stUnknown}
	case *ast.CompositeLit, *ast.KeyValueExpr, *ast.SendStmt:
		return c.aliasEffect(di, e)
	}
	return effect{}
}

// writeEffect is the effect of an assignment whose left side is e, the
// root value or a part of it.
func (c *checker) writeEffect(e ast.Node, root ast.Expr, tok token.Token, field *types.Var, indexKey ast.Expr, depth int, rhs ast.Expr, index int, sh *shape) effect {
	if depth == 0 {
		// The whole value is replaced.
		if tok != token.ASSIGN && tok != token.DEFINE {
			return effect{st: stUnknown}
		}
		if rhs == nil {
			return effect{st: stUnknown}
		}
		return effect{def: rhs, index: index, shape: sh}
	}
	if indexKey != nil && sh != nil && sh.kind == shapeMap {
		tv, ok := c.info.Types[indexKey]
		key, isConst := constString(tv)
		switch {
		case !ok || !isConst:
			return effect{st: stUnknown}
		case key == sh.key:
			return effect{st: stYes}
		}
		return effect{}
	}
	if field == nil {
		return effect{}
	}
	if c.isExpiryField(field) {
		return effect{st: stYes}
	}
	// A write of a whole embedded claims part: read what it is set to.
	if fs := c.shapeOf(field.Type(), 0); fs.kind == shapeRegistered || fs.kind == shapeStruct {
		if tok != token.ASSIGN || rhs == nil || index >= 0 {
			return effect{st: stUnknown}
		}
		return effect{def: rhs, index: -1, shape: fs}
	}
	return effect{}
}

// methodEffect is the effect of calling a method on the value or a part
// of it. Library methods (Valid, VerifyExpiresAt, getters) do not set exp;
// other methods may, when they can write through their receiver.
func (c *checker) methodEffect(di *declIndex, sel *ast.SelectorExpr, s *types.Selection) effect {
	fn, ok := s.Obj().(*types.Func)
	if !ok {
		return effect{st: stUnknown}
	}
	if fn.Pkg() != nil && c.ix.Model.IsLibrary(fn.Pkg().Path()) {
		return effect{}
	}
	if _, isCall := di.up(sel).(*ast.CallExpr); !isCall {
		return effect{st: stUnknown} // a method value kept for later
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return effect{st: stUnknown}
	}
	if refLike(sig.Recv().Type()) {
		return effect{st: stUnknown}
	}
	return effect{}
}

// argEffect is the effect of passing e to a call.
func (c *checker) argEffect(di *declIndex, call *ast.CallExpr, e ast.Node) effect {
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		// A conversion yields the same value under another type.
		return c.useEffect(di, call, c.shapeOf(tv.Type, 0))
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if _, ok := c.info.Uses[id].(*types.Builtin); ok {
			switch id.Name {
			case "len", "delete", "print", "println", "cap", "clear":
				return effect{}
			}
			return effect{st: stUnknown}
		}
	}
	if ce, ok := e.(ast.Expr); ok && c.isClaimsArgOf(call, ce) {
		return effect{}
	}
	// A library helper that writes exp into the claims it is given
	// (jwtauth.SetExpiryIn(claims, d)).
	if mc := c.ix.CallOf(call); mc != nil && mc.Func.Option == jwtapi.OptSetsExpiry {
		if a := mc.Arg(mc.Func.Claims); a != nil && ast.Unparen(a) == e {
			sets, ok := c.setsExpiry(mc)
			switch {
			case !ok:
				return effect{st: stUnknown}
			case sets:
				return effect{st: stYes}
			}
			return effect{}
		}
	}
	if fn, ok := typeutil.Callee(c.info, call).(*types.Func); ok && readsOnly(fn) {
		return effect{}
	}
	ex, ok := e.(ast.Expr)
	if !ok {
		return effect{st: stUnknown}
	}
	tv, ok := c.info.Types[ex]
	if !ok || refLike(tv.Type) {
		return effect{st: stUnknown}
	}
	return effect{}
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
func (c *checker) aliasEffect(di *declIndex, e ast.Node) effect {
	ex, ok := e.(ast.Expr)
	if !ok {
		return effect{st: stUnknown}
	}
	// token.Claims = claims hands the value to a token, whose own uses are
	// followed from the mint.
	if as, ok := di.up(e).(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
		for i, r := range as.Rhs {
			if ast.Unparen(r) == ex && c.isTokenClaimsField(as.Lhs[i]) {
				return effect{}
			}
		}
	}
	tv, ok := c.info.Types[ex]
	if !ok || refLike(tv.Type) {
		return effect{st: stUnknown}
	}
	return effect{}
}

// isClaimsArg reports whether u (&claims) is the claims argument of a
// modelled call (NewWithClaims, ParseWithClaims).
func (c *checker) isClaimsArg(di *declIndex, u *ast.UnaryExpr) bool {
	call, ok := di.up(u).(*ast.CallExpr)
	return ok && c.isClaimsArgOf(call, u)
}

func (c *checker) isClaimsArgOf(call *ast.CallExpr, arg ast.Expr) bool {
	mc := c.ix.CallOf(call)
	if mc == nil || (mc.Func.Role != jwtapi.RoleNewToken && !oneShot(mc.Func)) || mc.Func.Claims < 0 {
		return false
	}
	a := mc.Arg(mc.Func.Claims)
	return a != nil && ast.Unparen(a) == arg
}

// isTokenClaimsField reports whether e selects the claims field of a
// modelled token (token.Claims).
func (c *checker) isTokenClaimsField(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := c.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	row := c.ix.Model.Type(s.Recv())
	return row != nil && row.Role == jwtapi.TypeToken && row.ClaimsField != "" && sel.Sel.Name == row.ClaimsField
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
