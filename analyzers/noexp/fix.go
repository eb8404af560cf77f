package noexp

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// expiryTTL is the expiry the fixes write, in the words and the Go of the
// messages.
const (
	expiryWords = "15 minutes"
	fixMessage  = "add an exp claim " + expiryWords + " from now"
)

// expiryFix adds an expiry of 15 minutes to a claims literal.
func (c *checker) expiryFix(t *jwtapi.ExpiryTarget) (analysis.SuggestedFix, bool) {
	var none analysis.SuggestedFix
	if c.fixed[t.Lit] {
		return none, false
	}
	file := c.ix.FileAt(t.Lit.Pos())
	if file == nil {
		return none, false
	}
	pos := t.Lit.Pos()
	tn, edits, ok := c.importName(file, "time", pos)
	if !ok {
		return none, false
	}
	now := tn + ".Now().Add(15 * " + tn + ".Minute)"
	var elem string
	switch t.Kind {
	case jwtapi.TargetMap:
		elem = strconv.Quote(t.Shape.Key) + ": " + now + ".Unix()"
	case jwtapi.TargetRegistered:
		val, more, ok := c.expiryValue(t.Shape, file, pos, now)
		if !ok {
			return none, false
		}
		edits = append(edits, more...)
		elem = t.Shape.Key + ": " + val
	case jwtapi.TargetEmbed:
		named, ok := t.Shape.Type.(*types.Named)
		if !ok || named.Obj().Pkg() == nil {
			return none, false
		}
		q, more, ok := c.importName(file, named.Obj().Pkg().Path(), pos)
		if !ok {
			return none, false
		}
		edits = append(edits, more...)
		val, more, ok := c.expiryValue(t.Shape, file, pos, now)
		if !ok {
			return none, false
		}
		edits = append(edits, more...)
		amp := ""
		if t.Carrier.Ptr {
			amp = "&"
		}
		elem = t.Carrier.Field.Name() + ": " + amp + qualified(q, named.Obj().Name()) + "{" + t.Shape.Key + ": " + val + "}"
	default:
		return none, false
	}
	edits, ok = mergeInserts(append(edits, c.addElement(t.Lit, elem)...))
	if !ok {
		return none, false
	}
	c.fixed[t.Lit] = true
	return analysis.SuggestedFix{Message: fixMessage, TextEdits: edits}, true
}

// expiryValue writes now (a time.Time expression) as a value of the
// library claims' expiry field: Unix seconds for an integer field, the
// library's constructor for a date type (jwt.NewNumericDate).
func (c *checker) expiryValue(sh *jwtapi.ClaimsShape, file *ast.File, pos token.Pos, now string) (string, []analysis.TextEdit, bool) {
	st, ok := sh.Type.Underlying().(*types.Struct)
	if !ok {
		return "", nil, false
	}
	var field *types.Var
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == sh.Key {
			field = st.Field(i)
		}
	}
	if field == nil {
		return "", nil, false
	}
	ft := field.Type()
	if b, ok := ft.Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
		return now + ".Unix()", nil, true
	}
	if isTimeTime(ft) {
		return now, nil, true
	}
	if field.Pkg() == nil {
		return "", nil, false
	}
	ctor := dateConstructor(field.Pkg(), ft)
	if ctor == nil {
		return "", nil, false
	}
	q, edits, ok := c.importName(file, field.Pkg().Path(), pos)
	if !ok {
		return "", nil, false
	}
	return qualified(q, ctor.Name()) + "(" + now + ")", edits, true
}

// dateConstructor finds the exported function of pkg that turns a
// time.Time into a value of type t (jwt.NewNumericDate).
func dateConstructor(pkg *types.Package, t types.Type) *types.Func {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		fn, ok := scope.Lookup(name).(*types.Func)
		if !ok || !fn.Exported() {
			continue
		}
		sig, ok := fn.Type().(*types.Signature)
		if !ok || sig.Recv() != nil || sig.Params().Len() != 1 || sig.Results().Len() != 1 || sig.Variadic() {
			continue
		}
		if isTimeTime(sig.Params().At(0).Type()) && types.Identical(sig.Results().At(0).Type(), t) {
			return fn
		}
	}
	return nil
}

func isTimeTime(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Time"
}

// importName is diag.ImportName, refusing a name that some declaration
// between the file scope and pos shadows (a parameter called time).
func (c *checker) importName(file *ast.File, path string, pos token.Pos) (string, []analysis.TextEdit, bool) {
	name, edits, ok := diag.ImportName(c.info, c.pass.Pkg, file, path, pos)
	if !ok || len(edits) > 0 || name == "" {
		return name, edits, ok
	}
	if scope := c.pass.Pkg.Scope().Innermost(pos); scope != nil {
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			if pn, isPkg := obj.(*types.PkgName); !isPkg || pn.Imported().Path() != path {
				return "", nil, false
			}
		}
	}
	return name, nil, true
}

func qualified(q, name string) string {
	if q == "" {
		return name
	}
	return q + "." + name
}

// addElement returns the edit that appends elem to a composite literal,
// keeping a multi-line literal multi-line.
func (c *checker) addElement(lit *ast.CompositeLit, elem string) []analysis.TextEdit {
	if len(lit.Elts) == 0 {
		return []analysis.TextEdit{{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(elem)}}
	}
	last := lit.Elts[len(lit.Elts)-1]
	tf := c.pass.Fset.File(lit.Pos())
	if tf == nil || tf.Line(last.End()) == tf.Line(lit.Rbrace) {
		return []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte(", " + elem)}}
	}
	// The element before the closing brace ends its line with a comma,
	// which now follows the new element.
	return []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte(",\n" + c.indentOf(tf, last.Pos()) + elem)}}
}

// indentOf returns the leading white space of the line holding pos.
func (c *checker) indentOf(tf *token.File, pos token.Pos) string {
	col := tf.Position(pos).Column - 1
	if c.pass.ReadFile != nil {
		if src, err := c.pass.ReadFile(tf.Name()); err == nil {
			start := tf.Offset(tf.LineStart(tf.Line(pos)))
			end := start
			for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
				end++
			}
			return string(src[start:end])
		}
	}
	return strings.Repeat("\t", max(col, 0))
}

// mergeInserts drops repeated edits (two imports of one package), folds
// insertions at the same position into one edit and sorts the edits, as a
// suggested fix requires. It fails when edits overlap otherwise.
func mergeInserts(edits []analysis.TextEdit) ([]analysis.TextEdit, bool) {
	var out []analysis.TextEdit
next:
	for _, e := range edits {
		for i := range out {
			o := &out[i]
			switch {
			case o.Pos == e.Pos && o.End == e.End && string(o.NewText) == string(e.NewText):
				continue next
			case o.Pos == e.Pos && o.End == e.Pos && e.End == e.Pos:
				o.NewText = append(append([]byte(nil), o.NewText...), e.NewText...)
				continue next
			}
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos < out[j].Pos })
	for i := 1; i < len(out); i++ {
		if out[i].Pos < out[i-1].End {
			return nil, false
		}
	}
	return out, true
}
