package keyflow

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Keys that may be empty.
//
// A key read from the environment or filled by a config loader is empty
// when the variable is unset, and some libraries sign and verify with an
// empty key. Whether that can happen is provenance: where the value comes
// from (an environment read, a loader's struct tag, a field written from
// one) and whether the package checks it before use (compares it,
// measures it, validates it, hands it to its own code, or reads it with
// LookupEnv, which tells unset from empty). The check is any reading of
// the value, not only one that rejects it (compare failclosed.go, which
// asks whether a startup check refuses one constant): a key that is
// looked at is taken to be looked at for emptiness.
//
// EmptyKeys reads and writes facts through the rule's pass: a rule that
// asks lists UncheckedKeyFieldFact in its FactTypes.

// UncheckedKeyFieldFact marks a string or []byte field of a struct type
// that a configuration source fills (an environment variable read in its
// package, or a config-loader struct tag) and that its package never
// checks for emptiness: a key read from it may be empty.
type UncheckedKeyFieldFact struct {
	Source string // where the value comes from, for messages
}

func (*UncheckedKeyFieldFact) AFact() {}

func (f *UncheckedKeyFieldFact) String() string { return "unchecked(" + f.Source + ")" }

// EmptyKeys answers, for one pass of a rule, whether a key comes from a
// configuration value that nothing checks before use. It belongs to one
// pass and is not safe for concurrent use.
type EmptyKeys struct {
	pass    *analysis.Pass
	ix      *jwtapi.Index
	flow    *Flow
	checked map[types.Object]bool
}

// EmptyKeys returns the empty-key reader for pass, a pass of an analyzer
// that requires keyflow.Analyzer on the package f was made for.
func (f *Flow) EmptyKeys(pass *analysis.Pass) *EmptyKeys {
	return &EmptyKeys{pass: pass, ix: f.ix, flow: f}
}

// Unchecked reports whether key, a key expression whose origin is o, may
// be empty: a string or byte slice read from the environment or filled
// by a config source, that nothing in the package checks before use.
// source says where the value comes from, for messages; holder is the
// variable or field that holds it, or nil.
func (e *EmptyKeys) Unchecked(key ast.Expr, o Origin) (source string, holder types.Object, ok bool) {
	info := e.pass.TypesInfo
	key = jwtapi.StripConversions(info, key)
	if t := info.TypeOf(key); t == nil || !jwtapi.StringOrBytes(t) {
		return "", nil, false
	}
	if src, holder, ok := e.envSelection(key); ok {
		return src, holder, true
	}
	switch {
	case o.Kind == Env && !isField(o.Holder):
		if e.lookupEnv(key, o.Holder) {
			return "", nil, false // LookupEnv: the program tells unset from empty
		}
		if o.Holder != nil && e.isChecked(o.Holder) {
			return "", nil, false
		}
		if o.Env != "" && e.envChecked(o.Env) {
			return "", nil, false
		}
		source = "a value read from the environment"
		if o.Env != "" {
			source = "environment variable " + o.Env
		}
	default:
		// A field is judged by its writes: keyflow's join of them names
		// the field, not the variables the writes read and check.
		f := fieldOf(info, key)
		if f == nil && isField(o.Holder) {
			f = o.Holder.(*types.Var)
		}
		if f == nil {
			return "", nil, false
		}
		src, ok := e.fieldSource(f)
		if !ok || e.isChecked(f) {
			return "", nil, false
		}
		source = src
	}
	holder = o.Holder
	if holder == nil {
		if f := fieldOf(info, key); f != nil {
			holder = f
		}
	}
	return source, holder, true
}

// fieldSource says where a field's value comes from, when a config source
// fills it: a fact of its package, or, for a field of this package, its
// tag or the environment reads assigned to it.
func (e *EmptyKeys) fieldSource(f *types.Var) (string, bool) {
	if f.Pkg() != e.pass.Pkg {
		var fact UncheckedKeyFieldFact
		if e.pass.ImportObjectFact(f, &fact) {
			return fact.Source, true
		}
		return "", false
	}
	return e.localFieldSource(f)
}

func (e *EmptyKeys) localFieldSource(f *types.Var) (string, bool) {
	st, tag, named := fieldTag(f)
	if st == nil {
		return "", false
	}
	if tagRequires(tag) || hasValidateMethod(named) {
		return "", false
	}
	st2 := reflect.StructTag(tag)
	// Tags of configuration loaders that fill a field from the
	// environment or a config file.
	for _, t := range jwtapi.NameTags() {
		if !t.Loader {
			continue
		}
		k := t.Tag
		if v, ok := st2.Lookup(k); ok && v != "" && v != "-" {
			name := v
			if i := strings.IndexByte(name, ','); i >= 0 {
				name = name[:i]
			}
			return fmt.Sprintf("field %s, filled by its %s tag %q", f.Name(), k, name), true
		}
	}
	for _, v := range append(e.ix.Defs.LitValues(f), defExprs(e.ix.Defs.Assigned(f))...) {
		o := e.flow.Origin(v)
		if o.Kind != Env || e.lookupEnv(v, o.Holder) {
			continue
		}
		// jwtSecret := os.Getenv(…); if jwtSecret == "" {…}; Config{JWTSecret: jwtSecret}
		if (o.Holder != nil && e.isChecked(o.Holder)) || (o.Env != "" && e.envChecked(o.Env)) {
			return "", false
		}
		src := "the environment"
		if o.Env != "" {
			src = "environment variable " + o.Env
		}
		return fmt.Sprintf("field %s, set from %s", f.Name(), src), true
	}
	return "", false
}

