package keyflow

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// maxDepth bounds how far a provenance question is followed.
const maxDepth = 12

// Flow answers provenance questions for one package.
type Flow struct {
	// mu serialises queries: the rules that require keyflow share one
	// Flow per package, and drivers run them concurrently, while a query
	// fills the caches below.
	mu    sync.Mutex
	pass  *analysis.Pass
	ix    *jwtapi.Index
	info  *types.Info
	cache map[ast.Expr]Origin
	// constSpecs maps a constant declared in this package to its value
	// expression.
	constSpecs map[*types.Const]ast.Expr
	// fillers maps a buffer variable to the kind of random source that
	// fills it (Random for crypto/rand, Predictable for math/rand).
	fillers map[*types.Var]Kind
	// inFunc guards against recursion through function bodies.
	inFunc map[*types.Func]bool
	// fields is the package's scan for field writes no definition shows,
	// made on the first field read that needs it.
	fields *fieldScan
	// callers indexes the calls of the package's functions, made on the
	// first parameter that needs it.
	callers *callScan
	// params are the parameters of the package's functions that reach a
	// key sink, computed on first use.
	params map[*types.Func][]ParamSink
	args   []ArgSink
}

// bindings maps the parameters of a function being followed to the
// arguments of the call that is being asked about.
type bindings map[*types.Var]ast.Expr

// Origin returns where the value of e comes from.
func (f *Flow) Origin(e ast.Expr) Origin {
	if e == nil {
		return unknown()
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if o, ok := f.cache[e]; ok {
		return o
	}
	o := f.origin(e, nil, 0)
	f.cache[e] = o
	return o
}

// Value returns the constant value behind a Constant origin computed in
// this package. It exists for rules that compare or measure values; no
// rule may print it.
func (o Origin) Value() (string, bool) { return o.value, o.hasValue }

func (f *Flow) origin(e ast.Expr, b bindings, depth int) Origin {
	if e == nil || depth > maxDepth {
		return unknown()
	}
	e = ast.Unparen(e)
	if tv, ok := f.info.Types[e]; ok && tv.Value != nil {
		return f.constantExpr(e, tv)
	}
	switch x := e.(type) {
	case *ast.Ident:
		return f.ident(x, b, depth)
	case *ast.SelectorExpr:
		return f.selector(x, b, depth)
	case *ast.CallExpr:
		return f.call(x, -1, b, depth)
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return unknown()
		}
		l := f.origin(x.X, b, depth+1)
		r := f.origin(x.Y, b, depth+1)
		return concat(l, r)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return f.origin(x.X, b, depth+1)
		}
	case *ast.StarExpr:
		return f.origin(x.X, b, depth+1)
	case *ast.IndexExpr:
		return f.index(x, b, depth)
	case *ast.SliceExpr:
		return f.origin(x.X, b, depth+1)
	case *ast.CompositeLit:
		// A []byte{...} of constant bytes is a constant key.
		return f.byteLit(x)
	case *ast.TypeAssertExpr:
		return f.secretPart(x.X, b, depth)
	}
	return unknown()
}

// constantExpr handles an expression with a constant value.
func (f *Flow) constantExpr(e ast.Expr, tv types.TypeAndValue) Origin {
	var value string
	switch tv.Value.Kind() {
	case constant.String:
		value = constant.StringVal(tv.Value)
	default:
		return unknown() // numbers and booleans are not keys
	}
	pos, expr, holder := e.Pos(), e, types.Object(nil)
	where := "a string literal (" + position(f.pass.Fset, e.Pos()) + ")"
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	}
	if id != nil {
		if c, ok := f.info.Uses[id].(*types.Const); ok {
			if f.ix.IsNoneKey(id) {
				// The library's marker that allows alg none: a finding for
				// algnone, not a secret.
				return unknown()
			}
			holder = c
			where = describe(f.pass.Fset, c, f.pass.Pkg)
			if spec := f.constSpec(c); spec != nil {
				pos, expr = spec.Pos(), spec
			} else {
				pos, expr = token.NoPos, nil
			}
		}
	}
	o := constOf(value, where, nameOf(holder), pos, expr)
	o.Holder = holder
	return o
}

func nameOf(obj types.Object) string {
	if obj == nil {
		return ""
	}
	return obj.Name()
}

