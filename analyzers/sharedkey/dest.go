package sharedkey

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// climb moves from an expression up through parentheses, conversions and
// trimming to the expression whose parent uses the value.
func (c *checker) climb(cur inspector.Cursor) inspector.Cursor {
	for i := 0; i < 8; i++ {
		p := cur.Parent()
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			cur = p
			continue
		case *ast.CallExpr:
			if len(n.Args) == 1 && n.Args[0] == cur.Node() && unwrapValue(c.info, n) != n {
				cur = p
				continue
			}
		}
		break
	}
	return cur
}

// destOf names where the value of the expression at cur goes: the
// variable or field assigned, the struct field or map key of a literal,
// the function returning it, the parameter it is passed as. With
// followLocals, the uses of a local variable it is assigned to count too.
func (c *checker) destOf(cur inspector.Cursor, followLocals bool) ([]nameCtx, []rootRef, []types.Object) {
	cur = c.climb(cur)
	e, _ := cur.Node().(ast.Expr)
	p := cur.Parent()
	var names []nameCtx
	var refs []rootRef
	var objs []types.Object
	add := func(nc nameCtx, rs []rootRef, os []types.Object) {
		if len(nc.name) > 0 {
			names = append(names, nc)
		}
		refs = append(refs, rs...)
		objs = append(objs, os...)
	}
	switch n := p.Node().(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			break
		}
		for i, r := range n.Rhs {
			if r != e {
				continue
			}
			add(c.lvalue(n.Lhs[i]))
			if v := localVar(c.info, n.Lhs[i]); v != nil && followLocals {
				add3(&names, &refs, &objs)(c.usesDest(p, v))
			}
		}
	case *ast.ValueSpec:
		for i, r := range n.Values {
			if r != e || i >= len(n.Names) {
				continue
			}
			add(c.lvalue(n.Names[i]))
			if v := localVar(c.info, n.Names[i]); v != nil && followLocals {
				add3(&names, &refs, &objs)(c.usesDest(p, v))
			}
		}
	case *ast.KeyValueExpr:
		if n.Value != e {
			break
		}
		add(c.literalKey(p, n))
	case *ast.ReturnStmt:
		names = append(names, c.returnDest(p)...)
		refs = append(refs, c.returnRefs(p)...)
		objs = append(objs, c.returnObjs(p)...)
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(c.info, n).(*types.Func)
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
			names = append(names, nameCtx{context: words(fn.Name()), name: words(sig.Params().At(i).Name())})
		}
	}
	return names, refs, objs
}

func add3(names *[]nameCtx, refs *[]rootRef, objs *[]types.Object) func([]nameCtx, []rootRef, []types.Object) {
	return func(n []nameCtx, r []rootRef, o []types.Object) {
		*names = append(*names, n...)
		*refs = append(*refs, r...)
		*objs = append(*objs, o...)
	}
}

// literalKey names the field or map key a composite literal element is
// stored under.
func (c *checker) literalKey(kvCur inspector.Cursor, kv *ast.KeyValueExpr) (nameCtx, []rootRef, []types.Object) {
	lit, ok := kvCur.Parent().Node().(*ast.CompositeLit)
	if !ok {
		return nameCtx{}, nil, nil
	}
	tv, ok := c.info.Types[lit]
	if !ok {
		return nameCtx{}, nil, nil
	}
	ctx := words(typeNameOf(tv.Type))
	// The literal is itself a field value: JWT: JWTConfig{Secret: …}.
	if outer, ok := kvCur.Parent().Parent().Node().(*ast.KeyValueExpr); ok {
		if id, ok := outer.Key.(*ast.Ident); ok {
			ctx = append(words(id.Name), ctx...)
		}
	}
	if _, isStruct := tv.Type.Underlying().(*types.Struct); isStruct {
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			return nameCtx{}, nil, nil
		}
		field, _ := c.info.Uses[id].(*types.Var)
		var refs []rootRef
		var objs []types.Object
		if fid := c.objID(field); fid != "" {
			refs = append(refs, rootRef{id: fid, obj: field, param: -1})
			objs = append(objs, field)
		}
		return nameCtx{context: ctx, name: words(id.Name)}, refs, objs
	}
	if p, ok := tv.Type.Underlying().(*types.Pointer); ok {
		if _, isStruct := p.Elem().Underlying().(*types.Struct); isStruct {
			return nameCtx{}, nil, nil
		}
	}
	if key, ok := c.constString(kv.Key); ok {
		return nameCtx{context: ctx, name: words(key)}, nil, nil
	}
	return nameCtx{}, nil, nil
}

