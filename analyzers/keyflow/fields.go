package keyflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Struct fields written anywhere in the package.
//
// A read of a field (s.key in a method) takes the join of every write the
// package makes to it: keyed composite literals (&Svc{key: k}), assignments
// (s.key = v, c.JWT.Secret = v) and whole writes of the fields that
// contain it (s.cfg = LoadConfig()). The join is constant only when every
// write is; a parameter, an environment read or a value we cannot see in
// any write makes it non-constant.
//
// The writes are complete only when no code outside the package can
// write the field: some field on the read path is unexported (or the
// package is a command), no struct type on the path is handed by pointer
// to code that may decode into it (json.Unmarshal(&cfg), env.Parse(&cfg)),
// is written by a positional literal, or carries struct tags, and no
// field's address is taken.

// fieldScan records, once per package, the struct types whose fields can
// be written where the field's definitions do not show it.
type fieldScan struct {
	// decoded: a pointer to a value of this struct type is passed to code
	// that may write its fields by reflection.
	decoded map[*types.Struct]bool
	// positional: the type has a positional literal, whose writes Defs
	// does not record by field.
	positional map[*types.Struct]bool
	// aliased: a map or slice variable or field whose value is copied
	// elsewhere (assigned, passed, returned, stored), where its elements
	// may be written under another name.
	aliased map[*types.Var]bool
}

func (f *Flow) scanFields() *fieldScan {
	if f.fields != nil {
		return f.fields
	}
	s := &fieldScan{decoded: make(map[*types.Struct]bool), positional: make(map[*types.Struct]bool), aliased: make(map[*types.Var]bool)}
	f.fields = s
	for _, file := range f.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				f.scanCall(s, n)
				f.alias(s, n.Args...)
			case *ast.AssignStmt:
				f.alias(s, n.Rhs...)
			case *ast.ValueSpec:
				f.alias(s, n.Values...)
			case *ast.ReturnStmt:
				f.alias(s, n.Results...)
			case *ast.KeyValueExpr:
				f.alias(s, n.Value)
			case *ast.CompositeLit:
				f.alias(s, n.Elts...)
				st := jwtapi.StructOf(typeOf(f.info, n))
				if st == nil {
					return true
				}
				for _, e := range n.Elts {
					if _, ok := e.(*ast.KeyValueExpr); !ok {
						s.positional[st] = true
						break
					}
				}
			}
			return true
		})
	}
	return s
}

func typeOf(info *types.Info, e ast.Expr) types.Type {
	if tv, ok := info.Types[e]; ok && tv.Type != nil {
		return tv.Type
	}
	return types.Typ[types.Invalid]
}

// scanCall marks the struct types whose address a call hands to code we do
// not follow: a function of another package, or an interface parameter.
func (f *Flow) scanCall(s *fieldScan, call *ast.CallExpr) {
	if tv, ok := f.info.Types[call.Fun]; ok && tv.IsType() {
		return // a conversion
	}
	if f.optionCall(call) {
		return // a functional option (options.go)
	}
	fn, _ := calleeFunc(f.info, call)
	local := fn != nil && f.ix.Funcs[fn] != nil
	var sig *types.Signature
	if fn != nil {
		sig, _ = fn.Type().(*types.Signature)
	}
	for i, a := range call.Args {
		t := typeOf(f.info, a)
		p, ok := t.Underlying().(*types.Pointer)
		if !ok {
			continue
		}
		st, ok := p.Elem().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		if local && sig != nil {
			if pt := paramType(sig, i); pt != nil && !types.IsInterface(pt) {
				continue
			}
		}
		markDecoded(s.decoded, st, 0)
	}
}

func paramType(sig *types.Signature, i int) types.Type {
	n := sig.Params().Len()
	if n == 0 {
		return nil
	}
	if i >= n-1 && sig.Variadic() {
		if sl, ok := sig.Params().At(n - 1).Type().(*types.Slice); ok {
			return sl.Elem()
		}
		return nil
	}
	if i >= n {
		return nil
	}
	return sig.Params().At(i).Type()
}

// markDecoded marks st and the struct types nested in it.
func markDecoded(m map[*types.Struct]bool, st *types.Struct, depth int) {
	if st == nil || m[st] || depth > maxDepth {
		return
	}
	m[st] = true
	for i := 0; i < st.NumFields(); i++ {
		markDecoded(m, jwtapi.StructOf(st.Field(i).Type()), depth+1)
	}
}

