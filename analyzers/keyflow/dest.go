package keyflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

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
	for i := 0; i < 8; i++ {
		p := cur.Parent()
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			cur = p
			continue
		case *ast.CallExpr:
			if len(n.Args) == 1 && n.Args[0] == cur.Node() && jwtapi.UnwrapValue(pr.info, n) != n {
				cur = p
				continue
			}
		}
		break
	}
	return cur
}

// DestOf names where the value of the expression at cur goes: the
// variable or field assigned, the struct field or map key of a literal,
// the function returning it, the parameter it is passed as. With
// followLocals, the uses of a local variable it is assigned to count too.
func (pr *Provenance) DestOf(cur inspector.Cursor, followLocals bool) Dest {
	cur = pr.Climb(cur)
	e, _ := cur.Node().(ast.Expr)
	p := cur.Parent()
	var d Dest
	assigned := func(l ast.Expr) {
		d.add(pr.LValue(l), true)
		if v := LocalVar(pr.info, l); v != nil && followLocals {
			d.add(pr.UsesDest(p, v), false)
		}
	}
	switch n := p.Node().(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			break
		}
		for i, r := range n.Rhs {
			if r == e {
				assigned(n.Lhs[i])
			}
		}
	case *ast.ValueSpec:
		for i, r := range n.Values {
			if r == e && i < len(n.Names) {
				assigned(n.Names[i])
			}
		}
	case *ast.KeyValueExpr:
		if n.Value == e {
			d.add(pr.literalKey(p, n), true)
		}
	case *ast.ReturnStmt:
		d.add(pr.ReturnDest(p), false)
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(pr.info, n).(*types.Func)
		if fn == nil {
			break
		}
		sig, ok := fn.Type().(*types.Signature)
		if !ok {
			break
		}
		for i, a := range n.Args {
			if a != e || i >= sig.Params().Len() || (sig.Variadic() && i >= sig.Params().Len()-1) {
				continue
			}
			d.Names = append(d.Names, Name{Context: jwtapi.Words(fn.Name()), Words: jwtapi.Words(sig.Params().At(i).Name())})
		}
	}
	return d
}

// literalKey names the field or map key a composite literal element is
// stored under.
func (pr *Provenance) literalKey(kvCur inspector.Cursor, kv *ast.KeyValueExpr) Dest {
	lit, ok := kvCur.Parent().Node().(*ast.CompositeLit)
	if !ok {
		return Dest{}
	}
	tv, ok := pr.info.Types[lit]
	if !ok {
		return Dest{}
	}
	ctx := jwtapi.Words(recvName(tv.Type))
	// The literal is itself a field value: JWT: JWTConfig{Secret: …}.
	if outer, ok := kvCur.Parent().Parent().Node().(*ast.KeyValueExpr); ok {
		if id, ok := outer.Key.(*ast.Ident); ok {
			ctx = append(jwtapi.Words(id.Name), ctx...)
		}
	}
	if _, isStruct := tv.Type.Underlying().(*types.Struct); isStruct {
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			return Dest{}
		}
		field, _ := pr.info.Uses[id].(*types.Var)
		return pr.named(Name{Context: ctx, Words: jwtapi.Words(id.Name)}, field)
	}
	if p, ok := tv.Type.Underlying().(*types.Pointer); ok {
		if _, isStruct := p.Elem().Underlying().(*types.Struct); isStruct {
			return Dest{}
		}
	}
	if key, ok := jwtapi.ConstString(pr.info, kv.Key); ok {
		return Dest{Names: []Name{{Context: ctx, Words: jwtapi.Words(key)}}}
	}
	return Dest{}
}

// named is a Dest of one name, held by v when other packages can name v.
func (pr *Provenance) named(n Name, v *types.Var) Dest {
	d := Dest{Names: []Name{n}}
	if v == nil {
		return d
	}
	if id := pr.ObjID(v); id != "" {
		d.Roots, d.Objs = []Root{{ID: id, Obj: v, Param: -1}}, []types.Object{v}
	}
	return d
}

// LValue names an assignment target. Its Dest has exactly one Name,
// empty when the target has none.
func (pr *Provenance) LValue(l ast.Expr) Dest {
	l = ast.Unparen(l)
	switch x := l.(type) {
	case *ast.Ident:
		obj := pr.info.Defs[x]
		if obj == nil {
			obj = pr.info.Uses[x]
		}
		if v, ok := obj.(*types.Var); ok {
			return pr.named(Name{Words: jwtapi.Words(v.Name())}, v)
		}
	case *ast.SelectorExpr:
		ctx := chainWords(x.X, 0)
		var v *types.Var
		if sel, ok := pr.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			v, _ = sel.Obj().(*types.Var)
			ctx = append(ctx, jwtapi.Words(recvName(sel.Recv()))...)
		} else {
			v, _ = pr.info.Uses[x.Sel].(*types.Var)
		}
		return pr.named(Name{Context: ctx, Words: jwtapi.Words(x.Sel.Name)}, v)
	case *ast.IndexExpr:
		if key, ok := jwtapi.ConstString(pr.info, x.Index); ok {
			return Dest{Names: []Name{{Context: chainWords(x.X, 0), Words: jwtapi.Words(key)}}}
		}
	case *ast.StarExpr:
		return pr.LValue(x.X)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return pr.LValue(x.X)
		}
	}
	return Dest{Names: []Name{{}}}
}

// chainWords returns the words of the names in a selector chain a.b.c.
func chainWords(e ast.Expr, depth int) []string {
	if depth > 6 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return jwtapi.Words(x.Name)
	case *ast.SelectorExpr:
		return append(chainWords(x.X, depth+1), jwtapi.Words(x.Sel.Name)...)
	case *ast.StarExpr:
		return chainWords(x.X, depth+1)
	}
	return nil
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

// EnclosingFunc returns the declared function enclosing cur, or nil when
// it is in a function literal or outside any function.
func (pr *Provenance) EnclosingFunc(cur inspector.Cursor) (*ast.FuncDecl, *types.Func) {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		decl, ok := f.Node().(*ast.FuncDecl)
		if !ok {
			return nil, nil
		}
		fn, _ := pr.info.Defs[decl.Name].(*types.Func)
		return decl, fn
	}
	return nil, nil
}

// ReturnDest names the function a return statement at cur returns from
// (its name, its named result, its receiver type as context) and gives
// its identity.
func (pr *Provenance) ReturnDest(cur inspector.Cursor) Dest {
	decl, fn := pr.EnclosingFunc(cur)
	if decl == nil || fn == nil {
		return Dest{}
	}
	var ctx []string
	if decl.Recv != nil && len(decl.Recv.List) > 0 {
		if tv, ok := pr.info.Types[decl.Recv.List[0].Type]; ok {
			ctx = jwtapi.Words(recvName(tv.Type))
		}
	}
	d := Dest{Names: []Name{{Context: ctx, Words: jwtapi.Words(fn.Name())}}, Objs: []types.Object{fn}}
	if res := decl.Type.Results; res != nil && len(res.List) > 0 && len(res.List[0].Names) > 0 {
		d.Names = append(d.Names, Name{Context: ctx, Words: jwtapi.Words(res.List[0].Names[0].Name)})
	}
	if id := pr.ObjID(fn); id != "" {
		d.Roots = []Root{{ID: id, Obj: fn, Param: -1}}
	}
	return d
}