func (f *Flow) constSpec(c *types.Const) ast.Expr {
	if c.Pkg() != f.pass.Pkg {
		return nil
	}
	if f.constSpecs == nil {
		f.constSpecs = make(map[*types.Const]ast.Expr)
		for _, file := range f.pass.Files {
			ast.Inspect(file, func(n ast.Node) bool {
				gd, ok := n.(*ast.GenDecl)
				if !ok || gd.Tok != token.CONST {
					return true
				}
				for _, s := range gd.Specs {
					vs := s.(*ast.ValueSpec)
					for i, name := range vs.Names {
						if obj, ok := f.info.Defs[name].(*types.Const); ok && i < len(vs.Values) {
							f.constSpecs[obj] = vs.Values[i]
						}
					}
				}
				return false
			})
		}
	}
	return f.constSpecs[c]
}

func concat(l, r Origin) Origin {
	switch {
	case l.Kind == Constant && r.Kind == Constant:
		o := l
		if l.hasValue && r.hasValue {
			v := l.value + r.value
			o = constOf(v, l.Const.Where, l.Const.Name, l.Pos, l.Expr)
			o.Holder = l.Holder
		} else {
			o.Const.Len = addLen(l.Const.Len, r.Const.Len)
			o.Const.FP, o.Const.Weak = 0, false
			o.hasValue = false
		}
		return o
	case l.Kind == Env || r.Kind == Env:
		// A prefix or suffix on an environment value is still configured
		// at run time.
		if l.Kind == Env {
			return l
		}
		return r
	}
	return unknown()
}

func addLen(a, b int) int {
	if a < 0 || b < 0 {
		return -1
	}
	return a + b
}

func (f *Flow) byteLit(x *ast.CompositeLit) Origin {
	tv, ok := f.info.Types[x]
	if !ok || !isByteSlice(tv.Type) || len(x.Elts) == 0 {
		return unknown()
	}
	buf := make([]byte, 0, len(x.Elts))
	for _, e := range x.Elts {
		etv, ok := f.info.Types[e]
		if !ok || etv.Value == nil {
			return unknown()
		}
		v, ok := constant.Int64Val(constant.ToInt(etv.Value))
		if !ok {
			return unknown()
		}
		buf = append(buf, byte(v))
	}
	return constOf(string(buf), "a byte slice literal ("+position(f.pass.Fset, x.Pos())+")", "", x.Pos(), x)
}

func isByteSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && (b.Kind() == types.Byte || b.Kind() == types.Uint8)
}

// ident follows a variable to its definitions.
func (f *Flow) ident(id *ast.Ident, b bindings, depth int) Origin {
	obj := f.info.Uses[id]
	if obj == nil {
		obj = f.info.Defs[id]
	}
	v, ok := obj.(*types.Var)
	if !ok {
		return unknown()
	}
	if arg, ok := b[v]; ok {
		return f.origin(arg, nil, depth+1)
	}
	if isPackageLevel(v) {
		b = nil
	}
	return f.variableIn(v, b, depth)
}

func (f *Flow) variable(v *types.Var, depth int) Origin { return f.variableIn(v, nil, depth) }

