package cleartext

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// cookie is one construction of a cookie struct: a composite literal, or
// new(T), whose fields may then be set through the variable that holds it.
type cookie struct {
	typ *jwtapi.CookieType
	lit *ast.CompositeLit // nil for new(T)
	at  ast.Node          // the literal or the new(T) call
	v   *types.Var        // the variable holding it, when fields are set after
	fn  ast.Node          // the function in which v's fields are set
}

// setting is one value a cookie field gets: a keyed literal element or an
// assignment v.Field = value.
type setting struct {
	value  ast.Expr
	assign *ast.AssignStmt // nil for a literal element
}

// cookies returns the cookie constructions e may hold: a literal (or its
// address), new(T), a variable only ever defined so, or the result of a
// function of the package that returns one.
func (c *checker) cookies(e ast.Expr, depth int) []*cookie {
	if e == nil || depth > maxDepth {
		return nil
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if tv, ok := c.info.Types[x]; ok {
			if t := c.ix.Model.CookieType(tv.Type); t != nil {
				return []*cookie{{typ: t, lit: x, at: x}}
			}
		}
	case *ast.CallExpr:
		if nt, isNew := jwtapi.NewOperand(c.info, x); isNew {
			if nt == nil {
				return nil
			}
			if t := c.ix.Model.CookieType(nt); t != nil {
				return []*cookie{{typ: t, at: x}}
			}
			return nil
		}
		fn, ok := typeutil.Callee(c.info, x).(*types.Func)
		if !ok || fn.Pkg() != c.pass.Pkg {
			return nil
		}
		decl := c.ix.Funcs[fn.Origin()]
		if decl == nil {
			return nil
		}
		var out []*cookie
		for _, ret := range jwtapi.OwnReturns(decl.Body) {
			if len(ret.Results) >= 1 {
				out = append(out, c.cookies(ret.Results[0], depth+1)...)
			}
		}
		return out
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return nil
		}
		defs, _ := c.ix.Defs.Of(v)
		var out []*cookie
		for _, d := range defs {
			if d.Index >= 0 {
				continue
			}
			for _, ck := range c.cookies(d.Expr, depth+1) {
				if ck.v == nil {
					ck.v, ck.fn = v, c.ix.EnclosingFuncAt(v.Pos())
				}
				out = append(out, ck)
			}
		}
		return out
	}
	return nil
}

// settings returns the values field gets in the cookie's literal and
// through assignments to the variable that holds it.
func (c *checker) settings(ck *cookie, field string) []setting {
	var out []setting
	if ck.lit != nil {
		for _, v := range jwtapi.KeyedValues(ck.lit, field) {
			out = append(out, setting{value: v})
		}
	}
	if ck.v == nil || ck.fn == nil {
		return out
	}
	ast.Inspect(ck.fn, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != field {
				continue
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.info.Uses[id] == ck.v {
				out = append(out, setting{value: as.Rhs[i], assign: as})
			}
		}
		return true
	})
	return out
}

// insecure reports whether every Secure setting of the cookie is the
// constant false (no setting at all included). A value from a flag or a
// config field is not judged.
func (c *checker) insecure(secures []setting) bool {
	for _, s := range secures {
		if !isConstFalse(c.info, s.value) {
			return false
		}
	}
	return true
}

// cookieArg checks the cookie struct passed to a response-cookie call.
func (c *checker) cookieArg(call *ast.CallExpr, e ast.Expr) {
	for _, ck := range c.cookies(e, 0) {
		var api string
		var valueSet []setting
		for _, s := range c.settings(ck, ck.typ.Value) {
			if a, ok := c.flow.HoldsToken(s.value); ok {
				api = a
				valueSet = append(valueSet, s)
				break
			}
		}
		if valueSet == nil {
			continue
		}
		secures := c.settings(ck, ck.typ.Secure)
		if !c.insecure(secures) {
			continue
		}
		d := analysis.Diagnostic{
			Pos:     ck.at.Pos(),
			End:     ck.at.End(),
			Message: fmt.Sprintf("JWT from %s is set in a cookie without Secure, so browsers also send it over plain HTTP: set Secure: true", api),
		}
		if fix := c.cookieFix(ck, secures, valueSet[0]); fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
		c.report(d)
	}
}

