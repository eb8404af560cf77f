package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// claimsDepth bounds how far values are followed through variables and
// helper functions.
const claimsDepth = 8

const (
	ShapeUnknown    ShapeKind = iota
	ShapeMap                  // a modelled map of claims: expiry is the key
	ShapeRegistered           // a modelled claims struct: expiry is a field
	ShapeStruct               // a user struct carrying expiry in fields or embedded claims
)

// ShapeKind says how a claims type holds its expiry.
type ShapeKind uint8

// ClaimsShape is how a claims type can hold an expiry.
type ClaimsShape struct {
	Kind ShapeKind
	Type types.Type // the claims type, pointers removed
	Row  *Type      // the model row, for ShapeMap and ShapeRegistered
	Key  string     // the expiry map key or field name
	// Carriers are the fields of a ShapeStruct that hold an expiry, in
	// declaration order.
	Carriers []*ExpiryCarrier
	// AlwaysExp: every value encodes an exp entry (an own exp field
	// without omitempty), so no value of the type lacks one.
	AlwaysExp bool
}

// ExpiryCarrier is a field of a user claims struct that holds an expiry: the
// expiry itself, or a (usually embedded) claims struct.
type ExpiryCarrier struct {
	Field *types.Var
	Own   bool         // the field is an expiry (ExpiresAt, Exp, json:"exp")
	Sub   *ClaimsShape // nested claims, when not own
	Ptr   bool         // Sub is held through a pointer
}

// TargetKind says how an expiry is added to a claims literal.
type TargetKind uint8

const (
	TargetMap        TargetKind = iota // add "exp": … to a claims map literal
	TargetRegistered                   // add ExpiresAt: … to a library claims literal
	TargetEmbed                        // add the embedded library claims, with ExpiresAt, to a user literal
)

// ExpiryTarget is a claims composite literal that an expiry can be added
// to.
type ExpiryTarget struct {
	Lit     *ast.CompositeLit
	Kind    TargetKind
	Shape   *ClaimsShape   // the map or library claims shape
	Carrier *ExpiryCarrier // for TargetEmbed: the embedded field
}

var unknownShape = &ClaimsShape{Kind: ShapeUnknown}

func (s *ClaimsShape) carrier(name string) *ExpiryCarrier {
	for _, c := range s.Carriers {
		if c.Field.Name() == name {
			return c
		}
	}
	return nil
}

// ShapeOf returns how values of type t hold an expiry.
func (c *ExpiryReader) ShapeOf(t types.Type) *ClaimsShape { return c.shapeOf(t, 0) }