// variableIn follows v's definitions; b binds the parameters of the
// function being followed, for its local variables.
func (f *Flow) variableIn(v *types.Var, b bindings, depth int) Origin {
	if v.Pkg() != f.pass.Pkg {
		return f.importedVar(v)
	}
	if f.ix.Defs.IsParam(v) {
		if o, ok := f.paramFromCallers(v, depth+1); ok {
			return o
		}
		return Origin{Kind: Param, Size: -1, Holder: v}
	}
	defs, ok := f.ix.Defs.Of(v)
	if k, filled := f.fillers[v]; filled && k == Predictable {
		// Writes of its elements make the buffer opaque; math/rand in
		// any of them makes it predictable.
		defs, ok = f.ix.Defs.Assigned(v), true
	}
	if !ok || len(defs) == 0 {
		return unknown()
	}
	if k, ok := f.fillers[v]; ok {
		// A buffer filled by a random source: its definitions are the
		// make() that sized it.
		size, sizeExpr := -1, ast.Expr(nil)
		for _, d := range defs {
			if s, e, ok := f.makeSize(d.Expr); ok {
				size, sizeExpr = s, e
			}
		}
		return Origin{Kind: k, Size: size, SizeExpr: sizeExpr, Holder: v}
	}
	var origins []Origin
	zero := 0
	for _, d := range defs {
		if d.Expr == nil {
			zero++ // the zero value of `var x T`
			continue
		}
		var o Origin
		if d.Index >= 0 {
			call, ok := ast.Unparen(d.Expr).(*ast.CallExpr)
			if !ok {
				// v, ok := keys[env], v, ok := secret.Data["key"].(string)
				if o = f.commaOKOrigin(d, b, depth); o.Kind == Unknown {
					return unknown()
				}
			} else {
				o = f.call(call, d.Index, b, depth+1)
			}
		} else {
			o = f.origin(d.Expr, b, depth+1)
		}
		origins = append(origins, o)
	}
	if len(origins) == 0 {
		return unknown()
	}
	o := merge(origins)
	if o.Kind == Constant || o.Kind == Fallback {
		if isPackageLevel(v) {
			o.Const.Where = describe(f.pass.Fset, v, f.pass.Pkg)
		}
		if o.Holder == nil {
			o.Holder = v
		}
		if o.Const.Name == "" {
			o.Const.Name = v.Name()
		}
	}
	if o.Kind == Env || o.Kind == Random || o.Kind == Predictable || o.Kind == RSAKey {
		if o.Holder == nil {
			o.Holder = v
		}
	}
	return o
}

