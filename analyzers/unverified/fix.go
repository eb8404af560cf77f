package unverified

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

func diagnostic(n ast.Node, msg string) analysis.Diagnostic {
	return analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg}
}

// fileOf returns the file holding pos.
func (s *state) fileOf(pos token.Pos) *ast.File {
	for _, f := range s.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// optionTarget returns the call that takes parser options for c: the
// parse itself (package-level Parse and ParseWithClaims) or the NewParser
// call that built its receiver, with the option constructor that pins the
// algorithms in that call's package. It returns nil when there is none.
func (s *state) optionTarget(c *jwtapi.Call) (*ast.CallExpr, *types.Func) {
	var target *ast.CallExpr
	switch {
	case c.Func.Options >= 0 && c.Func.Recv == "":
		target = c.Expr
	case c.Recv() != nil:
		target = s.newParserCall(c.Recv(), 0)
	}
	if target == nil || target.Ellipsis.IsValid() {
		return nil, nil
	}
	fn, _ := s.info.Uses[jwtapi.CalleeIdent(target)].(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil, nil
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || !sig.Variadic() || sig.Params().Len() == 0 {
		return nil, nil
	}
	last, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
	if !ok {
		return nil, nil
	}
	for _, row := range s.ix.Model.Funcs() {
		if row.Role != jwtapi.RoleOption || row.Option != jwtapi.OptValidMethods || row.Pkg != fn.Pkg().Path() {
			continue
		}
		opt, ok := fn.Pkg().Scope().Lookup(row.Name).(*types.Func)
		if !ok {
			continue
		}
		osig, ok := opt.Type().(*types.Signature)
		if !ok || osig.Results().Len() != 1 || osig.Params().Len() != 1 {
			continue
		}
		if types.AssignableTo(osig.Results().At(0).Type(), last.Elem()) {
			return target, opt
		}
	}
	return nil, nil
}

// newParserCall follows a parser expression to the NewParser call that
// built it, when there is exactly one.
func (s *state) newParserCall(e ast.Expr, depth int) *ast.CallExpr {
	if depth > 4 || e == nil {
		return nil
	}
	if c := s.ix.CallOf(e); c != nil {
		if c.Func.Role == jwtapi.RoleNewParser {
			return c.Expr
		}
		return nil
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	defs, ok := s.ix.Defs.Of(v)
	if !ok || len(defs) != 1 || defs[0].Index >= 0 {
		return nil
	}
	return s.newParserCall(defs[0].Expr, depth+1)
}

func (s *state) acceptsOptions(c *jwtapi.Call) bool {
	t, _ := s.optionTarget(c)
	return t != nil
}

// pinFix adds WithValidMethods([]string{alg}) to the call that takes the
// parse's options.
func (s *state) pinFix(c *jwtapi.Call, alg string) ([]analysis.SuggestedFix, string) {
	if alg == "" {
		return nil, ""
	}
	target, opt := s.optionTarget(c)
	if target == nil {
		return nil, ""
	}
	file := s.fileOf(target.Pos())
	if file == nil {
		return nil, ""
	}
	pkgName, edits, ok := diag.ImportName(s.info, s.pass.Pkg, file, opt.Pkg().Path(), target.Pos())
	if !ok {
		return nil, ""
	}
	text := pkgName + "." + opt.Name() + "([]string{" + strconv.Quote(alg) + "})"
	if n := len(target.Args); n > 0 {
		edits = append(edits, analysis.TextEdit{Pos: target.Args[n-1].End(), End: target.Args[n-1].End(), NewText: []byte(", " + text)})
	} else {
		edits = append(edits, analysis.TextEdit{Pos: target.Rparen, End: target.Rparen, NewText: []byte(text)})
	}
	return []analysis.SuggestedFix{{Message: "add " + text, TextEdits: edits}}, text
}

// errCheckFix inserts "if err != nil { … }" after the parse, when the
// statement sits in a statement list and the enclosing function has a way
// to answer the failure (see returnText).
func (s *state) errCheckFix(st *site) []analysis.SuggestedFix {
	if !st.hasErr || st.stmt == nil {
		return nil
	}
	switch s.parents[st.stmt].(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return nil
	}
	file := s.fileOf(st.stmt.Pos())
	if file == nil {
		return nil
	}
	indent := strings.Repeat("\t", max(s.pass.Fset.Position(st.stmt.Pos()).Column-1, 0))
	errName := "err"
	var edits []analysis.TextEdit
	switch stmt := st.stmt.(type) {
	case *ast.AssignStmt:
		switch {
		case st.err != nil:
			errName = st.err.Name()
		case st.errBlank != nil:
			if !s.errNameFree(stmt) {
				return nil
			}
			edits = append(edits, analysis.TextEdit{Pos: st.errBlank.Pos(), End: st.errBlank.End(), NewText: []byte(errName)})
		default:
			return nil
		}
	case *ast.ExprStmt:
		if ast.Unparen(stmt.X) != st.call {
			return nil
		}
	default:
		return nil
	}
	ret, importEdits, ok := s.returnText(st.encl, file, errName, st.stmt.Pos())
	if !ok {
		return nil
	}
	edits = append(edits, importEdits...)
	ret = strings.ReplaceAll(ret, "\n", "\n"+indent+"\t")
	body := " " + errName + " != nil {\n" + indent + "\t" + ret + "\n" + indent + "}"
	// The new lines go after a comment that ends the statement's line.
	lineEnd := st.stmt.End()
	line := s.pass.Fset.Position(lineEnd).Line
	for _, cg := range file.Comments {
		if cg.Pos() >= lineEnd && s.pass.Fset.Position(cg.Pos()).Line == line {
			lineEnd = cg.End()
			break
		}
	}
	if es, ok := st.stmt.(*ast.ExprStmt); ok {
		sig, ok := s.info.TypeOf(st.call).(*types.Tuple)
		if !ok || sig.Len() < 1 || !isError(sig.At(sig.Len()-1).Type()) {
			return nil
		}
		lhs := strings.Repeat("_, ", sig.Len()-1) + errName
		edits = append(edits,
			analysis.TextEdit{Pos: es.Pos(), End: es.Pos(), NewText: []byte("if " + lhs + " := ")},
			analysis.TextEdit{Pos: es.End(), End: es.End(), NewText: []byte("; " + errName + " != nil {")},
			analysis.TextEdit{Pos: lineEnd, End: lineEnd, NewText: []byte("\n" + indent + "\t" + ret + "\n" + indent + "}")})
	} else {
		edits = append(edits, analysis.TextEdit{Pos: lineEnd, End: lineEnd, NewText: []byte("\n" + indent + "if" + body)})
	}
	return []analysis.SuggestedFix{{Message: "return on a non-nil parse error", TextEdits: edits}}
}

// errNameFree reports whether the blank error of an assignment can be
// renamed err without breaking the build.
func (s *state) errNameFree(stmt *ast.AssignStmt) bool {
	scope := s.pass.Pkg.Scope().Innermost(stmt.Pos())
	if scope == nil {
		return false
	}
	if stmt.Tok == token.DEFINE {
		obj := scope.Lookup("err")
		if obj == nil {
			return true
		}
		if !isError(obj.Type()) {
			return false
		}
		if obj.Pos() > stmt.Pos() {
			// Declared later in this block: fine when that declaration
			// also declares another variable (x, err := f()), which then
			// reuses ours.
			return s.definesOther(obj)
		}
		// Declared before: the statement must declare another variable.
		for _, l := range stmt.Lhs {
			if id, ok := l.(*ast.Ident); ok && s.info.Defs[id] != nil {
				return true
			}
		}
		return false
	}
	_, obj := scope.LookupParent("err", stmt.Pos())
	v, ok := obj.(*types.Var)
	return ok && isError(v.Type())
}

// returnText writes what the fix does on a parse error in the function
// fn, the way the code around it answers a failed authentication: a
// request handler of a web framework answers as the model's AuthAnswers
// say (401 in every case), any other function that returns an error
// returns it with zero values for its other results. Elsewhere there is
// no answer that fits (a bare return would let the caller go on as if
// the token were good), so no fix.
func (s *state) returnText(fn ast.Node, file *ast.File, errName string, pos token.Pos) (string, []analysis.TextEdit, bool) {
	var sig *types.Signature
	switch f := fn.(type) {
	case *ast.FuncDecl:
		if obj, ok := s.info.Defs[f.Name].(*types.Func); ok {
			sig, _ = obj.Type().(*types.Signature)
		}
	case *ast.FuncLit:
		sig, _ = s.info.TypeOf(f).(*types.Signature)
	}
	if sig == nil {
		return "", nil, false
	}
	if answer, param := jwtapi.HandlerAnswer(sig); answer != nil {
		return s.answerText(answer, param, file, pos)
	}
	res := sig.Results()
	if res.Len() == 0 || !isError(res.At(res.Len()-1).Type()) {
		return "", nil, false
	}
	var vals []string
	for i := 0; i < res.Len()-1; i++ {
		z, ok := s.zeroValue(res.At(i).Type(), file)
		if !ok {
			return "", nil, false
		}
		vals = append(vals, z)
	}
	vals = append(vals, errName)
	return "return " + strings.Join(vals, ", "), nil, true
}

// answerText fills in the placeholders of a framework's answer, with the
// imports it needs.
func (s *state) answerText(a *jwtapi.AuthAnswer, param *types.Var, file *ast.File, pos token.Pos) (string, []analysis.TextEdit, bool) {
	// The parameter must still mean itself where the check goes.
	if scope := s.pass.Pkg.Scope().Innermost(pos); scope != nil {
		if _, obj := scope.LookupParent(param.Name(), pos); obj != param {
			return "", nil, false
		}
	}
	var edits []analysis.TextEdit
	text := strings.ReplaceAll(a.Stmt, "{param}", param.Name())
	for placeholder, path := range map[string]string{"{pkg}": a.Pkg, "{http}": "net/http"} {
		if !strings.Contains(text, placeholder) {
			continue
		}
		name, e, ok := diag.ImportName(s.info, s.pass.Pkg, file, path, pos)
		if !ok {
			return "", nil, false
		}
		edits = append(edits, e...)
		text = strings.ReplaceAll(text, placeholder, name)
	}
	return text, edits, true
}

// zeroValue writes the zero value of t as the file can spell it.
func (s *state) zeroValue(t types.Type, file *ast.File) (string, bool) {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "false", true
		case u.Info()&types.IsNumeric != 0:
			return "0", true
		case u.Info()&types.IsString != 0:
			return `""`, true
		case u.Kind() == types.UnsafePointer:
			return "nil", true
		}
		return "", false
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		if _, isParam := t.(*types.TypeParam); isParam {
			return "", false
		}
		return "nil", true
	case *types.Struct, *types.Array:
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.TypeArgs().Len() > 0 || n.Obj().Pkg() == nil {
			return "", false
		}
		if n.Obj().Pkg() == s.pass.Pkg {
			return n.Obj().Name() + "{}", true
		}
		for _, imp := range file.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil || p != n.Obj().Pkg().Path() {
				continue
			}
			name := n.Obj().Pkg().Name()
			if imp.Name != nil {
				name = imp.Name.Name
			}
			if name == "_" || name == "." {
				return "", false
			}
			return name + "." + n.Obj().Name() + "{}", true
		}
	}
	return "", false
}

// definesOther reports whether obj is declared by a short variable
// declaration that declares another variable as well.
func (s *state) definesOther(obj types.Object) bool {
	for id, o := range s.info.Defs {
		if o != obj {
			continue
		}
		as, ok := s.parents[id].(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE {
			return false
		}
		for _, l := range as.Lhs {
			if other, ok := l.(*ast.Ident); ok && other != id && other.Name != "_" && s.info.Defs[other] != nil {
				return true
			}
		}
		return false
	}
	return false
}