// lvalue names an assignment target.
func (c *checker) lvalue(l ast.Expr) (nameCtx, []rootRef, []types.Object) {
	l = ast.Unparen(l)
	switch x := l.(type) {
	case *ast.Ident:
		obj := c.info.Defs[x]
		if obj == nil {
			obj = c.info.Uses[x]
		}
		v, ok := obj.(*types.Var)
		if !ok {
			return nameCtx{}, nil, nil
		}
		nc := nameCtx{name: words(v.Name())}
		if id := c.objID(v); id != "" {
			return nc, []rootRef{{id: id, obj: v, param: -1}}, []types.Object{v}
		}
		return nc, nil, nil
	case *ast.SelectorExpr:
		ctx := c.chainWords(x.X, 0)
		var v *types.Var
		if sel, ok := c.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			v, _ = sel.Obj().(*types.Var)
			ctx = append(ctx, words(typeNameOf(sel.Recv()))...)
		} else {
			v, _ = c.info.Uses[x.Sel].(*types.Var)
		}
		nc := nameCtx{context: ctx, name: words(x.Sel.Name)}
		if id := c.objID(v); id != "" {
			return nc, []rootRef{{id: id, obj: v, param: -1}}, []types.Object{v}
		}
		return nc, nil, nil
	case *ast.IndexExpr:
		if key, ok := c.constString(x.Index); ok {
			return nameCtx{context: c.chainWords(x.X, 0), name: words(key)}, nil, nil
		}
	case *ast.StarExpr:
		return c.lvalue(x.X)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.lvalue(x.X)
		}
	}
	return nameCtx{}, nil, nil
}

// chainWords returns the words of the names in a selector chain a.b.c.
func (c *checker) chainWords(e ast.Expr, depth int) []string {
	if depth > 6 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return words(x.Name)
	case *ast.SelectorExpr:
		return append(c.chainWords(x.X, depth+1), words(x.Sel.Name)...)
	case *ast.StarExpr:
		return c.chainWords(x.X, depth+1)
	}
	return nil
}

// localVar returns the local variable an lvalue names, or nil.
func localVar(info *types.Info, l ast.Expr) *types.Var {
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

// usesDest names where a local variable's value goes, one step on.
func (c *checker) usesDest(from inspector.Cursor, v *types.Var) ([]nameCtx, []rootRef, []types.Object) {
	var fnCur inspector.Cursor
	found := false
	for f := range from.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fnCur, found = f, true
		break
	}
	if !found {
		return nil, nil, nil
	}
	var names []nameCtx
	var refs []rootRef
	var objs []types.Object
	for idCur := range fnCur.Preorder((*ast.Ident)(nil)) {
		id := idCur.Node().(*ast.Ident)
		if c.info.Uses[id] != v {
			continue
		}
		n, r, o := c.destOf(idCur, false)
		names = append(names, n...)
		refs = append(refs, r...)
		objs = append(objs, o...)
	}
	return names, refs, objs
}

// enclosingFunc returns the declared function enclosing cur, or nil.
func (c *checker) enclosingFunc(cur inspector.Cursor) (*ast.FuncDecl, *types.Func) {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		decl, ok := f.Node().(*ast.FuncDecl)
		if !ok {
			return nil, nil
		}
		fn, _ := c.info.Defs[decl.Name].(*types.Func)
		return decl, fn
	}
	return nil, nil
}

// returnDest names the function a return statement returns from.
func (c *checker) returnDest(cur inspector.Cursor) []nameCtx {
	decl, fn := c.enclosingFunc(cur)
	if decl == nil || fn == nil {
		return nil
	}
	var ctx []string
	if decl.Recv != nil && len(decl.Recv.List) > 0 {
		if tv, ok := c.info.Types[decl.Recv.List[0].Type]; ok {
			ctx = words(typeNameOf(tv.Type))
		}
	}
	out := []nameCtx{{context: ctx, name: words(fn.Name())}}
	if res := decl.Type.Results; res != nil && len(res.List) > 0 && len(res.List[0].Names) > 0 {
		out = append(out, nameCtx{context: ctx, name: words(res.List[0].Names[0].Name)})
	}
	return out
}

func (c *checker) returnRefs(cur inspector.Cursor) []rootRef {
	_, fn := c.enclosingFunc(cur)
	if fn == nil {
		return nil
	}
	if id := c.objID(fn); id != "" {
		return []rootRef{{id: id, obj: fn, param: -1}}
	}
	return nil
}

func (c *checker) returnObjs(cur inspector.Cursor) []types.Object {
	_, fn := c.enclosingFunc(cur)
	if fn == nil {
		return nil
	}
	return []types.Object{fn}
}