func isPackageLevel(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

func (f *Flow) importedVar(v *types.Var) Origin {
	var fact ConstFact
	if f.pass.ImportObjectFact(v, &fact) {
		return fromFact(fact.Const, v)
	}
	return unknown()
}

func fromFact(c Const, holder types.Object) Origin {
	return Origin{Kind: Constant, Const: c, Holder: holder, Size: -1}
}

// makeSize recognises make([]byte, n) with constant n.
func (f *Flow) makeSize(e ast.Expr) (int, ast.Expr, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) < 2 {
		return 0, nil, false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || f.info.Uses[id] != types.Universe.Lookup("make") {
		return 0, nil, false
	}
	tv, ok := f.info.Types[call.Args[1]]
	if !ok || tv.Value == nil {
		return -1, call.Args[1], true
	}
	n, ok := constant.Int64Val(constant.ToInt(tv.Value))
	if !ok {
		return -1, call.Args[1], true
	}
	return int(n), call.Args[1], true
}

// selector handles pkg.Name and x.Field.
func (f *Flow) selector(x *ast.SelectorExpr, b bindings, depth int) Origin {
	sel, ok := f.info.Selections[x]
	if !ok {
		// A qualified identifier: pkg.Var (pkg.Const was handled as a
		// constant expression).
		if v, ok := f.info.Uses[x.Sel].(*types.Var); ok {
			return f.variable(v, depth)
		}
		return unknown()
	}
	if sel.Kind() != types.FieldVal {
		return unknown()
	}
	field, ok := sel.Obj().(*types.Var)
	if !ok {
		return unknown()
	}
	// A struct handed by pointer to code that may decode into it
	// (json.Unmarshal(raw, cfg)) holds whatever that code wrote.
	if st := jwtapi.StructOf(typeOf(f.info, x.X)); st != nil && keyLike(field.Type()) && f.scanFields().decoded[st] {
		return unknown()
	}
	// Writes to the field anywhere in the package make reads of it
	// depend on control flow we do not follow.
	fieldDefs, fieldOK := f.ix.Defs.Of(field)
	var origins []Origin
	values, ok := f.fieldValues(x.X, field.Name(), b, depth+1)
	if !ok {
		// Not a literal we can see: the join of the field's writes, when
		// the package holds all of them.
		if o, ok := f.fieldRead(x, field, depth+1); ok {
			return o
		}
		if o, ok := f.importedField(x, field, depth+1); ok {
			return o
		}
		// A key derived from an RSA key or a public key keeps that origin
		// (&priv.PublicKey).
		base := f.origin(x.X, b, depth+1)
		switch base.Kind {
		case RSAKey, Public, Env, Param:
			return base
		case Secret:
			return secretMember(base, typeOf(f.info, x.X), field.Name())
		}
		return unknown()
	}
	for _, v := range values {
		origins = append(origins, v)
	}
	if !fieldOK {
		return unknown()
	}
	for _, d := range fieldDefs {
		if d.Index >= 0 || d.Expr == nil {
			return unknown()
		}
		origins = append(origins, f.origin(d.Expr, nil, depth+1))
	}
	o := merge(origins)
	if o.Kind == Constant || o.Kind == Fallback {
		if o.Const.Name == "" {
			o.Const.Name = field.Name()
		}
		if o.Holder == nil {
			o.Holder = field
		}
	}
	return o
}

// fieldValues returns the origins of field name in every composite literal
// that expression base can evaluate to. ok is false when some value of base
// is not a visible literal.
func (f *Flow) fieldValues(base ast.Expr, name string, b bindings, depth int) ([]Origin, bool) {
	if depth > maxDepth {
		return nil, false
	}
	base = ast.Unparen(base)
	switch x := base.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return f.fieldValues(x.X, name, b, depth+1)
		}
	case *ast.StarExpr:
		return f.fieldValues(x.X, name, b, depth+1)
	case *ast.CompositeLit:
		for id, kv := range jwtapi.KeyedFields(x) {
			if id.Name == name {
				return []Origin{f.origin(kv.Value, b, depth+1)}, true
			}
		}
		return nil, false // unset field: the zero value is not a key
	case *ast.Ident:
		v, ok := f.info.Uses[x].(*types.Var)
		if !ok {
			return nil, false
		}
		if arg, ok := b[v]; ok {
			return f.fieldValues(arg, name, nil, depth+1)
		}
		return f.varFieldValues(v, name, depth)
	case *ast.SelectorExpr:
		if _, isSel := f.info.Selections[x]; !isSel {
			if v, ok := f.info.Uses[x.Sel].(*types.Var); ok {
				return f.varFieldValues(v, name, depth)
			}
			return nil, false
		}
		// Nested: cfg.JWT.Secret — find the literal of cfg.JWT.
		sel := f.info.Selections[x]
		if sel.Kind() != types.FieldVal {
			return nil, false
		}
		if defs, ok := f.ix.Defs.Of(sel.Obj().(*types.Var)); !ok || len(defs) > 0 {
			return nil, false
		}
		lits, ok := f.fieldExprs(x.X, x.Sel.Name, depth+1)
		if !ok {
			return nil, false
		}
		var out []Origin
		for _, l := range lits {
			vals, ok := f.fieldValues(l, name, nil, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, vals...)
		}
		return out, true
	case *ast.IndexExpr:
		elems, ok := f.elements(x, depth+1)
		if !ok {
			return nil, false
		}
		var out []Origin
		for _, el := range elems {
			vals, ok := f.fieldValues(el, name, nil, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, vals...)
		}
		return out, true
	case *ast.CallExpr:
		if fn, ok := typeutil.Callee(f.info, x).(*types.Func); ok {
			if fn.Pkg() != f.pass.Pkg {
				var fact FieldsFact
				if f.pass.ImportObjectFact(fn, &fact) {
					if c, ok := fact.Field(name); ok {
						return []Origin{fromFact(c, fn)}, true
					}
				}
				return nil, false
			}
			results, ok := f.returnExprs(fn, 0)
			if !ok {
				return nil, false
			}
			var out []Origin
			for _, r := range results {
				vals, ok := f.fieldValues(r, name, bindArgs(f.info, fn, f.ix.Funcs[fn], x), depth+1)
				if !ok {
					return nil, false
				}
				out = append(out, vals...)
			}
			return out, true
		}
	}
	return nil, false
}

// fieldExprs returns the expressions assigned to field name in the
// literals base evaluates to (for nested struct literals).
func (f *Flow) fieldExprs(base ast.Expr, name string, depth int) ([]ast.Expr, bool) {
	if depth > maxDepth {
		return nil, false
	}
	lits, ok := f.literals(base, depth+1)
	if !ok {
		return nil, false
	}
	var out []ast.Expr
	for _, lit := range lits {
		vals := jwtapi.KeyedValues(lit, name)
		if len(vals) == 0 {
			return nil, false
		}
		out = append(out, vals...)
	}
	return out, true
}