// fieldRead returns the join of every write of the field x selects, or
// ok false when the writes are not the whole story.
func (f *Flow) fieldRead(x *ast.SelectorExpr, field *types.Var, depth int) (Origin, bool) {
	if field.Pkg() != f.pass.Pkg || depth > maxDepth {
		return Origin{}, false
	}
	// The path of fields from the outermost one read to field, embedded
	// fields included, and the struct types that hold them.
	var path []*types.Var
	var holders []types.Type
	for base := ast.Expr(x); ; {
		sel, ok := ast.Unparen(base).(*ast.SelectorExpr)
		if !ok {
			break
		}
		s, ok := f.info.Selections[sel]
		if !ok || s.Kind() != types.FieldVal {
			break
		}
		fs, hs, ok := implicitPath(typeOf(f.info, sel.X), s.Index())
		if !ok {
			return Origin{}, false
		}
		for _, v := range fs {
			if v.Pkg() != f.pass.Pkg {
				return Origin{}, false
			}
		}
		path = append(fs, path...)
		holders = append(hs, holders...)
		base = sel.X
	}
	if len(path) == 0 || path[len(path)-1] != field {
		return Origin{}, false
	}
	if !f.closedPath(path, holders) {
		return Origin{}, false
	}
	if k, ok := f.fillers[field]; ok {
		// Filled in place by a random source: sized by the make() of
		// its writes.
		o := Origin{Kind: k, Size: -1, Holder: field}
		defs, _ := f.ix.Defs.Of(field)
		exprs := f.ix.Defs.LitValues(field)
		for _, d := range defs {
			exprs = append(exprs, d.Expr)
		}
		for i, e := range exprs {
			n, se, ok := f.makeSize(e)
			if !ok || (i > 0 && n != o.Size) {
				// A buffer of another size, or one we cannot see.
				o.Size, o.SizeExpr = -1, nil
				break
			}
			o.Size, o.SizeExpr = n, se
		}
		return o, true
	}
	var origins []Origin
	// Direct writes of field, then whole writes of each container on the
	// path, read down to field.
	for i := len(path) - 1; i >= 0; i-- {
		os, ok := f.fieldWrites(path[i], names(path[i+1:]), depth+1)
		if !ok {
			return Origin{}, false
		}
		origins = append(origins, os...)
	}
	if len(origins) == 0 {
		return Origin{}, false
	}
	o := join(f.withoutOptions(field, origins))
	if o.Kind == Unknown {
		return Origin{}, false
	}
	if o.Kind == Constant || o.Kind == Fallback {
		if o.Const.Name == "" {
			// TokenService.key names TOKEN_SERVICE_KEY, not KEY.
			o.Const.Name = jwtapi.NamedTypeName(holders[len(holders)-1]) + upperFirst(field.Name())
		}
		if o.Holder == nil {
			o.Holder = field
		}
	} else {
		// The field is the key's identity, not the variable its writes
		// read (a field of one package is not another's env read).
		o.Holder = field
		o.Env = ""
	}
	return o, true
}

// join is merge for the writes of a field: one kind for all of them, or
// unknown.
func join(origins []Origin) Origin {
	for _, p := range origins {
		// Two environment variables are two keys, not the first of them.
		if p.Kind == Env && (p.Env == "" || p.Env != origins[0].Env) {
			return unknown()
		}
	}
	for _, p := range origins {
		// A constant write and an environment write are not a fallback:
		// which one a read sees depends on the order of calls.
		if p.Kind != origins[0].Kind {
			return unknown()
		}
	}
	return merge(origins)
}

func names(vs []*types.Var) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.Name()
	}
	return out
}

// closedPath reports whether every write of the fields on path is in this
// package's definitions.
func (f *Flow) closedPath(path []*types.Var, holders []types.Type) bool {
	scan := f.scanFields()
	hidden := f.pass.Pkg.Name() == "main"
	for i, v := range path {
		// An unexported embedded field does not hide the exported fields
		// it promotes: other packages write h.Key through it.
		if !v.Exported() && !v.Embedded() {
			hidden = true
		}
		if f.ix.Defs.Opaque(v) {
			return false
		}
		st := jwtapi.StructOf(holders[i])
		if st == nil || scan.decoded[st] || scan.positional[st] {
			return false
		}
		for j := 0; j < st.NumFields(); j++ {
			if st.Field(j) == v && st.Tag(j) != "" {
				return false
			}
		}
	}
	return hidden
}

