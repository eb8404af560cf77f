package jwtapi

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
)

// Small readings of syntax that the model and the rules share. Each idea
// has one implementation here; a rule package or another file of jwtapi
// calls these instead of keeping a copy.

// IsNil reports whether e (possibly parenthesized) denotes the
// predeclared nil. A shadowed nil is an ordinary variable and is not.
func IsNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// ConstBool returns the value of e when it is a boolean constant (true,
// false, a named constant, a constant expression); ok is false for any
// other expression, including a variable that happens to hold a constant.
func ConstBool(info *types.Info, e ast.Expr) (value, ok bool) {
	tv, found := info.Types[e]
	if !found || tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

// IsConstTrue reports whether e is a boolean constant whose value is true.
func IsConstTrue(info *types.Info, e ast.Expr) bool {
	v, ok := ConstBool(info, e)
	return ok && v
}

// IsConstZero reports whether e is a numeric constant (integer or
// floating-point, typed or not) equal to zero: 0, 0.0, time.Duration(0),
// a named constant of value zero.
func IsConstZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.Int, constant.Float:
		return constant.Sign(tv.Value) == 0
	}
	return false
}

// ConversionOf returns the operand x of a type conversion T(x), or nil
// when call is a call of a function (or a conversion without exactly one
// operand, which does not type-check).
func ConversionOf(info *types.Info, call *ast.CallExpr) ast.Expr {
	tv, ok := info.Types[call.Fun]
	if !ok || !tv.IsType() || len(call.Args) != 1 {
		return nil
	}
	return call.Args[0]
}

// StripConversions removes the parentheses and type conversions of any
// type around e: any(x), interface{}(x), MyKey(x), []byte(s) all yield x.
func StripConversions(info *types.Info, e ast.Expr) ast.Expr {
	return stripConversions(info, e, nil)
}

// StripStringConversions removes parentheses and only the conversions
// between string and byte-slice types around e: []byte(raw) and
// string(raw) carry the same token text as raw, while MyType(raw) is left
// in place.
func StripStringConversions(info *types.Info, e ast.Expr) ast.Expr {
	stringLike := func(t types.Type) bool { return t != nil && (IsStringType(t) || IsByteSliceType(t)) }
	return stripConversions(info, e, func(to, from types.Type) bool { return stringLike(to) && stringLike(from) })
}

// stripConversions removes parentheses and the conversions that keep
// accepts (every conversion when keep is nil).
func stripConversions(info *types.Info, e ast.Expr, keep func(to, from types.Type) bool) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return e
		}
		x := ConversionOf(info, call)
		if x == nil || keep != nil && !keep(info.TypeOf(call), info.TypeOf(x)) {
			return e
		}
		e = x
	}
}

// BaseVar returns the variable or struct field that e reads directly (v,
// x.f), looking through parentheses and conversions, or nil for any other
// expression.
func BaseVar(info *types.Info, e ast.Expr) *types.Var {
	switch x := StripConversions(info, e).(type) {
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := info.Uses[x.Sel].(*types.Var)
		return v
	}
	return nil
}

// LenOperand returns x for a call of the builtin len(x), or nil.
func LenOperand(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != "len" {
		return nil
	}
	if _, ok := info.Uses[id].(*types.Builtin); !ok {
		return nil
	}
	return call.Args[0]
}

// NewOperand reports whether e is a call of the builtin new and returns
// the type it allocates (nil when not known).
func NewOperand(info *types.Info, e ast.Expr) (types.Type, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil, false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != "new" {
		return nil, false
	}
	if _, builtin := info.Uses[id].(*types.Builtin); !builtin {
		return nil, false
	}
	tv, ok := info.Types[call.Args[0]]
	if !ok {
		return nil, true
	}
	return tv.Type, true
}