// literals returns the composite literals an expression evaluates to.
func (f *Flow) literals(e ast.Expr, depth int) ([]*ast.CompositeLit, bool) {
	if depth > maxDepth {
		return nil, false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CompositeLit:
		return []*ast.CompositeLit{x}, true
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return f.literals(x.X, depth+1)
		}
	case *ast.Ident:
		v, ok := f.info.Uses[x].(*types.Var)
		if !ok || v.Pkg() != f.pass.Pkg || f.ix.Defs.IsParam(v) {
			return nil, false
		}
		defs, ok := f.ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return nil, false
		}
		var out []*ast.CompositeLit
		for _, d := range defs {
			if d.Expr == nil || d.Index >= 0 {
				return nil, false
			}
			l, ok := f.literals(d.Expr, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, l...)
		}
		return out, true
	}
	return nil, false
}

// varFieldValues handles a variable holding a struct literal.
func (f *Flow) varFieldValues(v *types.Var, name string, depth int) ([]Origin, bool) {
	if v.Pkg() != f.pass.Pkg {
		var fact FieldsFact
		if f.pass.ImportObjectFact(v, &fact) {
			if c, ok := fact.Field(name); ok {
				return []Origin{fromFact(c, v)}, true
			}
		}
		return nil, false
	}
	if f.ix.Defs.IsParam(v) {
		return nil, false
	}
	defs, ok := f.ix.Defs.Of(v)
	if !ok || len(defs) == 0 {
		return nil, false
	}
	var out []Origin
	for _, d := range defs {
		base := d.Expr
		if x, ok := mapCommaOK(d); ok {
			base = x // cfg, ok := configs[env]
		} else if d.Expr == nil || d.Index >= 0 {
			return nil, false
		}
		vals, ok := f.fieldValues(base, name, nil, depth+1)
		if !ok {
			return nil, false
		}
		out = append(out, vals...)
	}
	return out, true
}

// elements returns the element literals an index expression can select:
// the one with a matching constant key, or all of them when the key is not
// constant. The container must be a package-level map or slice literal
// that is never written.
func (f *Flow) elements(x *ast.IndexExpr, depth int) ([]ast.Expr, bool) {
	lits, ok := f.containerLits(x.X, depth+1)
	if !ok {
		return nil, false
	}
	keyTV, keyConst := f.info.Types[x.Index]
	var out []ast.Expr
	for _, lit := range lits {
		for _, elt := range lit.Elts {
			kv, isKV := elt.(*ast.KeyValueExpr)
			if !isKV {
				if keyConst && keyTV.Value != nil {
					continue // positional elements of a slice: choose by index below
				}
				out = append(out, elt)
				continue
			}
			if keyConst && keyTV.Value != nil {
				if ktv, ok := f.info.Types[kv.Key]; ok && ktv.Value != nil && constant.Compare(ktv.Value, token.EQL, keyTV.Value) {
					out = append(out, kv.Value)
				}
				continue
			}
			out = append(out, kv.Value)
		}
		if keyConst && keyTV.Value != nil && keyTV.Value.Kind() == constant.Int {
			if i, ok := constant.Int64Val(keyTV.Value); ok && int(i) < len(lit.Elts) && i >= 0 {
				if _, isKV := lit.Elts[i].(*ast.KeyValueExpr); !isKV {
					out = append(out, lit.Elts[i])
				}
			}
		}
	}
	if len(out) == 0 {
		return nil, false
	}
	return out, true
}

// containerLits returns the literal of a package-level map or slice
// variable that is never written after initialisation.
func (f *Flow) containerLits(e ast.Expr, depth int) ([]*ast.CompositeLit, bool) {
	var v *types.Var
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ = f.info.Uses[x].(*types.Var)
	case *ast.SelectorExpr:
		v, _ = f.info.Uses[x.Sel].(*types.Var)
	case *ast.CompositeLit:
		return []*ast.CompositeLit{x}, true
	}
	if v == nil || v.Pkg() != f.pass.Pkg || !isPackageLevel(v) {
		return f.containerOf(e, depth)
	}
	defs, ok := f.ix.Defs.Of(v)
	if !ok || len(defs) != 1 || defs[0].Expr == nil || defs[0].Index >= 0 {
		return nil, false
	}
	return f.literals(defs[0].Expr, depth+1)
}