// shapeOf returns how values of type t hold an expiry.
func (c *ExpiryReader) shapeOf(t types.Type, depth int) *ClaimsShape {
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

func (c *ExpiryReader) computeShape(t types.Type, depth int) *ClaimsShape {
	if row := c.ix.Model.Type(t); row != nil {
		switch row.Role {
		case TypeMapClaims:
			if row.ExpiryField != "" {
				return &ClaimsShape{Kind: ShapeMap, Type: t, Row: row, Key: row.ExpiryField}
			}
		case TypeRegistered:
			if row.ExpiryField != "" {
				c.noteModelExpiryField(t, row.ExpiryField)
				return &ClaimsShape{Kind: ShapeRegistered, Type: t, Row: row, Key: row.ExpiryField}
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
	s := &ClaimsShape{Kind: ShapeStruct, Type: t}
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
				s.AlwaysExp = true
			}
			c.expFields[f] = true
			s.Carriers = append(s.Carriers, &ExpiryCarrier{Field: f, Own: true})
			continue
		}
		ft := types.Unalias(f.Type())
		_, ptr := ft.(*types.Pointer)
		sub := c.shapeOf(ft, depth+1)
		switch {
		case sub.Kind == ShapeRegistered:
		case sub.Kind == ShapeStruct && f.Embedded():
		default:
			continue
		}
		if sub.AlwaysExp && f.Embedded() {
			s.AlwaysExp = true
		}
		s.Carriers = append(s.Carriers, &ExpiryCarrier{Field: f, Sub: sub, Ptr: ptr})
	}
	if len(s.Carriers) == 0 || c.ownExpiryGetter(t, s) {
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
func (c *ExpiryReader) ownExpiryGetter(t types.Type, s *ClaimsShape) bool {
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	for _, imp := range c.pass.Pkg.Imports() {
		if row := c.ix.Model.Package(imp.Path()); row != nil && row.ExpiryGetter != "" && HasMethod(n, row.ExpiryGetter) {
			return true
		}
	}
	for _, car := range s.Carriers {
		if car.Sub == nil || car.Sub.Row == nil {
			continue
		}
		if row := c.ix.Model.Package(car.Sub.Row.Pkg); row != nil && row.ExpiryGetter != "" && HasMethod(n, row.ExpiryGetter) {
			return true
		}
	}
	return false
}

// noteModelExpiryField records the expiry field object of a modelled
// claims struct, so writes to it are recognised by identity.
func (c *ExpiryReader) noteModelExpiryField(t types.Type, name string) {
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
func (c *ExpiryReader) isExpiryField(f *types.Var) bool {
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
func (c *ExpiryReader) status(e ast.Expr, sh *ClaimsShape, depth int) expResult {
	if e == nil || depth > claimsDepth {
		return expUnknown
	}
	if c.isZero(e) {
		return expResult{st: ExpiryNo} // nil claims: no expiry (an error path of a helper)
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
	return expUnknown
}

// readShape picks the shape to read a value of type t with: its own, or
// the shape it is converted to when it is a plain map.
func (c *ExpiryReader) readShape(t types.Type, hint *ClaimsShape) *ClaimsShape {
	sh := c.shapeOf(t, 0)
	if sh.Kind != ShapeUnknown || hint == nil || hint.Kind != ShapeMap || t == nil {
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
func (c *ExpiryReader) litStatus(lit *ast.CompositeLit, hint *ClaimsShape, depth int) expResult {
	sh := c.readShape(c.info.TypeOf(lit), hint)
	if sh.AlwaysExp {
		return expYes
	}
	switch sh.Kind {
	case ShapeMap:
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return expUnknown
			}
			key, isConst := ConstStringOf(c.info.Types[kv.Key])
			switch {
			case !isConst:
				return expUnknown
			case key == sh.Key:
				return expYes
			}
		}
		return expResult{st: ExpiryNo, targets: []*ExpiryTarget{{Lit: lit, Kind: TargetMap, Shape: sh}}}
	case ShapeRegistered:
		names, positional, ok := c.litFields(lit, sh)
		if !ok {
			return expUnknown
		}
		for i, name := range names {
			if name == sh.Key && !c.isZero(elemValue(lit.Elts[i])) {
				return expYes
			}
		}
		if positional {
			return expResult{st: ExpiryNo} // no key can be added to a positional literal
		}
		return expResult{st: ExpiryNo, targets: []*ExpiryTarget{{Lit: lit, Kind: TargetRegistered, Shape: sh}}}
	case ShapeStruct:
		names, positional, ok := c.litFields(lit, sh)
		if !ok {
			return expUnknown
		}
		var parts []expResult
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
			if car.Own {
				return expYes
			}
			r := c.status(value, car.Sub, depth+1)
			if r.st != ExpiryNo {
				return r
			}
			parts = append(parts, r)
		}
		if positional {
			return joinExpiry(parts...)
		}
		out := joinExpiry(parts...)
		for _, car := range sh.Carriers {
			if set[car.Field.Name()] || car.Own || !car.Field.Embedded() || car.Sub.Kind != ShapeRegistered {
				continue
			}
			out.targets = append(out.targets, &ExpiryTarget{Lit: lit, Kind: TargetEmbed, Shape: car.Sub, Carrier: car})
		}
		return out
	}
	return expUnknown
}

// litFields returns the field name each element of a struct literal sets,
// and whether the literal is positional.
func (c *ExpiryReader) litFields(lit *ast.CompositeLit, sh *ClaimsShape) (names []string, positional, ok bool) {
	st, isStruct := sh.Type.Underlying().(*types.Struct)
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
func (c *ExpiryReader) callStatus(call *ast.CallExpr, index int, hint *ClaimsShape, depth int) expResult {
	if depth > claimsDepth {
		return expUnknown
	}
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) != 1 || index >= 0 {
			return expUnknown
		}
		sh := c.shapeOf(tv.Type, 0)
		if sh.Kind == ShapeUnknown {
			sh = hint
		}
		return c.status(call.Args[0], sh, depth+1)
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.info.Uses[id].(*types.Builtin); ok {
			if index >= 0 || len(call.Args) == 0 {
				return expUnknown
			}
			switch b.Name() {
			case "make", "new":
				// A new empty map or zero struct: no expiry until one is set.
				if sh := c.readShape(c.info.TypeOf(call.Args[0]), hint); sh.Kind != ShapeUnknown && !sh.AlwaysExp {
					return expResult{st: ExpiryNo}
				}
			}
			return expUnknown
		}
	}
	fn := typeutil.StaticCallee(c.info, call)
	if fn == nil {
		return expUnknown
	}
	decl := c.ix.Funcs[fn.Origin()]
	if decl == nil {
		return expUnknown
	}
	if index < 0 {
		index = 0
	}
	return c.helperStatus(decl, index, hint, depth+1)
}

// helperStatus reads result number index of a function of this package
// from its return statements.
func (c *ExpiryReader) helperStatus(decl *ast.FuncDecl, index int, hint *ClaimsShape, depth int) expResult {
	if decl.Body == nil || c.inHelper[decl] || depth > claimsDepth {
		return expUnknown
	}
	c.inHelper[decl] = true
	defer delete(c.inHelper, decl)
	nres := 0
	if decl.Type.Results != nil {
		nres = decl.Type.Results.NumFields()
	}
	var rs []expResult
	for _, ret := range OwnReturns(decl.Body) {
		if len(ret.Results) != nres || index >= len(ret.Results) {
			return expUnknown // bare return of named results, or return f()
		}
		rs = append(rs, c.status(ret.Results[index], hint, depth+1))
	}
	if len(rs) == 0 {
		return expUnknown
	}
	return joinExpiry(rs...)
}

// varKey memoises a variable's status per shape it is read with.
type varKey struct {
	v  *types.Var
	sh *ClaimsShape
}

// varStatus reads every use of a local claims variable: its definitions,
// the writes of its expiry, and the ways it could escape.
func (c *ExpiryReader) varStatus(v *types.Var, hint *ClaimsShape, depth int) expResult {
	if !c.isLocal(v) || depth > claimsDepth {
		return expUnknown
	}
	sh := c.readShape(v.Type(), hint)
	if sh.Kind == ShapeUnknown {
		return expUnknown
	}
	if sh.AlwaysExp {
		return expYes
	}
	key := varKey{v, sh}
	if r, ok := c.varMemo[key]; ok {
		return r
	}
	c.varMemo[key] = expUnknown // while in progress: a cycle is unknown
	di := c.declAt(v.Pos())
	if di == nil {
		return expUnknown
	}
	var rs []expResult
	for _, id := range di.idents[v] {
		eff := c.useEffect(di, id, sh)
		switch {
		case eff.st != ExpiryNo:
			c.varMemo[key] = expResult{st: eff.st}
			return c.varMemo[key]
		case eff.zero:
			rs = append(rs, expResult{st: ExpiryNo})
		case eff.def != nil:
			var r expResult
			if eff.index >= 0 {
				call, ok := ast.Unparen(eff.def).(*ast.CallExpr)
				if !ok {
					r = expUnknown
				} else {
					r = c.callStatus(call, eff.index, eff.shape, depth+1)
				}
			} else {
				r = c.status(eff.def, eff.shape, depth+1)
			}
			if r.st != ExpiryNo {
				c.varMemo[key] = r
				return r
			}
			rs = append(rs, r)
		}
	}
	r := joinExpiry(rs...)
	c.varMemo[key] = r
	return r
}

func (c *ExpiryReader) isZero(e ast.Expr) bool { return isZeroValue(c.info, e) }

// isZeroValue reports whether e is nil or the constant zero.
func isZeroValue(info *types.Info, e ast.Expr) bool {
	return IsNil(info, e) || IsConstZero(info, e)
}
