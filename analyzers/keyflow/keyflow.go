package keyflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Analyzer computes key provenance for a package and exports facts for
// the constant values other packages can read. Its result is a *Flow.
var Analyzer = &analysis.Analyzer{
	Name:             "keyflow",
	Doc:              "find where JWT key values come from\n\nThe keyflow analyzer is a helper for the jwtvet rules: it reports nothing. It exports facts for package variables, functions, config literals and exported key fields whose values are fixed at compile time.",
	URL:              "https://github.com/jwtvet/jwtvet/blob/main/analyzers/keyflow",
	Requires:         []*analysis.Analyzer{jwtapi.Analyzer},
	Run:              run,
	ResultType:       reflect.TypeOf((*Flow)(nil)),
	FactTypes:        []analysis.Fact{new(ConstFact), new(FieldsFact), new(ParamSinkFact)},
	RunDespiteErrors: true,
}

// ConstFact marks a package-level variable whose value, or a function
// whose every result, is constant.
type ConstFact struct{ Const Const }

func (*ConstFact) AFact() {}

func (f *ConstFact) String() string { return "const(" + f.Const.Where + ")" }

// FieldsFact records the constant fields of the struct literal a
// package-level variable holds or a function returns, sorted by name (a
// slice, not a map, so that its encoding is deterministic).
type FieldsFact struct{ Fields []FieldConst }

// FieldConst is one constant field.
type FieldConst struct {
	Name  string
	Const Const
}

func (*FieldsFact) AFact() {}

func (f *FieldsFact) String() string {
	names := make([]string, 0, len(f.Fields))
	for _, fc := range f.Fields {
		names = append(names, fc.Name)
	}
	return "fields(" + strings.Join(names, ",") + ")"
}

// Field returns the constant of field name.
func (f *FieldsFact) Field(name string) (Const, bool) {
	for _, fc := range f.Fields {
		if fc.Name == name {
			return fc.Const, true
		}
	}
	return Const{}, false
}

func fieldsFact(m map[string]Const) *FieldsFact {
	f := &FieldsFact{}
	for n, c := range m {
		f.Fields = append(f.Fields, FieldConst{Name: n, Const: c})
	}
	sort.Slice(f.Fields, func(i, j int) bool { return f.Fields[i].Name < f.Fields[j].Name })
	return f
}

func run(pass *analysis.Pass) (any, error) {
	ix := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
	f := &Flow{
		pass:    pass,
		ix:      ix,
		info:    pass.TypesInfo,
		cache:   make(map[ast.Expr]Origin),
		fillers: make(map[*types.Var]Kind),
		inFunc:  make(map[*types.Func]bool),
	}
	if skipPackage(pass, ix) {
		return f, nil
	}
	f.noteFillers()
	f.exportFacts()
	return f, nil
}

// skipPackage reports whether a package can hold nothing a rule needs;
// jwtapi decides, so that every rule skips the same packages.
func skipPackage(pass *analysis.Pass, ix *jwtapi.Index) bool { return ix.Skipped }

// exportFacts exports facts for package-level variables and functions
// whose values other packages could use as keys.
func (f *Flow) exportFacts() {
	scope := f.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		switch obj := obj.(type) {
		case *types.Var:
			if !keyLike(obj.Type()) && !structLike(obj.Type()) {
				continue
			}
			if keyLike(obj.Type()) {
				if o := f.variable(obj, 0); o.Kind == Constant {
					f.pass.ExportObjectFact(obj, &ConstFact{Const: o.Const})
				}
			}
			if structLike(obj.Type()) {
				if fields := f.constFields(obj.Type(), func(field string) ([]Origin, bool) { return f.varFieldValues(obj, field, 0) }); len(fields) > 0 {
					f.pass.ExportObjectFact(obj, fieldsFact(fields))
				}
			}
		case *types.Func:
			f.exportFuncFacts(obj)
		}
	}
	f.exportFieldFacts()
	f.exportParamSinks()
	// Methods: a constant getter on a config type.
	for _, fn := range sortedFuncs(f.ix.Funcs) {
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
			f.exportFuncFacts(fn)
		}
	}
}

func sortedFuncs(m map[*types.Func]*ast.FuncDecl) []*types.Func {
	out := make([]*types.Func, 0, len(m))
	for fn := range m {
		out = append(out, fn)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pos() < out[j].Pos() })
	return out
}

func (f *Flow) exportFuncFacts(fn *types.Func) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 || f.ix.Funcs[fn] == nil {
		return
	}
	rt := sig.Results().At(0).Type()
	switch {
	case keyLike(rt):
		results, ok := f.returnExprs(fn, 0)
		if !ok {
			return
		}
		var origins []Origin
		for _, r := range results {
			origins = append(origins, f.origin(r, nil, 1))
		}
		for _, o := range origins {
			if o.Kind != Constant {
				return
			}
		}
		o := merge(origins)
		f.pass.ExportObjectFact(fn, &ConstFact{Const: o.Const})
	case structLike(rt):
		results, ok := f.returnExprs(fn, 0)
		if !ok {
			return
		}
		fields := f.constFields(rt, func(field string) ([]Origin, bool) {
			var out []Origin
			for _, r := range results {
				vals, ok := f.fieldValues(r, field, nil, 1)
				if !ok {
					return nil, false
				}
				out = append(out, vals...)
			}
			return out, true
		})
		if len(fields) > 0 {
			f.pass.ExportObjectFact(fn, fieldsFact(fields))
		}
	}
}

// constFields returns the string-like fields of struct type t whose every
// value (as given by values) is constant.
func (f *Flow) constFields(t types.Type, values func(string) ([]Origin, bool)) map[string]Const {
	st := jwtapi.StructOf(t)
	if st == nil {
		return nil
	}
	var out map[string]Const
	for i := 0; i < st.NumFields(); i++ {
		field := st.Field(i)
		if !keyLike(field.Type()) || !field.Exported() {
			continue
		}
		if defs, ok := f.ix.Defs.Of(field); !ok || len(defs) > 0 {
			continue // written somewhere in this package
		}
		origins, ok := values(field.Name())
		if !ok || len(origins) == 0 {
			continue
		}
		allConst := true
		for _, o := range origins {
			if o.Kind != Constant {
				allConst = false
			}
		}
		if !allConst {
			continue
		}
		if out == nil {
			out = make(map[string]Const)
		}
		c := origins[0].Const
		if c.Name == "" {
			c.Name = field.Name()
		}
		out[field.Name()] = c
	}
	return out
}

// keyLike: types a secret is held in.
func keyLike(t types.Type) bool { return jwtapi.StringOrBytes(t) }

func structLike(t types.Type) bool { return jwtapi.StructOf(t) != nil }

// Describe returns the place a reader should look at for an origin, for
// messages: never the value.
func (f *Flow) Describe(o Origin) string {
	if o.Const.Where != "" {
		return o.Const.Where
	}
	if o.Pos.IsValid() {
		return "a value at " + position(f.pass.Fset, o.Pos)
	}
	return "a constant"
}

// Position formats a position in this package as file.go:line.
func (f *Flow) Position(pos token.Pos) string { return position(f.pass.Fset, pos) }
