package noaud

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// qualifier returns the name the call's file gives the package of the
// called function, when the call is written pkg.F(…).
func (c *checker) qualifier(call *jwtapi.Call) (string, bool) {
	sel, ok := ast.Unparen(call.Expr.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return "", false
	}
	pn, ok := c.info.Uses[id].(*types.PkgName)
	if !ok || pn.Imported().Path() != call.Func.Pkg {
		return "", false
	}
	return id.Name, true
}

// qualify writes an option of the call's package as the file would.
func (c *checker) qualify(call *jwtapi.Call, opt string) string {
	if q, ok := c.qualifier(call); ok {
		return q + "." + opt
	}
	if fn, ok := c.info.Uses[jwtapi.CalleeIdent(call.Expr)].(*types.Func); ok && fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + opt
	}
	return opt
}

// optionFix appends the audience option, with the one audience setting in
// scope, to a parse written pkg.Parse(…) on one line. The edit replaces
// the closing parenthesis, so that it does not collide with another rule
// inserting an option after the last argument.
func (c *checker) optionFix(call *jwtapi.Call, opt string) (analysis.SuggestedFix, bool) {
	if opt == "" || call.Expr.Ellipsis.IsValid() || !call.TakesOptions() || len(call.Expr.Args) == 0 {
		return analysis.SuggestedFix{}, false
	}
	q, ok := c.qualifier(call)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	end, _ := call.NextArgPos()
	if c.pass.Fset.Position(end).Line != c.pass.Fset.Position(call.Expr.Rparen).Line {
		return analysis.SuggestedFix{}, false
	}
	val := c.audienceValue(call.Expr.Pos())
	if val == "" {
		return analysis.SuggestedFix{}, false
	}
	text := ", " + q + "." + opt + "(" + val + "))"
	return analysis.SuggestedFix{
		Message:   "add " + q + "." + opt + "(" + val + ")",
		TextEdits: []analysis.TextEdit{{Pos: call.Expr.Rparen, End: call.Expr.Rparen + 1, NewText: []byte(text)}},
	}, true
}

// fieldFix adds a field to a composite literal.
func fieldFix(lit *ast.CompositeLit, field, value string) analysis.SuggestedFix {
	kv := field + ": " + value
	var e analysis.TextEdit
	if len(lit.Elts) == 0 {
		e = analysis.TextEdit{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(kv)}
	} else {
		end := lit.Elts[len(lit.Elts)-1].End()
		e = analysis.TextEdit{Pos: end, End: end, NewText: []byte(", " + kv)}
	}
	return analysis.SuggestedFix{Message: "set " + field + " to " + value, TextEdits: []analysis.TextEdit{e}}
}

// audienceValue returns the one configured audience visible at pos: a
// string variable, parameter or constant named like an audience ("aud",
// "…audience…"), or such a field of a visible struct value (cfg.Audience,
// s.cfg.OIDC.Audience, two levels deep). "" when there is none or more than
// one, so that a fix never guesses.
func (c *checker) audienceValue(pos token.Pos) string {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return ""
	}
	found := map[string]bool{}
	seen := map[string]bool{}
	for s := scope; s != nil && s != types.Universe; s = s.Parent() {
		for _, n := range s.Names() {
			if seen[n] {
				continue // shadowed by an inner scope
			}
			seen[n] = true
			obj := s.Lookup(n)
			switch obj.(type) {
			case *types.Var, *types.Const:
			default:
				continue
			}
			if s != c.pass.Pkg.Scope() && obj.Pos() > pos {
				continue // declared after pos
			}
			c.audienceIn(n, obj.Type(), 0, found)
		}
	}
	if len(found) != 1 {
		return ""
	}
	for v := range found {
		return v
	}
	return ""
}

func (c *checker) audienceIn(expr string, t types.Type, depth int, found map[string]bool) {
	if b, ok := types.Unalias(t).Underlying().(*types.Basic); ok {
		if b.Info()&types.IsString != 0 && audienceLike(lastName(expr)) {
			found[expr] = true
		}
		return
	}
	if depth >= 2 {
		return
	}
	st := jwtapi.StructOf(t)
	if st == nil {
		return
	}
	names := make([]string, 0, st.NumFields())
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Pkg() != c.pass.Pkg && !f.Exported() {
			continue
		}
		names = append(names, f.Name())
	}
	sort.Strings(names)
	for _, n := range names {
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == n {
				c.audienceIn(expr+"."+n, st.Field(i).Type(), depth+1, found)
			}
		}
	}
}

func lastName(expr string) string {
	if i := strings.LastIndexByte(expr, '.'); i >= 0 {
		return expr[i+1:]
	}
	return expr
}

func audienceLike(name string) bool {
	n := strings.ToLower(name)
	return n == "aud" || strings.Contains(n, "audience")
}