// cookieFix sets Secure (and HttpOnly when the cookie never sets it) to
// true: false values become true, a missing field is added to the literal,
// or assigned after the token is when the cookie is filled field by field.
func (c *checker) cookieFix(ck *cookie, secures []setting, value setting) *analysis.SuggestedFix {
	var edits []analysis.TextEdit
	var add []string // fields to add, as "Field"
	if len(secures) > 0 {
		for _, s := range secures {
			edits = append(edits, analysis.TextEdit{Pos: s.value.Pos(), End: s.value.End(), NewText: []byte("true")})
		}
	} else {
		add = append(add, ck.typ.Secure)
	}
	if len(c.settings(ck, ck.typ.HTTPOnly)) == 0 {
		add = append(add, ck.typ.HTTPOnly)
	}
	if len(add) > 0 {
		switch {
		case value.assign != nil:
			// cookie.Value = token: assign the flags on the next lines.
			indent := c.indent(value.assign.Pos())
			var b strings.Builder
			for _, f := range add {
				fmt.Fprintf(&b, "\n%s%s.%s = true", indent, ck.v.Name(), f)
			}
			edits = append(edits, analysis.TextEdit{Pos: value.assign.End(), End: value.assign.End(), NewText: []byte(b.String())})
		case ck.lit != nil:
			e, ok := c.litInsert(ck.lit, add)
			if !ok {
				return nil
			}
			edits = append(edits, e)
		default:
			return nil
		}
	}
	msg := "set " + ck.typ.Secure + ": true"
	if slices.Contains(add, ck.typ.HTTPOnly) {
		msg += " and " + ck.typ.HTTPOnly + ": true"
	}
	return &analysis.SuggestedFix{Message: msg, TextEdits: edits}
}

// litInsert adds "Field: true" elements to a keyed literal.
func (c *checker) litInsert(lit *ast.CompositeLit, fields []string) (analysis.TextEdit, bool) {
	var elems []string
	for _, f := range fields {
		elems = append(elems, f+": true")
	}
	if len(lit.Elts) == 0 {
		return analysis.TextEdit{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(strings.Join(elems, ", "))}, true
	}
	last := lit.Elts[len(lit.Elts)-1]
	if _, keyed := last.(*ast.KeyValueExpr); !keyed {
		return analysis.TextEdit{}, false // positional: leave it to a person
	}
	fset := c.pass.Fset
	if fset.Position(lit.Rbrace).Line > fset.Position(last.End()).Line {
		// Multi-line: the last element ends with a comma; add lines
		// after it.
		indent := c.indent(last.Pos())
		var b strings.Builder
		for _, e := range elems {
			fmt.Fprintf(&b, "\n%s%s,", indent, e)
		}
		return analysis.TextEdit{Pos: last.End() + 1, End: last.End() + 1, NewText: []byte(b.String())}, true
	}
	return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + strings.Join(elems, ", "))}, true
}

// indent is the indentation of the line holding pos, as gofmt writes it
// (tabs).
func (c *checker) indent(pos token.Pos) string {
	col := c.pass.Fset.Position(pos).Column
	if col < 1 {
		return ""
	}
	return strings.Repeat("\t", col-1)
}

// cookieArgs checks a call that takes a cookie's value and flags as
// arguments: a token value with a constant false secure flag.
func (c *checker) cookieArgs(call *ast.CallExpr, t *jwtapi.TransportCall) {
	value, secure := t.Value, t.Secure
	if value == nil || secure == nil || !isConstFalse(c.info, secure) {
		return
	}
	api, ok := c.flow.HoldsToken(value)
	if !ok {
		return
	}
	c.report(analysis.Diagnostic{
		Pos:     secure.Pos(),
		End:     secure.End(),
		Message: fmt.Sprintf("JWT from %s is set in a cookie with secure false, so browsers also send it over plain HTTP: pass true", api),
		SuggestedFixes: []analysis.SuggestedFix{{
			Message:   "pass secure true",
			TextEdits: []analysis.TextEdit{{Pos: secure.Pos(), End: secure.End(), NewText: []byte("true")}},
		}},
	})
}