// fieldWrites returns the origins of every write of field v, each read
// down the field names in rest (c.JWT = JWTConfig{Secret: …} for
// c.JWT.Secret). A write whose value is a literal without the field read
// contributes nothing: the field keeps the writes seen elsewhere.
func (f *Flow) fieldWrites(v *types.Var, rest []string, depth int) ([]Origin, bool) {
	defs, ok := f.ix.Defs.Of(v)
	if !ok {
		return nil, false
	}
	var out []Origin
	add := func(e ast.Expr, o Origin) bool {
		if len(rest) == 0 {
			out = append(out, o)
			return true
		}
		vals, ok := f.pathValues(e, rest, depth+1)
		out = append(out, vals...)
		return ok
	}
	for _, d := range defs {
		if d.Expr == nil {
			continue // var x T: the zero value
		}
		if d.Index >= 0 {
			if len(rest) > 0 {
				return nil, false
			}
			call, ok := ast.Unparen(d.Expr).(*ast.CallExpr)
			if !ok {
				return nil, false
			}
			out = append(out, f.call(call, d.Index, nil, depth+1))
			continue
		}
		var o Origin
		if len(rest) == 0 {
			o = f.origin(d.Expr, nil, depth+1)
		}
		if !add(d.Expr, o) {
			return nil, false
		}
	}
	for _, e := range f.ix.Defs.LitValues(v) {
		var o Origin
		if len(rest) == 0 {
			o = f.origin(e, nil, depth+1)
		}
		if !add(e, o) {
			return nil, false
		}
	}
	return out, true
}

// pathValues returns the origins of e.rest[0].rest[1]… for a struct value
// e written as a whole: literals (an absent field adds nothing), variables
// of this package, and calls of this package's functions.
func (f *Flow) pathValues(e ast.Expr, rest []string, depth int) ([]Origin, bool) {
	if depth > maxDepth {
		return nil, false
	}
	if len(rest) == 0 {
		return []Origin{f.origin(e, nil, depth+1)}, true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return f.pathValues(x.X, rest, depth+1)
		}
	case *ast.StarExpr:
		return f.pathValues(x.X, rest, depth+1)
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return nil, false
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == rest[0] {
				return f.pathValues(kv.Value, rest[1:], depth+1)
			}
		}
		return nil, true // the zero value: the field gets its value elsewhere
	case *ast.Ident:
		v, ok := f.info.Uses[x].(*types.Var)
		if !ok || v.Pkg() != f.pass.Pkg || f.ix.Defs.IsParam(v) {
			return nil, false
		}
		defs, ok := f.ix.Defs.Of(v)
		if !ok && f.optionEscapes(v) {
			defs, ok = f.ix.Defs.Assigned(v), true
		}
		if !ok {
			return nil, false
		}
		var out []Origin
		for _, d := range defs {
			if d.Expr == nil {
				continue
			}
			if d.Index >= 0 {
				return nil, false
			}
			vals, ok := f.pathValues(d.Expr, rest, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, vals...)
		}
		return out, true
	case *ast.CallExpr:
		fn, _ := calleeFunc(f.info, x)
		if fn == nil || f.ix.Funcs[fn] == nil || f.inFunc[fn] {
			return nil, false
		}
		results, ok := f.returnExprs(fn, 0)
		if !ok {
			return nil, false
		}
		f.inFunc[fn] = true
		defer delete(f.inFunc, fn)
		var out []Origin
		for _, r := range results {
			if jwtapi.IsNil(f.info, r) {
				continue
			}
			vals, ok := f.pathValues(r, rest, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, vals...)
		}
		return out, true
	}
	return nil, false
}

func calleeFunc(info *types.Info, call *ast.CallExpr) (*types.Func, bool) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return fn, ok
}

// implicitPath returns the fields a selection with index path idx goes
// through from type t (embedded fields, then the selected one), and the
// struct types holding each.
func implicitPath(t types.Type, idx []int) ([]*types.Var, []types.Type, bool) {
	var fs []*types.Var
	var hs []types.Type
	for _, i := range idx {
		st := jwtapi.StructOf(t)
		if st == nil || i >= st.NumFields() {
			return nil, nil, false
		}
		v := st.Field(i)
		fs = append(fs, v)
		hs = append(hs, t)
		t = v.Type()
	}
	return fs, hs, true
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// alias marks the map and slice variables and fields among es.
func (f *Flow) alias(s *fieldScan, es ...ast.Expr) {
	for _, e := range es {
		var id *ast.Ident
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			id = x
		case *ast.SelectorExpr:
			id = x.Sel
		case *ast.SliceExpr:
			f.alias(s, x.X)
			continue
		default:
			continue
		}
		v, ok := f.info.Uses[id].(*types.Var)
		if !ok {
			continue
		}
		switch v.Type().Underlying().(type) {
		case *types.Map, *types.Slice:
			s.aliased[v] = true
		}
	}
}

