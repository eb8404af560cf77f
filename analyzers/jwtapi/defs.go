package jwtapi

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
)

// Def is one definition of a variable: the expression assigned to it.
// Index is -1 for a single-valued assignment and the result position when
// the variable takes one result of a multi-valued call (v, err := f()).
type Def struct {
	Expr  ast.Expr
	Index int
}

// Defs records every definition of every variable and struct field that a
// package assigns, and the variables whose definitions cannot all be seen
// (address taken, range variables, ++).
type Defs struct {
	defs    map[*types.Var][]Def
	opaque  map[*types.Var]bool
	isParam map[*types.Var]bool
	// litFields holds the values struct fields get in keyed composite
	// literals, apart from defs: a field set in a literal is not written
	// after the value that holds it was made.
	litFields map[*types.Var][]ast.Expr
}

func newDefs() *Defs {
	return &Defs{
		defs:      make(map[*types.Var][]Def),
		opaque:    make(map[*types.Var]bool),
		isParam:   make(map[*types.Var]bool),
		litFields: make(map[*types.Var][]ast.Expr),
	}
}

// Of returns the definitions of v seen in this package, and false when some
// definition is invisible (address taken, ranged over, incremented) so that
// the list is not the whole story. Package-level variables of other packages
// have no definitions here.
func (d *Defs) Of(v *types.Var) ([]Def, bool) {
	if d.opaque[v] || d.isParam[v] {
		return nil, false
	}
	return d.defs[v], true
}

// Assigned returns every definition of v seen in this package, also for
// parameters and named results (whose first value comes from the caller)
// and for variables whose list is incomplete: the writes that can be
// seen, for rules that look for one kind of value among them.
func (d *Defs) Assigned(v *types.Var) []Def { return d.defs[v] }

// LitValues returns the values field gets in keyed composite literals of
// this package (Config{Field: value}).
func (d *Defs) LitValues(field *types.Var) []ast.Expr { return d.litFields[field] }

func (d *Defs) compositeLit(info *types.Info, lit *ast.CompositeLit) {
	for id, kv := range KeyedFields(lit) {
		if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
			d.litFields[f] = append(d.litFields[f], kv.Value)
		}
	}
}

// Fields returns the struct fields this package writes, by assignment or
// in keyed composite literals, in source order.
func (d *Defs) Fields() []*types.Var {
	var out []*types.Var
	seen := make(map[*types.Var]bool)
	for v := range d.defs {
		if v.IsField() && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	for v := range d.litFields {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pos() < out[j].Pos() })
	return out
}

// IsParam reports whether v is a parameter or named result of a function
// in this package.
func (d *Defs) IsParam(v *types.Var) bool { return d.isParam[v] }

// Opaque reports whether some definition of v is invisible.
func (d *Defs) Opaque(v *types.Var) bool { return d.opaque[v] }

func (d *Defs) params(info *types.Info, fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		for _, n := range f.Names {
			if v, ok := info.Defs[n].(*types.Var); ok {
				d.isParam[v] = true
			}
		}
	}
}

// target returns the variable or field an lvalue expression writes.
func target(info *types.Info, lhs ast.Expr) *types.Var {
	switch x := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if v, ok := info.Defs[x].(*types.Var); ok {
			return v
		}
		v, _ := info.Uses[x].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			v, _ := sel.Obj().(*types.Var)
			return v
		}
		v, _ := info.Uses[x.Sel].(*types.Var) // qualified package variable
		return v
	case *ast.IndexExpr:
		// m[k] = v writes the map or slice variable itself.
		return target(info, x.X)
	case *ast.StarExpr:
		return target(info, x.X)
	}
	return nil
}

func (d *Defs) add(v *types.Var, def Def) {
	if v == nil {
		return
	}
	d.defs[v] = append(d.defs[v], def)
}

func (d *Defs) assign(info *types.Info, s *ast.AssignStmt) {
	switch {
	case s.Tok != token.ASSIGN && s.Tok != token.DEFINE:
		// x += y and friends: the new value is not a plain expression.
		for _, l := range s.Lhs {
			d.opaque[target(info, l)] = true
		}
	case len(s.Lhs) == len(s.Rhs):
		for i, l := range s.Lhs {
			if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
				// An element write changes the container, which is then
				// not the literal it was initialised with.
				d.opaque[target(info, ix.X)] = true
				continue
			}
			d.add(target(info, l), Def{Expr: s.Rhs[i], Index: -1})
		}
	case len(s.Rhs) == 1:
		for i, l := range s.Lhs {
			d.add(target(info, l), Def{Expr: s.Rhs[0], Index: i})
		}
	}
}

func (d *Defs) valueSpec(info *types.Info, s *ast.ValueSpec) {
	for i, n := range s.Names {
		v, ok := info.Defs[n].(*types.Var)
		if !ok {
			continue
		}
		switch {
		case len(s.Values) == len(s.Names):
			d.add(v, Def{Expr: s.Values[i], Index: -1})
		case len(s.Values) == 1:
			d.add(v, Def{Expr: s.Values[0], Index: i})
		default:
			// var x T: the zero value, which is a definition too.
			d.add(v, Def{Expr: nil, Index: -1})
		}
	}
}

func (d *Defs) rangeStmt(info *types.Info, s *ast.RangeStmt) {
	for _, e := range []ast.Expr{s.Key, s.Value} {
		if e != nil {
			d.opaque[target(info, e)] = true
		}
	}
}

func (d *Defs) markOpaque(info *types.Info, e ast.Expr) { d.opaque[target(info, e)] = true }

func (d *Defs) escape(info *types.Info, e ast.Expr) {
	// &x: whatever holds the pointer may write through it. &x.f makes the
	// field opaque, not the whole of x.
	if v := target(info, e); v != nil {
		d.opaque[v] = true
	}
}

// ConstString returns the value of a constant string expression.
func ConstString(info *types.Info, e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	return ConstStringOf(info.Types[e])
}

// ConstStringOf returns the value of a constant string type-and-value.
func ConstStringOf(tv types.TypeAndValue) (string, bool) {
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// constantString returns the string value of a constant, or "".
func constantString(tv types.TypeAndValue) string {
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	return constant.StringVal(tv.Value)
}

// OwnReturns returns the return statements of a function body in source
// order, leaving out those of function literals nested in it.
func OwnReturns(body *ast.BlockStmt) []*ast.ReturnStmt {
	if body == nil {
		return nil
	}
	var out []*ast.ReturnStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			out = append(out, n)
		}
		return true
	})
	return out
}