// setCookieHeader checks a Set-Cookie header written by hand on a
// response (w.Header().Set("Set-Cookie", …)): a cookie struct's String(),
// or a string that carries a token and no Secure attribute.
func (c *checker) setCookieHeader(call *ast.CallExpr, t *jwtapi.TransportCall) {
	if !t.ResponseHeader {
		return // a request's header map (req.Header), not a response's w.Header()
	}
	name, whole := c.constPrefix(t.Key)
	if !whole || !strings.EqualFold(name, jwtapi.SetCookieHeader) {
		return
	}
	value := t.Value
	if s, ok := ast.Unparen(value).(*ast.CallExpr); ok && len(s.Args) == 0 {
		if m, ok := ast.Unparen(s.Fun).(*ast.SelectorExpr); ok && m.Sel.Name == "String" {
			if cks := c.cookies(m.X, 0); len(cks) > 0 {
				c.cookieArg(call, m.X)
				return
			}
		}
	}
	api, ok := c.flow.HoldsToken(value)
	if !ok {
		return
	}
	for _, part := range c.constParts(value, 0) {
		if strings.Contains(strings.ToLower(part), strings.ToLower(jwtapi.SecureAttribute)) {
			return
		}
	}
	c.report(analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: fmt.Sprintf("JWT from %s is set in a Set-Cookie header without the Secure attribute, so browsers also send it over plain HTTP: add \"; Secure\"", api),
	})
}

// constParts returns the constant strings a string expression is built
// from: operands of +, the format of fmt.Sprintf, and the definitions of
// local variables along the way.
func (c *checker) constParts(e ast.Expr, depth int) []string {
	if e == nil || depth > maxDepth {
		return nil
	}
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return []string{constant.StringVal(tv.Value)}
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		return append(c.constParts(x.X, depth+1), c.constParts(x.Y, depth+1)...)
	case *ast.CallExpr:
		var out []string
		for _, a := range x.Args {
			out = append(out, c.constParts(a, depth+1)...)
		}
		return out
	case *ast.Ident:
		if v, ok := c.info.Uses[x].(*types.Var); ok {
			defs, _ := c.ix.Defs.Of(v)
			var out []string
			for _, d := range defs {
				if d.Index < 0 {
					out = append(out, c.constParts(d.Expr, depth+1)...)
				}
			}
			return out
		}
	}
	return nil
}

// cookieConfig checks the literal of a middleware configuration that sets
// its own tokens in a cookie: enabled by a constant true, with the Secure
// field unset or the constant false.
func (c *checker) cookieConfig(lit *ast.CompositeLit) {
	tv := c.info.Types[lit]
	t := c.ix.Model.CookieType(tv.Type)
	ck := &cookie{typ: t, lit: lit, at: lit}
	enabled := false
	for _, s := range c.settings(ck, t.Enable) {
		if jwtapi.IsConstTrue(c.info, s.value) {
			enabled = true
		}
	}
	secures := c.settings(ck, t.Secure)
	if !enabled || !c.insecure(secures) {
		return
	}
	d := analysis.Diagnostic{
		Pos:     lit.Pos(),
		End:     lit.End(),
		Message: fmt.Sprintf("%s.%s sets its JWTs in a cookie (%s) without %s, so browsers also send them over plain HTTP: set %s: true", typeName(tv.Type), t.Name, t.Enable, t.Secure, t.Secure),
	}
	if fix := c.cookieFix(ck, secures, setting{}); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	c.report(d)
}

// typeName is the package name of a named type (or pointer to one).
func typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Name()
	}
	return ""
}

// isConstFalse reports whether e is a boolean constant whose value is
// false.
func isConstFalse(info *types.Info, e ast.Expr) bool {
	v, ok := jwtapi.ConstBool(info, e)
	return ok && !v
}