// NeverReturns reports whether a call does not return to its caller: the
// panic builtin, and by the selected name any function or method called
// Fatal, Fatalf, Fatalln, Panic, Panicf, Panicln, Exit or Goexit (log,
// os, runtime, and the logging libraries that copy log's names) or
// FailNow, Skip, Skipf, SkipNow (testing). Matching by name rather than
// by package keeps klog.Fatal, logrus.Fatal and zap's (*Logger).Fatal.
//
// Its readers: unverified's control-flow graph (a call that never returns
// ends a path, so a wrongly matched name can only hide a finding);
// algnone's branch outcome and the expiry reader's lifetime guard (a
// branch that stops rejects). In algnone a rejecting branch also completes
// the finding "lets none through while rejecting other algorithms" when
// the other branch falls through; a branch ending in a logger's Fatal does
// reject, so the name reading holds there too.
func NeverReturns(info *types.Info, call *ast.CallExpr) bool {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		b, ok := info.Uses[f].(*types.Builtin)
		return ok && b.Name() == "panic"
	case *ast.SelectorExpr:
		switch f.Sel.Name {
		case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "Exit", "Goexit", "FailNow", "Skip", "Skipf", "SkipNow":
			return true
		}
	}
	return false
}

// Within reports whether pos lies in n (from n.Pos() up to, not
// including, n.End()).
func Within(pos token.Pos, n ast.Node) bool { return n.Pos() <= pos && pos < n.End() }

// FileAt returns the file of the package that holds pos, or nil (no
// package, or a position of another package).
func (ix *Index) FileAt(pos token.Pos) *ast.File {
	if ix.pass == nil {
		return nil
	}
	for _, f := range ix.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// Parent returns the syntax node that holds n (the *ast.File for a
// top-level declaration), or nil for a file or a node of no file of the
// package. The parent map is built once per package and shared.
func (ix *Index) Parent(n ast.Node) ast.Node { return ix.tree().parents[n] }

// ParentSkipParens returns the parent of n, skipping parentheses: for x
// in (x).f it returns the selector.
func (ix *Index) ParentSkipParens(n ast.Node) ast.Node {
	p := ix.Parent(n)
	for {
		pe, ok := p.(*ast.ParenExpr)
		if !ok {
			return p
		}
		p = ix.Parent(pe)
	}
}

// EnclosingFunc returns the innermost *ast.FuncDecl or *ast.FuncLit that
// holds n, or nil. A function literal counts as a function of its own.
func (ix *Index) EnclosingFunc(n ast.Node) ast.Node {
	for p := ix.Parent(n); p != nil; p = ix.Parent(p) {
		switch p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return p
		}
	}
	return nil
}

// FuncBody returns the body of a *ast.FuncDecl or *ast.FuncLit, or nil
// (any other node, a declaration without body).
func FuncBody(n ast.Node) *ast.BlockStmt {
	switch f := n.(type) {
	case *ast.FuncDecl:
		return f.Body
	case *ast.FuncLit:
		return f.Body
	}
	return nil
}

// EnclosingFuncAt is EnclosingFunc for a position rather than a node (an
// object's declaration, say): the innermost function declaration or
// literal of the package whose source holds pos, or nil.
func (ix *Index) EnclosingFuncAt(pos token.Pos) ast.Node {
	f := ix.FileAt(pos)
	if f == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, pos, pos)
	for _, n := range path {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n
		}
	}
	return nil
}

// EnclosingStmt returns the innermost statement that holds n within its
// enclosing function, or nil when n is no part of a statement of that
// function (a parameter, a package-level declaration).
func (ix *Index) EnclosingStmt(n ast.Node) ast.Stmt {
	for p := ix.Parent(n); p != nil; p = ix.Parent(p) {
		switch p := p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		case ast.Stmt:
			return p
		}
	}
	return nil
}

// EnclosingFunc is the declared-function reading for inspector cursors:
// the *ast.FuncDecl immediately enclosing cur and its object, or nils when
// the innermost function is a literal (it has no name to attribute
// the code to) or there is none.
func EnclosingFunc(info *types.Info, cur inspector.Cursor) (*ast.FuncDecl, *types.Func) {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		decl, ok := f.Node().(*ast.FuncDecl)
		if !ok {
			return nil, nil
		}
		fn, _ := info.Defs[decl.Name].(*types.Func)
		return decl, fn
	}
	return nil, nil
}

// IsInterfaceMethod reports whether fn is a method of an interface type,
// whose implementation a static analysis cannot see.
func IsInterfaceMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}