// index handles m[k] where m is a never-written package map or slice of
// constants.
func (f *Flow) index(x *ast.IndexExpr, b bindings, depth int) Origin {
	elems, ok := f.elements(x, depth+1)
	if !ok {
		return f.secretPart(x.X, b, depth)
	}
	var origins []Origin
	for _, el := range elems {
		origins = append(origins, f.origin(el, nil, depth+1))
	}
	o := merge(origins)
	if o.Kind == Constant {
		for _, p := range origins {
			if p.Kind != Constant {
				return unknown()
			}
		}
	}
	return o
}

// call handles the result (index result, or the only result when -1) of a
// call.
func (f *Flow) call(call *ast.CallExpr, result int, b bindings, depth int) Origin {
	// Conversions: []byte(x), string(x), MyKey(x).
	if tv, ok := f.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return f.origin(call.Args[0], b, depth+1)
		}
		return unknown()
	}
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		return f.funcLitCall(lit, call, result, b, depth)
	}
	fn, _ := typeutil.Callee(f.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return unknown()
	}
	path, name := fn.Pkg().Path(), fn.Name()
	if src := jwtapi.ConfigSourceOf(fn); src != nil && src.Followed && result <= 0 {
		return f.envOrigin(call, src, b, depth)
	}
	if arg, ok := jwtapi.KeepsEmpty(fn); ok && arg < len(call.Args) && result <= 0 {
		// Trimming or case mapping: the value comes from the argument
		// but differs from it; keep where it is, forget the measurements.
		o := f.origin(call.Args[arg], b, depth+1)
		if o.Kind == Constant {
			o.Const.Len, o.Const.FP, o.Const.Weak, o.hasValue = -1, 0, false, false
		}
		return o
	}
	if d := jwtapi.DerivationOf(fn); d != nil {
		if result > 0 || len(call.Args) != 1 {
			return unknown()
		}
		return f.derived(call, d, f.origin(call.Args[0], b, depth+1))
	}
	switch {
	case path == "cmp" && name == "Or":
		var os []Origin
		for _, a := range call.Args {
			os = append(os, f.origin(a, b, depth+1))
		}
		return cmpOr(os)
	case path == "fmt" && name == "Sprintf":
		return f.sprintf(call, b, depth)
	case path == "crypto/rsa" && name == "GenerateKey" && result <= 0 && len(call.Args) == 2:
		size, expr := -1, call.Args[1]
		if tv, ok := f.info.Types[expr]; ok && tv.Value != nil {
			if n, ok := constant.Int64Val(constant.ToInt(tv.Value)); ok {
				size = int(n)
			}
		}
		return Origin{Kind: RSAKey, Size: size, SizeExpr: expr}
	}
	if f.ix.Model.Func(fn) != nil {
		if material, public, ok := f.ix.KeyDecodeOf(call); ok && result <= 0 {
			if public {
				return Origin{Kind: Public, Size: -1}
			}
			// A decoded private key, or raw key material wrapped in a
			// library key (jwk.FromRaw), is the key its argument holds.
			if material != nil {
				return f.origin(material, b, depth+1)
			}
		}
		return unknown()
	}
	if fn.Pkg() != f.pass.Pkg {
		if o, ok := f.secretGetter(call, fn, b, depth); ok {
			return o
		}
		if result > 0 {
			return unknown()
		}
		var fact ConstFact
		if f.pass.ImportObjectFact(fn, &fact) {
			return fromFact(fact.Const, fn)
		}
		return unknown()
	}
	decl := f.ix.Funcs[fn]
	if decl == nil || decl.Body == nil || f.inFunc[fn] {
		return unknown()
	}
	idx := result
	if idx < 0 {
		idx = 0
	}
	results, ok := f.returnExprs(fn, idx)
	if !ok {
		return unknown()
	}
	f.inFunc[fn] = true
	defer delete(f.inFunc, fn)
	nb := bindArgs(f.info, fn, decl, call)
	var origins []Origin
	for _, r := range results {
		if jwtapi.IsNil(f.info, r) {
			// return nil after a switch of keys: no key, which the
			// library refuses; the other returns say what the key is.
			continue
		}
		origins = append(origins, f.origin(r, nb, depth+1))
	}
	if len(origins) == 0 {
		return unknown()
	}
	return merge(origins)
}

