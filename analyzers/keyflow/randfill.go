package keyflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// noteFillers records the buffers the package fills with random bytes,
// by the rows of jwtapi.RandomFillOf: a call that fills its argument
// (crypto/rand.Read(b), io.ReadFull(rand.Reader, b), math/rand.Read(b)),
// or a random number stored in an element of the buffer
// (b[i] = byte(r.Intn(256))).
func (f *Flow) noteFillers() {
	var root inspector.Cursor
	for _, call := range f.ix.Fills {
		fn, _ := typeutil.Callee(f.info, call).(*types.Func)
		row := jwtapi.RandomFillOf(fn)
		if row == nil {
			continue
		}
		kind := Random
		if row.Predictable {
			kind = Predictable
		}
		if row.FillsArg() {
			if buf := row.FilledIn(f.info, call); buf != nil {
				f.noteFilled(buf, kind)
			}
			continue
		}
		if !root.Valid() {
			root = f.ix.Inspector().Root()
		}
		if cur, ok := root.FindNode(call); ok {
			if buf := elementFilled(f.info, cur); buf != nil {
				f.noteFilled(buf, kind)
			}
		}
	}
}

// elementFilled returns the buffer of b[i] = e when the number the call at
// cur returns is all e is made of: converted (byte(n)), offset by a
// constant ('a' + n) or used to pick an element (alphabet[n]).
func elementFilled(info *types.Info, cur inspector.Cursor) ast.Expr {
	n := cur.Node().(ast.Expr)
	for {
		cur = cur.Parent()
		switch p := cur.Node().(type) {
		case *ast.ParenExpr:
		case *ast.CallExpr:
			if tv, ok := info.Types[p.Fun]; !ok || !tv.IsType() || len(p.Args) != 1 {
				return nil
			}
		case *ast.BinaryExpr:
			other := p.X
			if other == n {
				other = p.Y
			}
			if tv, ok := info.Types[other]; !ok || tv.Value == nil {
				return nil
			}
		case *ast.IndexExpr:
			if p.Index != n {
				return nil
			}
		case *ast.AssignStmt:
			if p.Tok != token.ASSIGN || len(p.Lhs) != len(p.Rhs) {
				return nil
			}
			for i, r := range p.Rhs {
				if r != n {
					continue
				}
				if ix, ok := ast.Unparen(p.Lhs[i]).(*ast.IndexExpr); ok {
					return ix.X
				}
			}
			return nil
		default:
			return nil
		}
		n = cur.Node().(ast.Expr)
	}
}

// noteFilled records the variable or field buf names as filled by a
// source of kind.
func (f *Flow) noteFilled(buf ast.Expr, kind Kind) {
	if s, ok := ast.Unparen(buf).(*ast.SliceExpr); ok {
		buf = s.X
	}
	var id *ast.Ident
	switch x := ast.Unparen(buf).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel // a field filled in place: rand.Read(s.key)
	default:
		return
	}
	if v, ok := f.info.Uses[id].(*types.Var); ok {
		if prev, seen := f.fillers[v]; !seen || prev == Random {
			// math/rand anywhere makes the buffer predictable.
			f.fillers[v] = kind
		}
	}
}

// funcLitCall is the origin of a function literal called where it is
// written (var key = func() []byte { … }()): what its returns hold.
func (f *Flow) funcLitCall(lit *ast.FuncLit, call *ast.CallExpr, result int, b bindings, depth int) Origin {
	if len(call.Args) != 0 || lit.Body == nil {
		return unknown()
	}
	idx := max(result, 0)
	var origins []Origin
	for _, ret := range jwtapi.OwnReturns(lit.Body) {
		if idx >= len(ret.Results) || (len(ret.Results) == 1 && idx > 0) {
			return unknown()
		}
		origins = append(origins, f.origin(ret.Results[idx], b, depth+1))
	}
	if len(origins) == 0 {
		return unknown()
	}
	return merge(origins)
}
