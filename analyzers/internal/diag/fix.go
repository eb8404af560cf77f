package diag

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// ImportName returns the name by which file can refer to the package at
// path, and the edits that add the import when the file lacks it. ok is
// false when the name the import would take is already used for something
// else at scopePos, so a fix using it would not compile.
func ImportName(info *types.Info, pkg *types.Package, file *ast.File, path string, scopePos token.Pos) (name string, edits []analysis.TextEdit, ok bool) {
	for _, imp := range file.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != path {
			continue
		}
		switch {
		case imp.Name == nil:
			if pn, ok := info.Implicits[imp].(*types.PkgName); ok {
				name = pn.Name()
			}
		case imp.Name.Name == "_" || imp.Name.Name == ".":
			continue
		default:
			name = imp.Name.Name
		}
		if name != "" {
			return name, nil, true
		}
	}
	// Not imported: the default name is the last path element.
	name = path
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			name = path[i+1:]
			break
		}
	}
	if scope := innermostScope(pkg, file, scopePos); scope != nil {
		if _, obj := scope.LookupParent(name, scopePos); obj != nil {
			return "", nil, false
		}
	}
	return name, addImport(file, path), true
}

func innermostScope(pkg *types.Package, file *ast.File, pos token.Pos) *types.Scope {
	if pkg == nil {
		return nil
	}
	s := pkg.Scope().Innermost(pos)
	if s == nil {
		return pkg.Scope()
	}
	return s
}

// addImport returns the edits that add an import of path to file.
//
// Several rules may each add an import to the same file, in fixes that
// are merged three-way (go vet -fix, golangci-lint --fix) or applied
// together (jwtvet -fix). So every rule follows one convention: the new
// import is a pure insertion, and whatever else has to change (turning
// `import "x"` into a parenthesized group, separating the standard
// library from modules) is done by edits that depend only on the file, so
// they are byte-identical across rules and coalesce. Two rules adding two
// different imports then insert at the same point, which all three
// drivers accept; no rule replaces a range another rule also replaces.
func addImport(file *ast.File, path string) []analysis.TextEdit {
	spec := "\n\t" + strconv.Quote(path)
	std := isStd(path)
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT || len(gd.Specs) == 0 || importsC(gd) {
			continue // cgo's import "C" keeps its preamble and stays alone
		}
		first := gd.Specs[0].(*ast.ImportSpec)
		firstStd := isStd(importPath(first))
		if gd.Lparen.IsValid() {
			edits := []analysis.TextEdit{{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte(spec)}}
			// import ( "mod/x" ... ) gets a standard library group of
			// its own before the modules: the first spec moves one
			// line down (an edit every rule makes the same way).
			if std && !firstStd && first.Doc == nil && first.Pos() == gd.Lparen+3 {
				edits = append(edits, analysis.TextEdit{Pos: gd.Lparen + 1, End: first.Pos(), NewText: []byte("\n\n\t")})
			}
			return edits
		}
		if len(gd.Specs) != 1 || first.Pos() != gd.TokPos+token.Pos(len("import ")) {
			break
		}
		// import "x" -> import (<new imports>\n\n\t"x"\n): the keyword
		// and the space after it are replaced the same way by every
		// rule, and the new import goes in between.
		after := "\n\t"
		if std && !firstStd {
			after = "\n\n\t"
		}
		kw := gd.TokPos + token.Pos(len("import"))
		return []analysis.TextEdit{
			{Pos: gd.TokPos, End: kw, NewText: []byte("import (")},
			{Pos: kw, End: kw, NewText: []byte(spec)},
			{Pos: kw, End: first.Pos(), NewText: []byte(after)},
			{Pos: gd.End(), End: gd.End(), NewText: []byte("\n)")},
		}
	}
	// No import declaration that can be extended: a declaration of its
	// own after the package clause (or the last import declaration);
	// formatting merges them.
	end := file.Name.End()
	for _, decl := range file.Decls {
		if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			end = gd.End()
		}
	}
	return []analysis.TextEdit{{Pos: end, End: end, NewText: []byte("\n\nimport " + strconv.Quote(path))}}
}

func importsC(gd *ast.GenDecl) bool {
	for _, s := range gd.Specs {
		if importPath(s.(*ast.ImportSpec)) == "C" {
			return true
		}
	}
	return false
}

func importPath(s *ast.ImportSpec) string {
	p, _ := strconv.Unquote(s.Path.Value)
	return p
}

// isStd reports whether path is in the standard library, the way
// goimports groups imports: no dot in the first path element.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
