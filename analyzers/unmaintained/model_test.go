package unmaintained_test

import (
	"go/types"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// TestIncompatibleMatchesModules checks the model's Incompatible lists
// against the real modules of the fixture module: an identifier of an old
// package is listed exactly when its counterpart package lacks it or
// declares it differently (a function that only gained a trailing
// variadic parameter still compiles at its call sites).
func TestIncompatibleMatchesModules(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the JWT modules: skipped with -short")
	}
	var patterns []string
	var rows []*jwtapi.Deprecated
	for _, d := range jwtapi.Default.DeprecatedModules() {
		if len(d.Packages) == 0 {
			continue
		}
		rows = append(rows, d)
		for old, repl := range d.Packages {
			patterns = append(patterns, old, repl)
		}
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps,
		Dir:  fixtures.Dir(t),
		Env:  append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := make(map[string]*types.Package)
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		byPath[p.PkgPath] = p.Types
	}
	for _, d := range rows {
		var got []string
		for old, repl := range d.Packages {
			op, np := byPath[old], byPath[repl]
			if op == nil || np == nil {
				t.Errorf("%s -> %s: not loaded", old, repl)
				continue
			}
			got = append(got, diffPackages(op, np, d)...)
		}
		sort.Strings(got)
		want := slices.Clone(d.Incompatible)
		sort.Strings(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: Incompatible is\n\t%v\nthe modules differ in\n\t%v", d.Module, want, got)
		}
	}
}

// diffPackages lists the exported identifiers of op that np lacks or
// declares differently, named as the Incompatible column names them.
func diffPackages(op, np *types.Package, d *jwtapi.Deprecated) []string {
	q := qualifier(d)
	var out []string
	for _, name := range op.Scope().Names() {
		obj := op.Scope().Lookup(name)
		if !obj.Exported() {
			continue
		}
		id := op.Path() + "." + name
		nobj := np.Scope().Lookup(name)
		if nobj == nil {
			out = append(out, id)
			continue
		}
		tn, isType := obj.(*types.TypeName)
		if !isType {
			if !sameType(obj.Type(), nobj.Type(), q) {
				out = append(out, id)
			}
			continue
		}
		nt := nobj.Type()
		ms, nms := methodSet(tn.Type()), methodSet(nt)
		for i := 0; i < ms.Len(); i++ {
			m := ms.At(i).Obj()
			if !m.Exported() {
				continue
			}
			var nm types.Object
			for j := 0; j < nms.Len(); j++ {
				if nms.At(j).Obj().Name() == m.Name() {
					nm = nms.At(j).Obj()
				}
			}
			if nm == nil || !sameType(m.Type(), nm.Type(), q) {
				out = append(out, id+"."+m.Name())
			}
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		nst, _ := nt.Underlying().(*types.Struct)
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			if !f.Exported() {
				continue
			}
			var nf *types.Var
			for j := 0; nst != nil && j < nst.NumFields(); j++ {
				if nst.Field(j).Name() == f.Name() {
					nf = nst.Field(j)
				}
			}
			if nf == nil || !sameType(f.Type(), nf.Type(), q) {
				out = append(out, id+"."+f.Name())
			}
		}
	}
	return out
}

// methodSet is the method set of *T, or of T for an interface.
func methodSet(t types.Type) *types.MethodSet {
	if types.IsInterface(t) {
		return types.NewMethodSet(t)
	}
	return types.NewMethodSet(types.NewPointer(t))
}

// qualifier writes the packages of the old module and their counterparts
// alike, so that types compare by what they denote.
func qualifier(d *jwtapi.Deprecated) types.Qualifier {
	return func(p *types.Package) string {
		for old, repl := range d.Packages {
			if p.Path() == old || p.Path() == repl {
				return "pkg:" + old
			}
		}
		return p.Path()
	}
}

// sameType compares two types by their spelling with the module paths
// identified and parameter names dropped; a function that gained only a
// trailing variadic parameter counts as the same at call sites.
func sameType(a, b types.Type, q types.Qualifier) bool {
	if typeText(a, q) == typeText(b, q) {
		return true
	}
	sa, ok1 := a.(*types.Signature)
	sb, ok2 := b.(*types.Signature)
	if !ok1 || !ok2 || sa.Variadic() || !sb.Variadic() || sb.Params().Len() != sa.Params().Len()+1 {
		return false
	}
	for i := 0; i < sa.Params().Len(); i++ {
		if typeText(sa.Params().At(i).Type(), q) != typeText(sb.Params().At(i).Type(), q) {
			return false
		}
	}
	return tupleText(sa.Results(), q) == tupleText(sb.Results(), q)
}

func typeText(t types.Type, q types.Qualifier) string {
	if s, ok := t.(*types.Signature); ok {
		return "func(" + tupleText(s.Params(), q) + ") (" + tupleText(s.Results(), q) + ")"
	}
	return strings.ReplaceAll(types.TypeString(t, q), "interface{}", "any")
}

func tupleText(tu *types.Tuple, q types.Qualifier) string {
	var parts []string
	for i := 0; i < tu.Len(); i++ {
		parts = append(parts, typeText(tu.At(i).Type(), q))
	}
	return strings.Join(parts, ", ")
}