func isField(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && v.IsField()
}

func defExprs(defs []jwtapi.Def) []ast.Expr {
	var out []ast.Expr
	for _, d := range defs {
		if d.Expr != nil && d.Index < 0 {
			out = append(out, d.Expr)
		}
	}
	return out
}

// ExportFacts exports UncheckedKeyFieldFact for the key-like fields
// of this package's struct types that a config source fills and nothing
// here checks.
func (e *EmptyKeys) ExportFacts() {
	for _, st := range jwtapi.PackageStructs(e.pass.Pkg) {
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			if !f.Exported() || !jwtapi.StringOrBytes(f.Type()) || !secretName(f.Name()) {
				continue
			}
			if src, ok := e.localFieldSource(f); ok && !e.isChecked(f) {
				e.pass.ExportObjectFact(f, &UncheckedKeyFieldFact{Source: src})
			}
		}
	}
}

// secretName reports whether a field's name says it holds a secret or a
// key: only such fields get a fact, which keeps the facts of packages
// full of configuration or data types few.
func secretName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"secret", "key", "jwt", "sign", "hmac", "token"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// fieldTag finds the struct holding field f among the package's types
// (or f's own package's, through its type) and returns its tag.
func fieldTag(f *types.Var) (*types.Struct, string, *types.Named) {
	tn, st, i := jwtapi.DeclaringStruct(f)
	if tn == nil {
		return nil, "", nil
	}
	named, _ := tn.Type().(*types.Named)
	return st, st.Tag(i), named
}

// tagRequires reports whether a field's tag makes a loader or validator
// refuse an empty value (validate:"required" or "min=…", envconfig
// required:"true", caarlos0/env ",required" or ",notEmpty", binding
// "required"), or gives it a default (a default tag of
// jwtapi.ConfigSources, default:"…", envDefault:"…": a constant
// fallback, which is sharedkey's finding, never an empty key).
func tagRequires(tag string) bool {
	st := reflect.StructTag(tag)
	if def, _ := jwtapi.TagDefault(st); def != "" {
		return true
	}
	for _, k := range []string{"validate", "binding"} {
		if v, ok := st.Lookup(k); ok && (strings.Contains(v, "required") || strings.Contains(v, "min=") || strings.Contains(v, "len=")) {
			return true
		}
	}
	if v, ok := st.Lookup("required"); ok && v == "true" {
		return true
	}
	if v, ok := st.Lookup("env"); ok && (strings.Contains(v, ",required") || strings.Contains(v, ",notEmpty")) {
		return true
	}
	return false
}

// hasValidateMethod reports whether a config type validates itself.
func hasValidateMethod(named *types.Named) bool {
	if named == nil {
		return false
	}
	ms := types.NewMethodSet(types.NewPointer(named))
	for i := 0; i < ms.Len(); i++ {
		switch ms.At(i).Obj().Name() {
		case "Validate", "validate", "Check", "check", "Verify", "verify":
			return true
		}
	}
	return false
}

// isChecked reports whether this package compares obj (a variable or a
// field) with anything, measures it with len, or hands it to a function of
// its own or of another module (a validator) other than a JWT library.
func (e *EmptyKeys) isChecked(obj types.Object) bool {
	if e.checked == nil {
		e.checked = e.checkedObjects()
	}
	return e.checked[obj]
}

// checkedObjects walks the package once and collects every variable and
// field that a comparison, a len, a switch tag or a call of the program's
// own (or another module's) code reads.
func (e *EmptyKeys) checkedObjects() map[types.Object]bool {
	info := e.pass.TypesInfo
	out := map[types.Object]bool{}
	// mark records the variables and fields n reads. For a call's
	// argument (args), a JWT library call inside it is not the program
	// looking at the value: e.Group("/b", echojwt.JWT(key)) hands key to
	// the middleware, not to a check.
	mark := func(n ast.Node, args bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch x := m.(type) {
			case *ast.Ident:
				if v, ok := info.Uses[x].(*types.Var); ok {
					out[v] = true
				}
			case *ast.CallExpr:
				if fn, _ := typeutil.Callee(info, x).(*types.Func); args && fn != nil && fn.Pkg() != nil && e.ix.Model.IsLibrary(fn.Pkg().Path()) {
					return false
				}
			}
			return true
		})
	}
	for _, f := range e.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.BinaryExpr:
				switch x.Op {
				case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
					mark(x.X, false)
					mark(x.Y, false)
				}
			case *ast.SwitchStmt:
				if x.Tag != nil {
					mark(x.Tag, false)
				}
			case *ast.CallExpr:
				if len(x.Args) == 0 {
					return true
				}
				if a := jwtapi.LenOperand(info, x); a != nil {
					mark(a, false)
				}
				if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
					if _, ok := info.Uses[id].(*types.Builtin); ok {
						return true
					}
				}
				fn, _ := typeutil.Callee(info, x).(*types.Func)
				if fn == nil || fn.Pkg() == nil || jwtapi.IsStdPath(fn.Pkg().Path()) || e.ix.Model.IsLibrary(fn.Pkg().Path()) {
					return true
				}
				for _, a := range x.Args {
					mark(a, true)
				}
			}
			return true
		})
	}
	return out
}

