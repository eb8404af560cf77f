package diag

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

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

// addImport returns the edit that adds an import of path to file.
func addImport(file *ast.File, path string) []analysis.TextEdit {
	quoted := strconv.Quote(path)
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return []analysis.TextEdit{{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + quoted)}}
		}
		// import "x" -> import ("x"; "path")
		return []analysis.TextEdit{{Pos: gd.Pos(), End: gd.End(), NewText: []byte(fmt.Sprintf("import (\n\t%s\n\t%s\n)", specText(gd), quoted))}}
	}
	end := file.Name.End()
	return []analysis.TextEdit{{Pos: end, End: end, NewText: []byte("\n\nimport " + quoted)}}
}

func specText(gd *ast.GenDecl) string {
	s := gd.Specs[0].(*ast.ImportSpec)
	if s.Name != nil {
		return s.Name.Name + " " + s.Path.Value
	}
	return s.Path.Value
}
