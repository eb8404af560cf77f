package noexp

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// maxDepth bounds how far values are followed through variables and
// helper functions.
const maxDepth = 8

type shapeKind uint8

const (
	shapeUnknown    shapeKind = iota
	shapeMap                  // a modelled map of claims: expiry is the key
	shapeRegistered           // a modelled claims struct: expiry is a field
	shapeStruct               // a user struct carrying expiry in fields or embedded claims
)

// shape is how a claims type can hold an expiry.
type shape struct {
	kind shapeKind
	typ  types.Type   // the claims type, pointers removed
	row  *jwtapi.Type // the model row, for shapeMap and shapeRegistered
	key  string       // the expiry map key or field name
	// carriers are the fields of a shapeStruct that hold an expiry, in
	// declaration order.
	carriers []*carrier
	// alwaysExp: every value encodes an exp entry (an own exp field
	// without omitempty), so no value of the type lacks one.
	alwaysExp bool
}

// carrier is a field of a user claims struct that holds an expiry: the
// expiry itself, or a (usually embedded) claims struct.
type carrier struct {
	field *types.Var
	own   bool   // the field is an expiry (ExpiresAt, Exp, json:"exp")
	sub   *shape // nested claims, when not own
	ptr   bool   // sub is held through a pointer
}

var unknownShape = &shape{kind: shapeUnknown}

func (s *shape) carrier(name string) *carrier {
	for _, c := range s.carriers {
		if c.field.Name() == name {
			return c
		}
	}
	return nil
}

// shapeOf returns how values of type t hold an expiry.
func (c *checker) shapeOf(t types.Type, depth int) *shape {
	if t == nil || depth > 4 {
		return unknownShape
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if s, ok := c.shapes[t]; ok {
		return s
	}
	s := c.computeShape(t, depth)
	if _, named := t.(*types.Named); named {
		c.shapes[t] = s
	}
	return s
}

func (c *checker) computeShape(t types.Type, depth int) *shape {
	if row := c.ix.Model.Type(t); row != nil {
		switch row.Role {
		case jwtapi.TypeMapClaims:
			if row.ExpiryField != "" {
				return &shape{kind: shapeMap, typ: t, row: row, key: row.ExpiryField}
			}
		case jwtapi.TypeRegistered:
			if row.ExpiryField != "" {
				c.noteModelExpiryField(t, row.ExpiryField)
				return &shape{kind: shapeRegistered, typ: t, row: row, key: row.ExpiryField}
			}
		}
		return unknownShape
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return unknownShape
	}
	if hasOwnMarshalJSON(t) {
		return unknownShape // the encoding, and so exp, is the type's own business
	}
	s := &shape{kind: shapeStruct, typ: t}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if expiryName(f.Name()) || jsonName(st.Tag(i)) == "exp" {
			if jsonName(st.Tag(i)) == "-" {
				continue
			}
			if alwaysEncoded(f, st.Tag(i)) {
				// A non-pointer field without omitempty is always in the
				// token: its zero value is an expiry in the past, or a
				// value the library rejects.
				s.alwaysExp = true
			}
			c.expFields[f] = true
			s.carriers = append(s.carriers, &carrier{field: f, own: true})
			continue
		}
		ft := types.Unalias(f.Type())
		_, ptr := ft.(*types.Pointer)
		sub := c.shapeOf(ft, depth+1)
		switch {
		case sub.kind == shapeRegistered:
		case sub.kind == shapeStruct && f.Embedded():
		default:
			continue
		}
		if sub.alwaysExp && f.Embedded() {
			s.alwaysExp = true
		}
		s.carriers = append(s.carriers, &carrier{field: f, sub: sub, ptr: ptr})
	}
	if len(s.carriers) == 0 || c.ownExpiryGetter(t, s) {
		return unknownShape
	}
	return s
}

// alwaysEncoded reports whether encoding/json always writes field f.
func alwaysEncoded(f *types.Var, tag string) bool {
	opts := reflect.StructTag(tag).Get("json")
	if strings.Contains(opts, ",omitempty") || strings.Contains(opts, ",omitzero") {
		return false
	}
	switch f.Type().Underlying().(type) {
	case *types.Pointer, *types.Interface, *types.Map, *types.Slice:
		return false
	}
	return true
}

// ownExpiryGetter reports whether a user claims type defines the library's
// expiry getter itself (v5 GetExpirationTime), so the encoded fields do
// not say what the library reads.
func (c *checker) ownExpiryGetter(t types.Type, s *shape) bool {
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	for _, imp := range c.pass.Pkg.Imports() {
		if row := c.ix.Model.Package(imp.Path()); row != nil && row.ExpiryGetter != "" && hasMethod(n, row.ExpiryGetter) {
			return true
		}
	}
	for _, car := range s.carriers {
		if car.sub == nil || car.sub.row == nil {
			continue
		}
		if row := c.ix.Model.Package(car.sub.row.Pkg); row != nil && row.ExpiryGetter != "" && hasMethod(n, row.ExpiryGetter) {
			return true
		}
	}
	return false
}

