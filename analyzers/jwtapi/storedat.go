package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// StoreName is one name a value is stored under, read from syntax: its
// last words and what contains it (Context) — a field Secret of a
// JWTConfig is {Context: [jwt config], Words: [secret]} — with the
// variable, field or function that holds it (Obj, nil for map keys and
// parameters) and, for an assignment, the target expression (Target).
type StoreName struct {
	Context, Words []string
	Obj            types.Object
	Target         ast.Expr
}

// ClimbValue moves from an expression up through parentheses, conversions
// and trimming (see UnwrapValue) to the expression whose parent uses the
// value.
func ClimbValue(info *types.Info, cur inspector.Cursor) inspector.Cursor {
	for i := 0; i < 8; i++ {
		p := cur.Parent()
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			cur = p
			continue
		case *ast.CallExpr:
			if len(n.Args) == 1 && n.Args[0] == cur.Node() && UnwrapValue(info, n) != ast.Expr(n) {
				cur = p
				continue
			}
		}
		break
	}
	return cur
}

// StoredAt names where the value of the expression at cur goes (cur is
// first climbed with ClimbValue): the variable or field assigned and the
// struct field or map key of a literal (only those with words), the
// function returning it and its named result (ReturnNames), the parameter
// it is passed as (its function's name as Context).
func StoredAt(info *types.Info, cur inspector.Cursor) []StoreName {
	cur = ClimbValue(info, cur)
	e, _ := cur.Node().(ast.Expr)
	p := cur.Parent()
	var out []StoreName
	named := func(n StoreName) {
		if len(n.Words) > 0 {
			out = append(out, n)
		}
	}
	switch n := p.Node().(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			break
		}
		for i, r := range n.Rhs {
			if r == e {
				named(LValueName(info, n.Lhs[i]))
			}
		}
	case *ast.ValueSpec:
		for i, r := range n.Values {
			if r == e && i < len(n.Names) {
				named(LValueName(info, n.Names[i]))
			}
		}
	case *ast.KeyValueExpr:
		if n.Value == e {
			named(literalKeyName(info, p, n))
		}
	case *ast.ReturnStmt:
		out = append(out, ReturnNames(info, p)...)
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, n).(*types.Func)
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
			out = append(out, StoreName{Context: Words(fn.Name()), Words: Words(sig.Params().At(i).Name())})
		}
	}
	return out
}

// literalKeyName names the field or map key a composite literal element
// is stored under, with the literal's type (and the field the literal is
// itself stored under: JWT: JWTConfig{Secret: …}) as context.
func literalKeyName(info *types.Info, kvCur inspector.Cursor, kv *ast.KeyValueExpr) StoreName {
	lit, ok := kvCur.Parent().Node().(*ast.CompositeLit)
	if !ok {
		return StoreName{}
	}
	tv, ok := info.Types[lit]
	if !ok {
		return StoreName{}
	}
	ctx := Words(NamedTypeName(tv.Type))
	if outer, ok := kvCur.Parent().Parent().Node().(*ast.KeyValueExpr); ok {
		if id, ok := outer.Key.(*ast.Ident); ok {
			ctx = append(Words(id.Name), ctx...)
		}
	}
	switch u := tv.Type.Underlying().(type) {
	case *types.Struct:
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			return StoreName{}
		}
		n := StoreName{Context: ctx, Words: Words(id.Name)}
		if field, ok := info.Uses[id].(*types.Var); ok {
			n.Obj = field
		}
		return n
	case *types.Pointer:
		if _, isStruct := u.Elem().Underlying().(*types.Struct); isStruct {
			return StoreName{}
		}
	}
	if key, ok := ConstString(info, kv.Key); ok {
		return StoreName{Context: ctx, Words: Words(key)}
	}
	return StoreName{}
}

// LValueName names an assignment target: a variable, a field (its
// selector chain and the receiver's type as context), a constant map
// key; no words when the target has no name. Target is l.
func LValueName(info *types.Info, l ast.Expr) StoreName {
	n := lvalueName(info, l)
	n.Target = l
	return n
}

func lvalueName(info *types.Info, l ast.Expr) StoreName {
	switch x := ast.Unparen(l).(type) {
	case *ast.Ident:
		obj := info.Defs[x]
		if obj == nil {
			obj = info.Uses[x]
		}
		if v, ok := obj.(*types.Var); ok {
			return StoreName{Words: Words(v.Name()), Obj: v}
		}
	case *ast.SelectorExpr:
		n := StoreName{Context: chainWords(x.X, 0), Words: Words(x.Sel.Name)}
		var v *types.Var
		if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			v, _ = sel.Obj().(*types.Var)
			n.Context = append(n.Context, Words(NamedTypeName(sel.Recv()))...)
		} else {
			v, _ = info.Uses[x.Sel].(*types.Var)
		}
		if v != nil {
			n.Obj = v
		}
		return n
	case *ast.IndexExpr:
		if key, ok := ConstString(info, x.Index); ok {
			return StoreName{Context: chainWords(x.X, 0), Words: Words(key)}
		}
	case *ast.StarExpr:
		return lvalueName(info, x.X)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return lvalueName(info, x.X)
		}
	}
	return StoreName{}
}

// chainWords returns the words of the names in a selector chain a.b.c.
func chainWords(e ast.Expr, depth int) []string {
	if depth > 6 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return Words(x.Name)
	case *ast.SelectorExpr:
		return append(chainWords(x.X, depth+1), Words(x.Sel.Name)...)
	case *ast.StarExpr:
		return chainWords(x.X, depth+1)
	}
	return nil
}

// ReturnNames names the declared function a return statement at cur
// returns from: its name (Obj the function), then its first named result,
// each with the receiver's type as context; nil inside a function literal.
func ReturnNames(info *types.Info, cur inspector.Cursor) []StoreName {
	decl, fn := EnclosingFunc(info, cur)
	if decl == nil || fn == nil {
		return nil
	}
	var ctx []string
	if decl.Recv != nil && len(decl.Recv.List) > 0 {
		if tv, ok := info.Types[decl.Recv.List[0].Type]; ok {
			ctx = Words(NamedTypeName(tv.Type))
		}
	}
	out := []StoreName{{Context: ctx, Words: Words(fn.Name()), Obj: fn}}
	if res := decl.Type.Results; res != nil && len(res.List) > 0 && len(res.List[0].Names) > 0 {
		out = append(out, StoreName{Context: ctx, Words: Words(res.List[0].Names[0].Name)})
	}
	return out
}
