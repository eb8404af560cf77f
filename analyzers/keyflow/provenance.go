package keyflow

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Provenance answers, for one pass of a rule, what a key is read from
// (its identity roots, roots.go), where a value is stored and what names
// it (dest.go), and the constant fallbacks of the package's reads of
// configuration (fallback.go) with the startup checks that reject them
// (failclosed.go).
//
// It reads and writes facts through the rule's pass: a rule that asks
// for fallbacks lists EnvDefaultFact and FallbackFact in its FactTypes.
// A Provenance belongs to one pass and is not safe for concurrent use.
type Provenance struct {
	flow *Flow
	pass *analysis.Pass
	ix   *jwtapi.Index
	info *types.Info
	ins  *inspector.Inspector
	enc  objectpath.Encoder

	// params maps parameters to their index, built on first use.
	params map[*types.Var]int
	// receivers are the receiver variables of this package's methods.
	receivers map[*types.Var]bool
	// helpers are this package's getenv(name, def) functions, found on
	// first use.
	helpers map[*types.Func]*EnvDefaultFact
	// rejections are the package's startup checks that refuse short or
	// placeholder secrets (failclosed.go), collected on first use.
	rejections []rejection
}

// Provenance returns the provenance reader for pass, a pass of an
// analyzer that requires keyflow.Analyzer on the package f was made for.
func (f *Flow) Provenance(pass *analysis.Pass) *Provenance {
	return &Provenance{flow: f, pass: pass, ix: f.ix, info: pass.TypesInfo, ins: f.ix.Inspector()}
}

// ObjID names a package-level object, a field or a method in a way that
// is the same in every package that sees it; "" for local variables.
func (pr *Provenance) ObjID(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	if obj.Pkg().Scope().Lookup(obj.Name()) == obj {
		return obj.Pkg().Path() + "#" + obj.Name()
	}
	if v, ok := obj.(*types.Var); ok && !v.IsField() {
		return "" // a local variable or parameter
	}
	if path, err := pr.enc.For(obj); err == nil {
		return obj.Pkg().Path() + "#" + string(path)
	}
	// A field or method objectpath cannot name (of a local type):
	// meaningful within this pass only.
	return fmt.Sprintf("%s#%s@%d", obj.Pkg().Path(), obj.Name(), obj.Pos())
}

func isTypeExpr(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsType()
}

// inPackage reports whether pos lies in one of the package's files.
func (pr *Provenance) inPackage(pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	for _, f := range pr.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// PkgPosition formats a position in this package as pkg/file.go:line,
// for facts other packages read.
func (f *Flow) PkgPosition(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	return lastElem(f.pass.Pkg.Path()) + "/" + position(f.pass.Fset, pos)
}

func lastElem(path string) string {
	if i := strings.LastIndex(path, "/"); i >= 0 {
		return path[i+1:]
	}
	return path
}

// KeyLike reports whether values of type t can hold a secret: a string
// or a byte slice.
func KeyLike(t types.Type) bool { return keyLike(t) }

// MayVary reports, from cheap signals, whether a value of the package
// can depend on its configuration or environment: it imports an
// environment, flag or config library, cmp or embed, or declares a
// package-level composite literal or a struct with a default tag. Rules
// use it to skip packages where no fallback or selection can be.
func MayVary(pkg *types.Package, files []*ast.File) bool {
	for _, imp := range pkg.Imports() {
		if varyPackages[imp.Path()] {
			return true
		}
	}
	for _, f := range files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				switch spec := spec.(type) {
				case *ast.ValueSpec:
					for _, v := range spec.Values {
						if _, ok := ast.Unparen(v).(*ast.CompositeLit); ok {
							return true
						}
					}
				case *ast.TypeSpec:
					if st, ok := spec.Type.(*ast.StructType); ok && hasDefaultTag(st) {
						return true
					}
				}
			}
		}
	}
	return false
}

// varyPackages: importing one of these can make a secret's value depend
// on the environment, a flag or a config default.
var varyPackages = func() map[string]bool {
	m := jwtapi.ConfigPackages()
	m["cmp"], m["embed"] = true, true
	return m
}()

func hasDefaultTag(st *ast.StructType) bool {
	for _, f := range st.Fields.List {
		if f.Tag == nil {
			continue
		}
		for _, t := range jwtapi.DefaultTags() {
			if strings.Contains(f.Tag.Value, t.Tag+":") {
				return true
			}
		}
	}
	return false
}

// TypeName returns the name of the named type t or *t, or "".
func TypeName(t types.Type) string {
	if t == nil {
		return ""
	}
	return jwtapi.NamedTypeName(t)
}