// noteModelExpiryField records the expiry field object of a modelled
// claims struct, so writes to it are recognised by identity.
func (c *checker) noteModelExpiryField(t types.Type, name string) {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			c.expFields[st.Field(i)] = true
		}
	}
}

// isExpiryField reports whether f is a field known to hold an expiry.
func (c *checker) isExpiryField(f *types.Var) bool {
	return f != nil && (c.expFields[f] || expiryName(f.Name()))
}

// expiryName reports whether a user's field name says it holds an expiry
// (ExpiresAt, Exp, Expiry, ExpireTime...). Generous on purpose: treating an
// unrelated field as an expiry only silences a finding.
func expiryName(name string) bool {
	return strings.HasPrefix(strings.ToLower(name), "exp")
}

// jsonName returns the name a struct tag gives a field in JSON.
func jsonName(tag string) string {
	v := reflect.StructTag(tag).Get("json")
	if i := strings.IndexByte(v, ','); i >= 0 {
		v = v[:i]
	}
	return v
}

// hasOwnMarshalJSON reports whether t or *t has a MarshalJSON method.
func hasOwnMarshalJSON(t types.Type) bool {
	ms := types.NewMethodSet(types.NewPointer(t))
	sel := ms.Lookup(nil, "MarshalJSON")
	return sel != nil
}

// status says whether the claims value e ever gets an expiry. sh, when
// known, is the shape e must be read with (the type it is converted to).
func (c *checker) status(e ast.Expr, sh *shape, depth int) result {
	if e == nil || depth > maxDepth {
		return resUnknown
	}
	if c.isZero(e) {
		return result{st: stNo} // nil claims: no expiry (an error path of a helper)
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return c.litStatus(x, sh, depth)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.status(x.X, sh, depth+1)
		}
	case *ast.CallExpr:
		return c.callStatus(x, -1, sh, depth)
	case *ast.Ident:
		if v, ok := c.info.Uses[x].(*types.Var); ok {
			return c.varStatus(v, sh, depth+1)
		}
	}
	return resUnknown
}

// readShape picks the shape to read a value of type t with: its own, or
// the shape it is converted to when it is a plain map.
func (c *checker) readShape(t types.Type, hint *shape) *shape {
	sh := c.shapeOf(t, 0)
	if sh.kind != shapeUnknown || hint == nil || hint.kind != shapeMap || t == nil {
		return sh
	}
	if m, ok := t.Underlying().(*types.Map); ok {
		if b, ok := m.Key().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return hint
		}
	}
	return sh
}

// litStatus reads a composite literal of claims.
func (c *checker) litStatus(lit *ast.CompositeLit, hint *shape, depth int) result {
	sh := c.readShape(c.info.TypeOf(lit), hint)
	if sh.alwaysExp {
		return resYes
	}
	switch sh.kind {
	case shapeMap:
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return resUnknown
			}
			key, isConst := constString(c.info.Types[kv.Key])
			switch {
			case !isConst:
				return resUnknown
			case key == sh.key:
				return resYes
			}
		}
		return result{st: stNo, targets: []*fixTarget{{lit: lit, kind: targetMap, sh: sh}}}
	case shapeRegistered:
		names, positional, ok := c.litFields(lit, sh)
		if !ok {
			return resUnknown
		}
		for i, name := range names {
			if name == sh.key && !c.isZero(elemValue(lit.Elts[i])) {
				return resYes
			}
		}
		if positional {
			return result{st: stNo} // no key can be added to a positional literal
		}
		return result{st: stNo, targets: []*fixTarget{{lit: lit, kind: targetRegistered, sh: sh}}}
	case shapeStruct:
		names, positional, ok := c.litFields(lit, sh)
		if !ok {
			return resUnknown
		}
		var parts []result
		set := make(map[string]bool)
		for i, name := range names {
			value := elemValue(lit.Elts[i])
			car := sh.carrier(name)
			if car == nil {
				continue
			}
			set[name] = true
			if c.isZero(value) {
				continue
			}
			if car.own {
				return resYes
			}
			r := c.status(value, car.sub, depth+1)
			if r.st != stNo {
				return r
			}
			parts = append(parts, r)
		}
		if positional {
			return join(parts...)
		}
		out := join(parts...)
		for _, car := range sh.carriers {
			if set[car.field.Name()] || car.own || !car.field.Embedded() || car.sub.kind != shapeRegistered {
				continue
			}
			out.targets = append(out.targets, &fixTarget{lit: lit, kind: targetEmbed, sh: car.sub, car: car})
		}
		return out
	}
	return resUnknown
}

