package algnone

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// listElem is one element of a list of algorithm names.
type listElem struct {
	expr ast.Expr
	lit  *ast.CompositeLit // the literal holding it, nil for an append argument
	alg  string            // "" when not known statically
}

// validMethods reports "none" in the algorithm allow-lists the library
// enforces: jwt.WithValidMethods(list) and jwt.Parser{ValidMethods: list}
// (also assigned as parser.ValidMethods = list).
func (c *checker) validMethods() {
	for _, call := range c.ix.Calls {
		// WithValidMethods, and any call that takes an allow-list of
		// algorithms (go-jose v4 ParseSigned).
		if call.Func.Option == jwtapi.OptValidMethods && call.Func.OptionArg >= 0 {
			if arg := call.Arg(call.Func.OptionArg); arg != nil {
				c.checkList(arg, c.callName(call))
			}
		}
	}
	for _, lit := range c.ix.Lits {
		for _, elt := range lit.Expr.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			if f := c.ix.Model.Field(lit.Type, id.Name); f != nil && f.Option == jwtapi.OptValidMethods {
				c.checkList(kv.Value, c.fieldName(lit.Type, id.Name))
			}
		}
	}
	for _, set := range c.ix.FieldSets {
		if set.Field.Option == jwtapi.OptValidMethods {
			c.checkList(set.Value, c.fieldName(set.Recv, set.Sel.Sel.Name))
		}
	}
}

// fieldName names a field of a library type for a message:
// jwt.Parser.ValidMethods.
func (c *checker) fieldName(t types.Type, field string) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Name() + "." + n.Obj().Name() + "." + field
	}
	return field
}

// checkList reports each "none" element of the list expression e.
func (c *checker) checkList(e ast.Expr, sink string) {
	for _, el := range c.listElems(e, 0) {
		if el.alg != jwtapi.AlgNone {
			continue
		}
		d := analysis.Diagnostic{
			Pos: el.expr.Pos(), End: el.expr.End(),
			Message: fmt.Sprintf(`%s allows "none", the algorithm of unsigned tokens; remove "none" from the list`, sink),
		}
		if fix := c.removeNoneFix(el); fix != nil {
			d.SuggestedFixes = fix
		}
		c.report(d)
	}
}

// listElems returns the elements of a []string expression: a literal, a
// variable every visible definition of which is a list, a slice of one,
// or append of such. Elements that cannot be seen are left out.
func (c *checker) listElems(e ast.Expr, depth int) []listElem {
	if e == nil || depth > 8 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		out := make([]listElem, 0, len(x.Elts))
		for _, elt := range x.Elts {
			v := elt
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				v = kv.Value
			}
			alg, _ := c.algName(v)
			out = append(out, listElem{expr: elt, lit: x, alg: alg})
		}
		return out
	case *ast.SliceExpr:
		return c.listElems(x.X, depth+1)
	case *ast.CallExpr:
		if b, ok := typeutil.Callee(c.info, x).(*types.Builtin); !ok || b.Name() != "append" || len(x.Args) == 0 {
			return nil
		}
		out := c.listElems(x.Args[0], depth+1)
		if x.Ellipsis.IsValid() {
			if len(x.Args) == 2 {
				out = append(out, c.listElems(x.Args[1], depth+1)...)
			}
			return out
		}
		for _, a := range x.Args[1:] {
			alg, _ := c.algName(a)
			out = append(out, listElem{expr: a, alg: alg})
		}
		return out
	case *ast.Ident, *ast.SelectorExpr:
		v := c.listVar(x)
		if v == nil {
			return nil
		}
		defs, ok := c.ix.Defs.Of(v)
		if !ok {
			return nil
		}
		var out []listElem
		for _, d := range defs {
			if d.Index < 0 {
				out = append(out, c.listElems(d.Expr, depth+1)...)
			}
		}
		// A struct field also takes the values literals give it
		// (&verifier{algs: list}).
		for _, val := range c.ix.Defs.LitValues(v) {
			out = append(out, c.listElems(val, depth+1)...)
		}
		return out
	}
	return nil
}