// returnExprs returns result idx of every return statement of fn's body
// (not those of nested function literals). ok is false for naked returns or
// returns of a multi-valued call.
func (f *Flow) returnExprs(fn *types.Func, idx int) ([]ast.Expr, bool) {
	decl := f.ix.Funcs[fn]
	if decl == nil || decl.Body == nil {
		return nil, false
	}
	var out []ast.Expr
	for _, ret := range jwtapi.OwnReturns(decl.Body) {
		// A naked return, or one result of a multi-valued call, is not
		// an expression we can follow.
		if idx >= len(ret.Results) || (len(ret.Results) == 1 && idx > 0) {
			return nil, false
		}
		out = append(out, ret.Results[idx])
	}
	return out, len(out) > 0
}

// bindArgs maps fn's parameters to the call's arguments.
func bindArgs(info *types.Info, fn *types.Func, decl *ast.FuncDecl, call *ast.CallExpr) bindings {
	if decl == nil || call == nil {
		return nil
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Variadic() || sig.Params().Len() != len(call.Args) {
		return nil
	}
	b := make(bindings, len(call.Args))
	for i := 0; i < sig.Params().Len(); i++ {
		b[sig.Params().At(i)] = call.Args[i]
	}
	return b
}

// envOrigin is the origin of a value a configuration source reads; for
// an environment variable, with its name when constant.
func (f *Flow) envOrigin(call *ast.CallExpr, src *jwtapi.ConfigSource, b bindings, depth int) Origin {
	if src.Reads == jwtapi.ReadsSecret {
		return Origin{Kind: Secret, Size: -1}
	}
	if src.Reads == jwtapi.ReadsKeyFile {
		o := Origin{Kind: File, Size: -1}
		if name := src.NameIn(call); name != nil {
			switch path := f.origin(name, b, depth+1); {
			case path.Kind == Constant && path.hasValue:
				o.File = path.value
			case path.Kind == Env:
				o.FileEnv = path.Env
			}
		}
		return o
	}
	o := Origin{Kind: Env, Size: -1}
	if arg := src.NameIn(call); src.Reads == jwtapi.ReadsEnv && arg != nil {
		// The name may come through a helper's parameter.
		if name := f.origin(arg, b, depth+1); name.Kind == Constant && name.hasValue {
			o.Env = name.value
		}
	}
	return f.returnedDefault(o, call, src, b, depth)
}

// cmpOr: the first non-zero argument wins, so an environment value
// followed by a constant is a fallback.
func cmpOr(args []Origin) Origin {
	if len(args) == 0 {
		return unknown()
	}
	if args[0].Kind == Constant {
		return args[0]
	}
	if args[0].Kind != Env {
		return unknown()
	}
	for _, a := range args[1:] {
		if a.Kind == Constant {
			fb := a
			fb.Kind = Fallback
			fb.Env = args[0].Env
			return fb
		}
	}
	return args[0]
}

func (f *Flow) sprintf(call *ast.CallExpr, b bindings, depth int) Origin {
	if len(call.Args) == 0 {
		return unknown()
	}
	format := f.origin(call.Args[0], b, depth+1)
	if format.Kind != Constant {
		return unknown()
	}
	vals := make([]any, 0, len(call.Args)-1)
	known := format.hasValue
	for _, a := range call.Args[1:] {
		if tv, ok := f.info.Types[a]; ok && tv.Value != nil {
			vals = append(vals, constantValue(tv.Value))
			continue
		}
		o := f.origin(a, b, depth+1)
		if o.Kind != Constant {
			return unknown()
		}
		known = known && o.hasValue
		vals = append(vals, o.value)
	}
	if !known {
		o := format
		o.Const.Len, o.Const.FP, o.Const.Weak, o.hasValue = -1, 0, false, false
		return o
	}
	v, _ := format.Value()
	out := fmt.Sprintf(v, vals...)
	o := constOf(out, "a fmt.Sprintf of constants ("+position(f.pass.Fset, call.Pos())+")", format.Const.Name, call.Pos(), nil)
	return o
}

func constantValue(v constant.Value) any {
	switch v.Kind() {
	case constant.String:
		return constant.StringVal(v)
	case constant.Int:
		if i, ok := constant.Int64Val(v); ok {
			return i
		}
	case constant.Bool:
		return constant.BoolVal(v)
	case constant.Float:
		f, _ := constant.Float64Val(v)
		return f
	}
	return v.ExactString()
}
