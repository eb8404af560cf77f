// Package unmaintained defines the jwtvet rule that reports imports of
// archived or unmaintained JWT libraries.
package unmaintained

import (
	"fmt"
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

const name = "unmaintained"

// Analyzer reports imports of unmaintained JWT modules.
var Analyzer = &analysis.Analyzer{
	Name:             name,
	Doc:              doc,
	URL:              diag.URL(name),
	Run:              run,
	RunDespiteErrors: true,
}

// fileImport is a file's first import of a package of an unmaintained
// module, with every import of that module in the file.
type fileImport struct {
	file  *ast.File
	row   *jwtapi.Deprecated
	specs []*ast.ImportSpec
}

func run(pass *analysis.Pass) (any, error) {
	model := jwtapi.Default
	var found []*fileImport
	// byModule holds, per module, whether every file importing it can be
	// rewritten: a package is fixed whole or not at all, since its files
	// share the old module's types.
	rewritable := make(map[*jwtapi.Deprecated]bool)
	for _, f := range pass.Files {
		byRow := make(map[*jwtapi.Deprecated]*fileImport)
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				continue
			}
			row := model.Deprecated(path)
			if row == nil {
				continue
			}
			fi := byRow[row]
			if fi == nil {
				fi = &fileImport{file: f, row: row}
				byRow[row] = fi
				found = append(found, fi)
			}
			fi.specs = append(fi.specs, spec)
		}
		for row, fi := range byRow {
			ok, seen := rewritable[row]
			if !seen {
				ok = pass.TypesInfo != nil && pass.Pkg != nil && !dependsElsewhere(pass.Pkg, row) && inBuild(pass.Pkg, row.Replacement)
			}
			rewritable[row] = ok && canRewrite(pass.TypesInfo, fi)
		}
	}
	if len(found) == 0 {
		return nil, nil
	}
	r := diag.New(pass, name)
	for _, fi := range found {
		spec := fi.specs[0]
		path, _ := strconv.Unquote(spec.Path.Value)
		d := analysis.Diagnostic{
			Pos: spec.Path.Pos(),
			End: spec.Path.End(),
			Message: fmt.Sprintf("%s is %s; use %s: go get %s",
				fi.row.Module, fi.row.Status, fi.row.Replacement, fi.row.Replacement),
		}
		if rewritable[fi.row] {
			var edits []analysis.TextEdit
			for _, s := range fi.specs {
				p, _ := strconv.Unquote(s.Path.Value)
				edits = append(edits, analysis.TextEdit{Pos: s.Path.Pos(), End: s.Path.End(), NewText: []byte(importText(pass.TypesInfo, s, fi.row.Packages[p]))})
			}
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   fmt.Sprintf("import %s instead of %s (then go get %s)", fi.row.Packages[path], path, fi.row.Replacement),
				TextEdits: edits,
			}}
		}
		r.Report(d)
	}
	return nil, nil
}

// importText is the rewritten import path of spec. An unnamed import keeps
// the old package's name: when the new path's last element (less a /vN
// suffix) is not that name, the import names it explicitly.
func importText(info *types.Info, spec *ast.ImportSpec, newPath string) string {
	quoted := strconv.Quote(newPath)
	if spec.Name != nil {
		return quoted
	}
	pn, ok := info.Implicits[spec].(*types.PkgName)
	if !ok {
		return quoted
	}
	last := newPath[strings.LastIndex(newPath, "/")+1:]
	if len(last) >= 2 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		if i := strings.LastIndex(newPath[:len(newPath)-len(last)-1], "/"); i >= 0 {
			last = newPath[i+1 : len(newPath)-len(last)-1]
		}
	}
	if last == pn.Imported().Name() {
		return quoted
	}
	return pn.Imported().Name() + " " + quoted
}

// canRewrite reports whether every import of the module in the file has a
// counterpart in the replacement, no import is a dot import (its names
// could clash), and every identifier of the module the file uses is
// declared alike by the replacement.
func canRewrite(info *types.Info, fi *fileImport) bool {
	if info == nil {
		return false
	}
	for _, s := range fi.specs {
		p, _ := strconv.Unquote(s.Path.Value)
		if _, ok := fi.row.Packages[p]; !ok || (s.Name != nil && s.Name.Name == ".") {
			return false
		}
	}
	ok := true
	ast.Inspect(fi.file, func(n ast.Node) bool {
		id, isIdent := n.(*ast.Ident)
		if !ok || !isIdent {
			return ok
		}
		obj := info.Uses[id]
		if obj == nil || obj.Pkg() == nil || !jwtapi.ModuleOf(obj.Pkg().Path(), fi.row.Module) {
			return true
		}
		if !fi.row.Compatible(qualifiedName(obj)) {
			ok = false
		}
		return ok
	})
	return ok
}

// qualifiedName names obj as the Incompatible column does:
// "importpath.Name", or "importpath.Type.Name" for methods and fields.
// It is a key to match against that column, by import path; it never
// appears in a message (messages name APIs by jwtapi's APIName family).
func qualifiedName(obj types.Object) string {
	path := obj.Pkg().Path()
	switch o := obj.(type) {
	case *types.Func:
		if sig, ok := o.Type().(*types.Signature); ok && sig.Recv() != nil {
			if n := namedOf(sig.Recv().Type()); n != nil {
				return path + "." + n.Obj().Name() + "." + o.Name()
			}
		}
	case *types.Var:
		if o.IsField() {
			if owner := fieldOwner(o); owner != "" {
				return path + "." + owner + "." + o.Name()
			}
		}
	}
	return path + "." + obj.Name()
}

// fieldOwner returns the name of the package-level named struct type of
// field's package that declares it, or "".
func fieldOwner(field *types.Var) string {
	if tn, _, _ := jwtapi.DeclaringStruct(field); tn != nil {
		return tn.Name()
	}
	return ""
}

func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// dependsElsewhere reports whether a package pkg imports, other than the
// module itself, depends on the module: the file's values of the old
// module's types then flow to or from that package, and rewriting the
// import would break the build.
// inBuild reports whether some package the program already imports,
// directly or not, belongs to module: only then does an import of the
// module compile without a go get first. A module that is required but
// whose packages nothing imports yet is missed, which costs a fix, never
// a broken build.
func inBuild(pkg *types.Package, module string) bool {
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package) bool
	visit = func(p *types.Package) bool {
		for _, imp := range p.Imports() {
			if seen[imp] {
				continue
			}
			seen[imp] = true
			if jwtapi.ModuleOf(imp.Path(), module) || visit(imp) {
				return true
			}
		}
		return false
	}
	return visit(pkg)
}

func dependsElsewhere(pkg *types.Package, row *jwtapi.Deprecated) bool {
	seen := make(map[*types.Package]bool)
	var uses func(p *types.Package) bool
	uses = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, imp := range p.Imports() {
			if jwtapi.ModuleOf(imp.Path(), row.Module) || uses(imp) {
				return true
			}
		}
		return false
	}
	for _, imp := range pkg.Imports() {
		if jwtapi.ModuleOf(imp.Path(), row.Module) || jwtapi.IsStdPath(imp.Path()) {
			continue
		}
		if uses(imp) {
			return true
		}
	}
	return false
}
