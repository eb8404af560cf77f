package noaud

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// readsAudience reports whether a function reads a token's audience claim
// (a field, method or map key the model names): comparing it is a check by
// hand, and any read is given the benefit of the doubt.
func (c *checker) readsAudience(fn ast.Node) bool {
	var body *ast.BlockStmt
	switch f := fn.(type) {
	case *ast.FuncDecl:
		body = f.Body
	case *ast.FuncLit:
		body = f.Body
	}
	if body == nil {
		return false
	}
	return c.nodeReadsAudience(body)
}

func (c *checker) nodeReadsAudience(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		found = c.ix.AudienceRead(n)
		return true
	})
	return found
}

// callersMayCheck reports whether a function hands a verified token or
// claims value to its callers (a result of a type with audience reads, or
// a struct embedding one) and a caller in this package reads the audience:
// the check is the caller's. Callers in other packages are not seen.
func (c *checker) callersMayCheck(fn ast.Node) bool {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok || decl.Type.Results == nil {
		return false
	}
	obj, _ := c.info.Defs[decl.Name].(*types.Func)
	if obj == nil {
		return false
	}
	carries := false
	for _, r := range decl.Type.Results.List {
		if t := c.info.TypeOf(r.Type); t != nil && c.ix.CarriesAudience(t) {
			carries = true
		}
	}
	if !carries {
		return false
	}
	ins := c.ix.Inspector()
	if ins == nil {
		return false
	}
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if f, _ := c.info.Uses[jwtapi.CalleeIdent(call)].(*types.Func); f == nil || f.Origin() != obj {
			continue
		}
		for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			if c.readsAudience(enc.Node()) {
				return true
			}
			break
		}
	}
	return false
}

// validatesAudience reports whether a claims validation in the function
// checks the audience: an audience option (jwx jwt.Validate(tok,
// jwt.WithAudience(…))) or expected claims that name one (go-jose
// Expected{AnyAudience: …}).
func (c *checker) validatesAudience(fn ast.Node) bool {
	for _, v := range c.ix.ClaimsValidationsIn(fn) {
		if checks, known := c.validationChecks(v); checks || !known {
			return true
		}
	}
	return false
}

// validationChecks reports whether a claims validation checks the
// audience; known is false when its expectations cannot be seen.
func (c *checker) validationChecks(v *jwtapi.Call) (checks, known bool) {
	if v.TakesOptions() {
		opts, complete := c.options(v)
		for _, o := range opts {
			if o.Call.Sets(jwtapi.OptAudience) {
				return true, true
			}
		}
		return false, complete
	}
	lit, found := c.expectedLit(v)
	if !found {
		return false, true // no expectations argument: nothing names an audience
	}
	if lit == nil {
		return false, false
	}
	fields, positional := c.ix.ModelledFields(lit)
	if positional {
		return false, false
	}
	for _, f := range fields {
		if f.Field.Option == jwtapi.OptAudience && !c.isEmptyValue(f.Value) {
			return true, true
		}
	}
	return false, true
}

// expectedLit returns the composite literal of the validation's argument
// whose type has modelled audience fields (go-jose jwt.Expected). found is
// false when no argument has such a type; lit is nil when the argument is
// not a literal this package writes.
func (c *checker) expectedLit(v *jwtapi.Call) (lit *ast.CompositeLit, found bool) {
	if a, ok := c.ix.ExpectedClaimsArg(v); ok {
		return c.literal(a, 0), true
	}
	return nil, false
}

// literal returns the composite literal e is, points to, or, as a local
// variable defined once, holds.
func (c *checker) literal(e ast.Expr, depth int) *ast.CompositeLit {
	if depth > maxDepth || e == nil {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return x
	case *ast.UnaryExpr:
		return c.literal(x.X, depth+1)
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return nil
		}
		defs, ok := c.ix.Defs.Of(v)
		if !ok || len(defs) != 1 || defs[0].Index >= 0 {
			return nil
		}
		return c.literal(defs[0].Expr, depth+1)
	}
	return nil
}

// audienceReadOnlyWhenSet reports whether every audience read of a
// function sits in the body of an if statement that runs only when a
// setting is set (if cfg.Audience != "" { … slices.Contains(aud,
// cfg.Audience) … }) and compares against that setting: the by-hand form
// of an audience option added only when configured. It returns the
// setting.
func (c *checker) audienceReadOnlyWhenSet(fn ast.Node) (string, bool) {
	ins := c.ix.Inspector()
	if ins == nil || fn == nil {
		return "", false
	}
	root, ok := ins.Root().FindNode(fn)
	if !ok {
		return "", false
	}
	setting, reads := "", 0
	for cur := range root.Preorder((*ast.SelectorExpr)(nil), (*ast.IndexExpr)(nil)) {
		if !c.ix.AudienceRead(cur.Node()) {
			continue
		}
		reads++
		s, ok := c.readGuard(cur.Node(), cur)
		if !ok || (setting != "" && s != setting) {
			return "", false
		}
		setting = s
	}
	return setting, reads > 0
}

// readGuard returns the setting X of the innermost if statement around a
// read, within its function, whose condition tests that X is set and whose
// body uses X.
func (c *checker) readGuard(read ast.Node, cur inspector.Cursor) (string, bool) {
	for enc := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := enc.Node().(*ast.IfStmt)
		if !ok {
			return "", false
		}
		if jwtapi.Within(read.Pos(), ifs.Cond) {
			// if X != "" && !slices.Contains(aud, X): guarded by the left.
			b, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
			if !ok || b.Op != token.LAND || !jwtapi.Within(read.Pos(), b.Y) {
				continue
			}
			if x := c.setExpr(b.X); x != "" && mentions(b.Y, x) && c.testsSet(b.X, x, true) {
				return x, true
			}
			continue
		}
		if !jwtapi.Within(read.Pos(), ifs.Body) {
			continue // in the init or else branch
		}
		x := c.setExpr(ifs.Cond)
		if x == "" || !mentions(ifs.Body, x) {
			continue
		}
		if !c.testsSet(ifs.Cond, x, true) {
			continue
		}
		return x, true
	}
	return "", false
}

// setExpr returns the expression a condition tests against "" or nil, or
// passes to len, looking through calls that keep emptiness
// (strings.TrimSpace): the candidate setting.
func (c *checker) setExpr(cond ast.Expr) string {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return ""
	}
	if b.Op == token.LAND {
		if x := c.setExpr(b.X); x != "" {
			return x
		}
		return c.setExpr(b.Y)
	}
	for _, side := range []ast.Expr{b.X, b.Y} {
		side = ast.Unparen(side)
		if x := jwtapi.LenOperand(c.info, side); x != nil {
			return types.ExprString(c.setting(x))
		}
	}
	for _, side := range []ast.Expr{b.X, b.Y} {
		switch x := c.setting(side).(type) {
		case *ast.BasicLit:
		case *ast.Ident:
			if x.Name != "nil" {
				return x.Name
			}
		default:
			return types.ExprString(x)
		}
	}
	return ""
}

// mentions reports whether an expression written x occurs in n.
func mentions(n ast.Node, x string) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		if e, ok := m.(ast.Expr); ok && types.ExprString(e) == x {
			found = true
		}
		return true
	})
	return found
}
