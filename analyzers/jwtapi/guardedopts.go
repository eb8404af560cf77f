package jwtapi

import (
	"go/ast"
	"go/types"
)

// Options a verification is given (as Options collects them), and the
// options of the parser a parse method is called on; each with the if
// statement that alone decides whether it is given.

// OptionUse is one option a verification is given, and the if statement
// that alone decides whether it is given (nil when the option is given
// whenever the verification runs); InElse says the option sits in its else
// branch.
type OptionUse struct {
	Call   *Call
	Cond   *ast.IfStmt
	InElse bool
}

// GuardedOptions lists the modelled options of a verification: those
// Options reaches, also of a slice not seen whole, and the options of the
// parser it is a method of, which built returns (the calls whose results
// an expression may hold, from provenance). complete is false when some
// option cannot be seen: not followed, a modelled call that is no option,
// an option variable without a value, or another library call that takes
// a library value (request.WithParser(p), which may carry options of its
// own).
func (ix *Index) GuardedOptions(call *Call, built func(ast.Expr) []*Call) (out []OptionUse, complete bool) {
	set := ix.Options(call)
	complete = set.walked
	for _, v := range set.values {
		if v == nil {
			complete = false
			continue
		}
		if oc := ix.CallOf(v); oc != nil {
			if !oc.IsOption() {
				complete = false
				continue
			}
			cond, inElse := ix.optionGuard(oc.Expr, call.Expr)
			out = append(out, OptionUse{Call: oc, Cond: cond, InElse: inElse})
			continue
		}
		if !ix.libraryCall(v) {
			complete = false
			continue
		}
		for _, a := range v.Args {
			if ix.isLibraryValue(ix.Info.TypeOf(a)) {
				complete = false
			}
		}
	}
	if recv := call.Recv(); recv != nil && call.Func.Keyfunc >= 0 {
		// A parser method: the options are those the parser was built with.
		bs := built(recv)
		if len(bs) == 0 {
			complete = false
		}
		for _, b := range bs {
			if !b.IsParserBuilder() {
				complete = false
				continue
			}
			opts, ok := ix.GuardedOptions(b, built)
			out = append(out, opts...)
			complete = complete && ok
		}
	}
	return out, complete
}

// isLibraryValue reports whether t is (a pointer to) a named type of a
// modelled library.
func (ix *Index) isLibraryValue(t types.Type) bool {
	if t == nil {
		return false
	}
	n := namedOf(t)
	return n != nil && n.Obj().Pkg() != nil && ix.Model.IsLibrary(n.Obj().Pkg().Path())
}

// optionGuard returns the innermost if statement, within the function,
// that decides whether opt is evaluated without also deciding whether the
// verification runs, and whether opt is in its else branch.
func (ix *Index) optionGuard(opt, parse *ast.CallExpr) (*ast.IfStmt, bool) {
	ins := ix.Inspector()
	if ins == nil {
		return nil, false
	}
	cur, ok := ins.Root().FindNode(opt)
	if !ok {
		return nil, false
	}
	for enc := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := enc.Node().(*ast.IfStmt)
		if !ok {
			return nil, false // the function's edge
		}
		if Within(parse.Pos(), ifs) {
			return nil, false // the verification runs under the same condition
		}
		switch {
		case Within(opt.Pos(), ifs.Body):
			return ifs, false
		case ifs.Else != nil && Within(opt.Pos(), ifs.Else):
			return ifs, true
		}
		return nil, false // in the condition or init
	}
	return nil, false
}
