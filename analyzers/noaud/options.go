package noaud

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

const maxDepth = 6

// options lists the modelled options of a verification (see
// jwtapi.Index.GuardedOptions).
func (c *checker) options(call *jwtapi.Call) ([]jwtapi.OptionUse, bool) {
	return c.ix.GuardedOptions(call, c.flow.Built)
}

// onlyWhenSet reports whether an audience option is given only when its
// own argument is set: the body of if X != "" / len(X) > 0 / X != nil, or
// the else branch of the opposite test.
func (c *checker) onlyWhenSet(u jwtapi.OptionUse) (setting string, ok bool) {
	if u.Cond == nil {
		return "", false
	}
	arg := u.Call.OptionValue()
	if arg == nil {
		return "", false
	}
	want := types.ExprString(ast.Unparen(arg))
	if c.testsSet(u.Cond.Cond, want, !u.InElse) {
		return want, true
	}
	return "", false
}

// testsSet reports whether cond tests that the expression written want is
// set (set true) or unset (set false).
func (c *checker) testsSet(cond ast.Expr, want string, set bool) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LAND:
		return set && (c.testsSet(b.X, want, set) || c.testsSet(b.Y, want, set))
	case token.LOR:
		return !set && (c.testsSet(b.X, want, set) || c.testsSet(b.Y, want, set))
	}
	x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
	if c.isEmptyValue(x) {
		x, y = y, x
	}
	if !c.isEmptyValue(y) {
		// len(X) > 0, len(X) != 0, len(X) == 0, len(X) < 1
		return c.testsLen(b, want, set)
	}
	if !c.isSetting(x, want) {
		return false
	}
	return (b.Op == token.NEQ) == set && (b.Op == token.NEQ || b.Op == token.EQL)
}

// isSetting reports whether e is the expression written want, or a call
// that is empty whenever it is (strings.TrimSpace(want)): a test that e is
// set is then a test that want is set.
func (c *checker) isSetting(e ast.Expr, want string) bool {
	for range maxDepth {
		e = ast.Unparen(e)
		if types.ExprString(e) == want {
			return true
		}
		inner := jwtapi.EmptyKeptArg(c.info, e)
		if inner == nil {
			return false
		}
		e = inner
	}
	return false
}

// setting returns the expression whose emptiness e shows: e itself, or
// the argument of the calls around it that keep emptiness.
func (c *checker) setting(e ast.Expr) ast.Expr {
	for range maxDepth {
		e = ast.Unparen(e)
		inner := jwtapi.EmptyKeptArg(c.info, e)
		if inner == nil {
			return e
		}
		e = inner
	}
	return e
}

func (c *checker) testsLen(b *ast.BinaryExpr, want string, set bool) bool {
	x := jwtapi.LenOperand(c.info, b.X)
	if x == nil || !c.isSetting(x, want) {
		return false
	}
	tv, ok := c.info.Types[b.Y]
	if !ok || tv.Value == nil {
		return false
	}
	switch v := tv.Value.String(); {
	case (b.Op == token.GTR || b.Op == token.NEQ) && v == "0", b.Op == token.GEQ && v == "1":
		return set
	case b.Op == token.EQL && v == "0", b.Op == token.LSS && v == "1":
		return !set
	}
	return false
}

// isEmptyValue: the constant "" or nil.
func (c *checker) isEmptyValue(e ast.Expr) bool {
	if s, ok := jwtapi.ConstString(c.info, e); ok {
		return s == ""
	}
	tv, ok := c.info.Types[e]
	return ok && tv.IsNil()
}
