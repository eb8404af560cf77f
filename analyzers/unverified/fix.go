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

// pinFix adds WithValidMethods([]string{alg}) to the call that takes the
// parse's options.
func (s *state) pinFix(ev *jwtapi.VerifyEvent, alg string) ([]analysis.SuggestedFix, string) {
	if alg == "" {
		return nil, ""
	}
	ins := ev.PinOption()
	if ins == nil {
		return nil, ""
	}
	file := s.ix.FileAt(ins.Call.Pos())
	if file == nil {
		return nil, ""
	}
	pkgName, edits, ok := diag.ImportName(s.info, s.pass.Pkg, file, ins.Option.Pkg().Path(), ins.Call.Pos())
	if !ok {
		return nil, ""
	}
	text := pkgName + "." + ins.Option.Name() + "([]string{" + strconv.Quote(alg) + "})"
	edits = append(edits, analysis.TextEdit{Pos: ins.Pos, End: ins.Pos, NewText: []byte(ins.Sep + text)})
	return []analysis.SuggestedFix{{Message: "add " + text, TextEdits: edits}}, text
}

// errCheckFix inserts "if err != nil { … }" after the parse, when the
// statement sits in a statement list and the enclosing function has a way
// to answer the failure (see returnText).
func (s *state) errCheckFix(st *jwtapi.VerifyEvent) []analysis.SuggestedFix {
	if !st.HasErr() || st.Stmt == nil {
		return nil
	}
	switch s.ix.Parent(st.Stmt).(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return nil
	}
	file := s.ix.FileAt(st.Stmt.Pos())
	if file == nil {
		return nil
	}
	indent := strings.Repeat("\t", max(s.pass.Fset.Position(st.Stmt.Pos()).Column-1, 0))
	errName := "err"
	var edits []analysis.TextEdit
	switch stmt := st.Stmt.(type) {
	case *ast.AssignStmt:
		switch {
		case st.ErrVar != nil:
			errName = st.ErrVar.Name()
		case st.ErrBlank != nil:
			if !s.errNameFree(stmt) {
				return nil
			}
			edits = append(edits, analysis.TextEdit{Pos: st.ErrBlank.Pos(), End: st.ErrBlank.End(), NewText: []byte(errName)})
		default:
			return nil
		}
	case *ast.ExprStmt:
		if ast.Unparen(stmt.X) != st.Expr {
			return nil
		}
	default:
		return nil
	}
	ret, importEdits, ok := s.returnText(st.Encl, file, errName, st.Stmt.Pos())
	if !ok {
		return nil
	}
	edits = append(edits, importEdits...)
	ret = strings.ReplaceAll(ret, "\n", "\n"+indent+"\t")
	body := " " + errName + " != nil {\n" + indent + "\t" + ret + "\n" + indent + "}"
	// The new lines go after a comment that ends the statement's line.
	lineEnd := st.Stmt.End()
	line := s.pass.Fset.Position(lineEnd).Line
	for _, cg := range file.Comments {
		if cg.Pos() >= lineEnd && s.pass.Fset.Position(cg.Pos()).Line == line {
			lineEnd = cg.End()
			break
		}
	}
	if es, ok := st.Stmt.(*ast.ExprStmt); ok {
		sig, ok := s.info.TypeOf(st.Expr).(*types.Tuple)
		if !ok || sig.Len() < 1 || !jwtapi.IsErrorType(sig.At(sig.Len()-1).Type()) {
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
		if !jwtapi.IsErrorType(obj.Type()) {
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
	return ok && jwtapi.IsErrorType(v.Type())
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
	if res.Len() == 0 || !jwtapi.IsErrorType(res.At(res.Len()-1).Type()) {
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
		as, ok := s.ix.Parent(id).(*ast.AssignStmt)
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