// listVar returns the variable or struct field a list expression reads.
func (c *checker) listVar(e ast.Expr) *types.Var {
	switch x := e.(type) {
	case *ast.Ident:
		v, _ := c.info.Uses[x].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if s := c.info.Selections[x]; s != nil {
			if s.Kind() == types.FieldVal {
				v, _ := s.Obj().(*types.Var)
				return v
			}
			return nil
		}
		v, _ := c.info.Uses[x.Sel].(*types.Var) // pkg.Var
		return v
	}
	return nil
}

// algName returns the algorithm name an expression holds when it is known
// statically: a string constant, or the Alg() of a known signing method.
func (c *checker) algName(e ast.Expr) (string, bool) {
	if s, ok := c.constString(e); ok {
		return s, true
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 0 {
		if mc := c.ix.CallOf(call); mc != nil && mc.Func.Role == jwtapi.RoleAlgName {
			if alg := c.ix.SigningAlg(mc.Recv()); alg != "" {
				return alg, true
			}
		}
	}
	return "", false
}

// removeNoneFix removes every "none" element of the literal holding el,
// with the separators, when el is the first of them and other elements
// remain (an empty list would reject every token: a change for a person to
// make, not a tool).
func (c *checker) removeNoneFix(el listElem) []analysis.SuggestedFix {
	lit := el.lit
	if lit == nil {
		return nil
	}
	remove := make([]bool, len(lit.Elts))
	first, kept := -1, 0
	for i, elt := range lit.Elts {
		if _, ok := elt.(*ast.KeyValueExpr); ok {
			return nil // indexed array elements: positions would shift
		}
		if alg, _ := c.algName(elt); alg == jwtapi.AlgNone {
			remove[i] = true
			if first < 0 {
				first = i
			}
		} else {
			kept++
		}
	}
	if first < 0 || lit.Elts[first] != el.expr || kept == 0 {
		return nil
	}
	var edits []analysis.TextEdit
	for i := 0; i < len(lit.Elts); {
		if !remove[i] {
			i++
			continue
		}
		j := i
		for j+1 < len(lit.Elts) && remove[j+1] {
			j++
		}
		if span, ok := c.ownLines(lit, i, j); ok {
			// The run fills whole lines: delete them, comments included.
			edits = append(edits, span)
		} else if j+1 < len(lit.Elts) {
			// A run followed by a kept element: delete up to it.
			edits = append(edits, analysis.TextEdit{Pos: lit.Elts[i].Pos(), End: lit.Elts[j+1].Pos()})
		} else {
			// A run at the end: delete from the end of the kept element
			// before it, keeping any trailing comma of the literal.
			edits = append(edits, analysis.TextEdit{Pos: lit.Elts[i-1].End(), End: lit.Elts[j].End()})
		}
		i = j + 1
	}
	return []analysis.SuggestedFix{{Message: `remove "none" from the list`, TextEdits: edits}}
}

// ownLines returns the edit deleting the lines of elements i..j of a
// multi-line literal when no other element, and neither brace, shares
// those lines.
func (c *checker) ownLines(lit *ast.CompositeLit, i, j int) (analysis.TextEdit, bool) {
	tf := c.pass.Fset.File(lit.Pos())
	if tf == nil {
		return analysis.TextEdit{}, false
	}
	before := lit.Lbrace
	if i > 0 {
		before = lit.Elts[i-1].End()
	}
	after := lit.Rbrace
	if j+1 < len(lit.Elts) {
		after = lit.Elts[j+1].Pos()
	}
	first, last := tf.Line(lit.Elts[i].Pos()), tf.Line(lit.Elts[j].End())
	if tf.Line(before) >= first || tf.Line(after) <= last || last+1 > tf.LineCount() {
		return analysis.TextEdit{}, false
	}
	return analysis.TextEdit{Pos: tf.LineStart(first), End: tf.LineStart(last + 1)}, true
}