// litFields returns the field name each element of a struct literal sets,
// and whether the literal is positional.
func (c *checker) litFields(lit *ast.CompositeLit, sh *shape) (names []string, positional, ok bool) {
	st, isStruct := sh.typ.Underlying().(*types.Struct)
	if !isStruct {
		return nil, false, false
	}
	for i, elt := range lit.Elts {
		kv, keyed := elt.(*ast.KeyValueExpr)
		switch {
		case keyed:
			id, isIdent := kv.Key.(*ast.Ident)
			if !isIdent || positional {
				return nil, false, false
			}
			names = append(names, id.Name)
		case i < st.NumFields() && (i == 0 || positional):
			positional = true
			names = append(names, st.Field(i).Name())
		default:
			return nil, false, false
		}
	}
	return names, positional, true
}

// elemValue returns the value of a composite literal element.
func elemValue(e ast.Expr) ast.Expr {
	if kv, ok := e.(*ast.KeyValueExpr); ok {
		return kv.Value
	}
	return e
}

// callStatus reads the result (number index, or the only one when index
// is -1) of a call that yields claims.
func (c *checker) callStatus(call *ast.CallExpr, index int, hint *shape, depth int) result {
	if depth > maxDepth {
		return resUnknown
	}
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) != 1 || index >= 0 {
			return resUnknown
		}
		sh := c.shapeOf(tv.Type, 0)
		if sh.kind == shapeUnknown {
			sh = hint
		}
		return c.status(call.Args[0], sh, depth+1)
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.info.Uses[id].(*types.Builtin); ok {
			if index >= 0 || len(call.Args) == 0 {
				return resUnknown
			}
			switch b.Name() {
			case "make", "new":
				// A new empty map or zero struct: no expiry until one is set.
				if sh := c.readShape(c.info.TypeOf(call.Args[0]), hint); sh.kind != shapeUnknown && !sh.alwaysExp {
					return result{st: stNo}
				}
			}
			return resUnknown
		}
	}
	fn := typeutil.StaticCallee(c.info, call)
	if fn == nil {
		return resUnknown
	}
	decl := c.ix.Funcs[fn.Origin()]
	if decl == nil {
		return resUnknown
	}
	if index < 0 {
		index = 0
	}
	return c.helperStatus(decl, index, hint, depth+1)
}

// helperStatus reads result number index of a function of this package
// from its return statements.
func (c *checker) helperStatus(decl *ast.FuncDecl, index int, hint *shape, depth int) result {
	if decl.Body == nil || c.inHelper[decl] || depth > maxDepth {
		return resUnknown
	}
	c.inHelper[decl] = true
	defer delete(c.inHelper, decl)
	nres := 0
	if decl.Type.Results != nil {
		nres = decl.Type.Results.NumFields()
	}
	var rs []result
	unknown := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if unknown {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != nres || index >= len(n.Results) {
				unknown = true // bare return of named results, or return f()
				return false
			}
			rs = append(rs, c.status(n.Results[index], hint, depth+1))
		}
		return true
	})
	if unknown || len(rs) == 0 {
		return resUnknown
	}
	return join(rs...)
}

// varKey memoises a variable's status per shape it is read with.
type varKey struct {
	v  *types.Var
	sh *shape
}

// varStatus reads every use of a local claims variable: its definitions,
// the writes of its expiry, and the ways it could escape.
func (c *checker) varStatus(v *types.Var, hint *shape, depth int) result {
	if !c.isLocal(v) || depth > maxDepth {
		return resUnknown
	}
	sh := c.readShape(v.Type(), hint)
	if sh.kind == shapeUnknown {
		return resUnknown
	}
	if sh.alwaysExp {
		return resYes
	}
	key := varKey{v, sh}
	if r, ok := c.varMemo[key]; ok {
		return r
	}
	c.varMemo[key] = resUnknown // while in progress: a cycle is unknown
	di := c.declAt(v.Pos())
	if di == nil {
		return resUnknown
	}
	var rs []result
	for _, id := range di.idents[v] {
		eff := c.useEffect(di, id, sh)
		switch {
		case eff.st != stNo:
			c.varMemo[key] = result{st: eff.st}
			return c.varMemo[key]
		case eff.zero:
			rs = append(rs, result{st: stNo})
		case eff.def != nil:
			var r result
			if eff.index >= 0 {
				call, ok := ast.Unparen(eff.def).(*ast.CallExpr)
				if !ok {
					r = resUnknown
				} else {
					r = c.callStatus(call, eff.index, eff.shape, depth+1)
				}
			} else {
				r = c.status(eff.def, eff.shape, depth+1)
			}
			if r.st != stNo {
				c.varMemo[key] = r
				return r
			}
			rs = append(rs, r)
		}
	}
	r := join(rs...)
	c.varMemo[key] = r
	return r
}

// isZero reports whether e is nil or the constant zero.
func (c *checker) isZero(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	if !ok {
		return false
	}
	if tv.IsNil() {
		return true
	}
	if tv.Value != nil {
		switch tv.Value.Kind() {
		case constant.Int, constant.Float:
			return constant.Sign(tv.Value) == 0
		}
	}
	return false
}

// constString returns the value of a constant string expression.
func constString(tv types.TypeAndValue) (string, bool) { return jwtapi.ConstStringOf(tv) }