// envChecked reports whether the package checks the environment variable
// name where it reads it elsewhere: os.Getenv("NAME") compared or
// measured in place, or assigned to a variable that is checked.
func (e *EmptyKeys) envChecked(name string) bool {
	info := e.pass.TypesInfo
	isRead := func(x ast.Expr) bool {
		v, ok := jwtapi.EnvNameRead(info, x)
		return ok && v == name
	}
	readsIn := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(m ast.Node) bool {
			if x, ok := m.(ast.Expr); ok && isRead(x) {
				found = true
			}
			return !found
		})
		return found
	}
	checked := false
	for _, f := range e.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if checked {
				return false
			}
			switch x := n.(type) {
			case *ast.BinaryExpr:
				switch x.Op {
				case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
					checked = readsIn(x)
				}
			case *ast.AssignStmt:
				for i, r := range x.Rhs {
					if i < len(x.Lhs) && isRead(r) {
						if id, ok := ast.Unparen(x.Lhs[i]).(*ast.Ident); ok {
							obj := info.Defs[id]
							if obj == nil {
								obj = info.Uses[id]
							}
							if obj != nil && e.isChecked(obj) {
								checked = true
							}
						}
					}
				}
			}
			return true
		})
	}
	return checked
}

// lookupEnv reports whether the key (or the variable holding it) comes
// from a source that tells unset from empty (os.LookupEnv), or that gives
// an unset setting a non-empty default (flag.String(name, "…", usage)):
// such a value is empty only when someone sets it so on purpose. A
// constant default is sharedkey's finding.
func (e *EmptyKeys) lookupEnv(key ast.Expr, holder types.Object) bool {
	isLookup := func(x ast.Expr) bool {
		call, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn, _ := typeutil.Callee(e.pass.TypesInfo, call).(*types.Func)
		src := jwtapi.ConfigSourceOf(fn)
		if src == nil {
			return false
		}
		if src.TellsUnset {
			return true
		}
		def, ok := jwtapi.ConstString(e.pass.TypesInfo, src.DefaultIn(call))
		return ok && def != ""
	}
	if isLookup(key) {
		return true
	}
	if v, ok := holder.(*types.Var); ok {
		for _, d := range e.ix.Defs.Assigned(v) {
			if d.Expr != nil && isLookup(d.Expr) {
				return true
			}
		}
	}
	return false
}

// fieldOf returns the field a selector expression reads, or nil.
func fieldOf(info *types.Info, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	v, _ := s.Obj().(*types.Var)
	return v
}

// envSelection handles a key picked at run time from a map or slice whose
// every element is read from the environment (map[string]string{"dev":
// os.Getenv("DEV_SECRET"), …}[env]): each may be unset, so the key may be
// empty unless the program checks the container's values or the
// variables.
func (e *EmptyKeys) envSelection(key ast.Expr) (source string, holder types.Object, ok bool) {
	x, isIndex := ast.Unparen(key).(*ast.IndexExpr)
	if !isIndex {
		return "", nil, false
	}
	e.flow.mu.Lock()
	elems, ok := e.flow.elements(x, 0)
	var names []string
	for _, el := range elems {
		o := e.flow.origin(el, nil, 1)
		if o.Kind != Env || o.Env == "" || e.lookupEnv(el, nil) {
			ok = false
			break
		}
		names = append(names, o.Env)
	}
	e.flow.mu.Unlock()
	if !ok || len(names) < 2 {
		return "", nil, false
	}
	for _, n := range names {
		if e.envChecked(n) {
			return "", nil, false
		}
	}
	if v := jwtapi.BaseVar(e.pass.TypesInfo, x.X); v != nil {
		if e.isChecked(v) || e.rangedOver(v) {
			return "", nil, false
		}
		holder = v
	}
	sort.Strings(names)
	return "environment variables " + strings.Join(names, ", "), holder, true
}

// rangedOver reports whether the package loops over v: a startup loop
// that checks every configured secret is the usual shape, and jwtvet does
// not follow the loop variable, so any loop counts as a check.
func (e *EmptyKeys) rangedOver(v *types.Var) bool {
	found := false
	for _, f := range e.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if r, ok := n.(*ast.RangeStmt); ok && jwtapi.BaseVar(e.pass.TypesInfo, r.X) == v {
				found = true
			}
			return !found
		})
	}
	return found
}