// containerOf returns the literals of a map or slice held by a local
// variable or a field with every write visible, never written by element
// and never copied elsewhere.
func (f *Flow) containerOf(e ast.Expr, depth int) ([]*ast.CompositeLit, bool) {
	var v *types.Var
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ = f.info.Uses[x].(*types.Var)
		if v == nil || v.Pkg() != f.pass.Pkg || isPackageLevel(v) || f.ix.Defs.IsParam(v) {
			return nil, false
		}
	case *ast.SelectorExpr:
		sel, ok := f.info.Selections[x]
		if !ok || sel.Kind() != types.FieldVal {
			return nil, false
		}
		v, _ = sel.Obj().(*types.Var)
		if v == nil || v.Pkg() != f.pass.Pkg {
			return nil, false
		}
		fs, hs, ok := implicitPath(typeOf(f.info, x.X), sel.Index())
		if !ok || !f.closedPath(fs[len(fs)-1:], hs[len(hs)-1:]) {
			return nil, false
		}
	default:
		return nil, false
	}
	if f.scanFields().aliased[v] {
		return nil, false
	}
	defs, ok := f.ix.Defs.Of(v)
	if !ok {
		return nil, false
	}
	var exprs []ast.Expr
	for _, d := range defs {
		if d.Expr == nil || d.Index >= 0 {
			return nil, false
		}
		exprs = append(exprs, d.Expr)
	}
	if v.IsField() {
		exprs = append(exprs, f.ix.Defs.LitValues(v)...)
	}
	if len(exprs) == 0 {
		return nil, false
	}
	var out []*ast.CompositeLit
	for _, e := range exprs {
		l, ok := f.literals(e, depth+1)
		if !ok {
			return nil, false
		}
		out = append(out, l...)
	}
	return out, true
}

// exportFieldFacts exports a ConstFact for each exported key-typed field
// of this package's struct types whose every write here is constant, so
// that a package reading the field (cfg.JWT.Secret of config.Load())
// joins it with its own writes.
func (f *Flow) exportFieldFacts() {
	for tn, st := range jwtapi.PackageStructs(f.pass.Pkg) {
		if tn.IsAlias() {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			field := st.Field(i)
			if !field.Exported() || !keyLike(field.Type()) || st.Tag(i) != "" || !keyName(field.Name()) {
				continue
			}
			if o, ok := f.writesJoin(field, st); ok {
				c := o.Const
				if c.Name == "" {
					c.Name = tn.Name() + field.Name()
				}
				f.pass.ExportObjectFact(field, &ConstFact{Const: c})
			}
		}
	}
}

// writesJoin returns the constant every write of field (held by st) in
// this package gives it, when there is at least one and all are.
func (f *Flow) writesJoin(field *types.Var, st *types.Struct) (Origin, bool) {
	if f.ix.Defs.Opaque(field) {
		return Origin{}, false
	}
	defs, _ := f.ix.Defs.Of(field)
	if len(defs) == 0 && len(f.ix.Defs.LitValues(field)) == 0 {
		return Origin{}, false
	}
	origins, ok := f.fieldWrites(field, nil, 0)
	if !ok || len(origins) == 0 {
		return Origin{}, false
	}
	for _, o := range origins {
		if o.Kind != Constant {
			return Origin{}, false
		}
	}
	// The package walk, only for the rare field that qualifies.
	scan := f.scanFields()
	if scan.decoded[st] || scan.positional[st] {
		return Origin{}, false
	}
	return merge(origins), true
}

// importedField reads a field of another package's struct: the constant
// its package's writes give it (a fact), joined with this package's own
// writes.
func (f *Flow) importedField(x *ast.SelectorExpr, field *types.Var, depth int) (Origin, bool) {
	if field.Pkg() == f.pass.Pkg || !keyLike(field.Type()) {
		return Origin{}, false
	}
	var fact ConstFact
	if !f.pass.ImportObjectFact(field, &fact) {
		return Origin{}, false
	}
	st := jwtapi.StructOf(typeOf(f.info, x.X))
	if s, ok := f.info.Selections[x]; ok {
		if _, hs, ok := implicitPath(typeOf(f.info, x.X), s.Index()); ok {
			st = jwtapi.StructOf(hs[len(hs)-1])
		}
	}
	if st == nil || f.ix.Defs.Opaque(field) {
		return Origin{}, false
	}
	scan := f.scanFields()
	if scan.decoded[st] || scan.positional[st] {
		return Origin{}, false
	}
	own, ok := f.fieldWrites(field, nil, depth+1)
	if !ok {
		return Origin{}, false
	}
	for _, o := range own {
		if o.Kind != Constant {
			return Origin{}, false
		}
	}
	o := fromFact(fact.Const, field)
	if len(own) > 0 {
		o = merge(append([]Origin{o}, own...))
	}
	return o, true
}

// keyName: a field named for a key, the only ones worth a fact (Issuer
// and Port are not).
func keyName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"secret", "key", "jwt", "hmac", "sign", "token", "pass", "priv", "pem", "cred"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}
