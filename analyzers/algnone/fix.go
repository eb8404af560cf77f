package algnone

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// removeNoneFix removes every "none" element of the literal holding el,
// with the separators, when el is the first of them and other elements
// remain (an empty list would reject every token: a change for a person to
// make, not a tool).
func (c *checker) removeNoneFix(el jwtapi.AlgElem) []analysis.SuggestedFix {
	lit := el.Lit
	if lit == nil {
		return nil
	}
	remove := make([]bool, len(lit.Elts))
	first, kept := -1, 0
	for i, elt := range lit.Elts {
		if _, ok := elt.(*ast.KeyValueExpr); ok {
			return nil // indexed array elements: positions would shift
		}
		if alg, _ := c.ix.AlgName(elt); alg == jwtapi.AlgNone {
			remove[i] = true
			if first < 0 {
				first = i
			}
		} else {
			kept++
		}
	}
	if first < 0 || lit.Elts[first] != el.Expr || kept == 0 {
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
