package keyflow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Name is a name a value is stored or described under (the last words)
// and what contains it (Context): a field Secret of a JWTConfig is
// {Context: [jwt config], Words: [secret]}.
type Name struct{ Context, Words []string }

// Dest is where a value is stored: the names that describe it, the
// identities of the variables, fields and functions that hold or return
// it, and those of them that other packages can read (for facts).
type Dest struct {
	Names []Name
	Roots []Root
	Objs  []types.Object
}

// add appends o's parts to d; with named, only its names that have words.
func (d *Dest) add(o Dest, named bool) {
	for _, n := range o.Names {
		if !named || len(n.Words) > 0 {
			d.Names = append(d.Names, n)
		}
	}
	d.Roots = append(d.Roots, o.Roots...)
	d.Objs = append(d.Objs, o.Objs...)
}

// Climb moves from an expression up through parentheses, conversions and
// trimming to the expression whose parent uses the value.
func (pr *Provenance) Climb(cur inspector.Cursor) inspector.Cursor {
	return jwtapi.ClimbValue(pr.info, cur)
}

// DestOf names where the value of the expression at cur goes (the names
// of jwtapi.StoredAt) with the identities of what holds it. With
// followLocals, the uses of a local variable it is assigned to count too.
func (pr *Provenance) DestOf(cur inspector.Cursor, followLocals bool) Dest {
	cur = pr.Climb(cur)
	var d Dest
	for _, n := range jwtapi.StoredAt(pr.info, cur) {
		d.add(pr.dest(n), false)
		if v := LocalVar(pr.info, n.Target); v != nil && followLocals {
			d.add(pr.UsesDest(cur.Parent(), v), false)
		}
	}
	return d
}

// dest is the Dest of one stored-at name: the name, and the object
// holding it when other packages can name it (a function returned from
// is always among Objs).
func (pr *Provenance) dest(n jwtapi.StoreName) Dest {
	d := Dest{Names: []Name{{Context: n.Context, Words: n.Words}}}
	if n.Obj == nil {
		return d
	}
	id := pr.ObjID(n.Obj)
	if _, isFunc := n.Obj.(*types.Func); isFunc || id != "" {
		d.Objs = []types.Object{n.Obj}
	}
	if id != "" {
		d.Roots = []Root{{ID: id, Obj: n.Obj, Param: -1}}
	}
	return d
}

// LValue names an assignment target. Its Dest has exactly one Name,
// empty when the target has none.
func (pr *Provenance) LValue(l ast.Expr) Dest {
	return pr.dest(jwtapi.LValueName(pr.info, l))
}

// LocalVar returns the local variable an lvalue names, or nil.
func LocalVar(info *types.Info, l ast.Expr) *types.Var {
	id, ok := ast.Unparen(l).(*ast.Ident)
	if !ok {
		return nil
	}
	obj := info.Defs[id]
	if obj == nil {
		obj = info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
		return nil
	}
	return v
}

// UsesDest names where a local variable's value goes, one step on from
// each of its uses in the function enclosing from.
func (pr *Provenance) UsesDest(from inspector.Cursor, v *types.Var) Dest {
	var d Dest
	for fnCur := range from.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		for idCur := range fnCur.Preorder((*ast.Ident)(nil)) {
			if pr.info.Uses[idCur.Node().(*ast.Ident)] == v {
				d.add(pr.DestOf(idCur, false), false)
			}
		}
		break
	}
	return d
}

// ReturnDest names the function a return statement at cur returns from
// (jwtapi.ReturnNames) and gives its identity.
func (pr *Provenance) ReturnDest(cur inspector.Cursor) Dest {
	var d Dest
	for _, n := range jwtapi.ReturnNames(pr.info, cur) {
		d.add(pr.dest(n), false)
	}
	return d
}
