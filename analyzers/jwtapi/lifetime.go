package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// ConditionalExpiry returns the if statement of a mint (a new token, or a
// sign call given claims) whose claims get their expiry only inside
// `if ttl > 0 { … }` (or `!= 0`) on a configured lifetime, so a zero
// setting mints tokens that never expire; nil otherwise. An expiry also
// set outside that branch (the literal, an else branch with a default),
// a constant lifetime, and a lifetime the program rejects when it is not
// positive (a fatal exit, a panic or an error return, see
// LifetimeCheckedFact) give nil.
func (c *ExpiryReader) ConditionalExpiry(m *Mint) *ast.IfStmt {
	call := m.Call
	if m.Claims == nil || call.Encl == nil || m.Kind == MintFixedClaims {
		return nil
	}
	v := c.claimsVar(m.Claims)
	if v == nil || !c.isLocal(v) {
		return nil
	}
	body := FuncBody(call.Encl)
	if body == nil {
		return nil
	}
	// The claims' own definitions in the function: a literal that already
	// carries an expiry settles it; anything but literals is out of sight.
	// (The index's definitions of v are no help: an element write or &v
	// makes them opaque.)
	defs := c.localDefs(body, v)
	if len(defs) == 0 {
		return nil
	}
	for _, d := range defs {
		if d == nil {
			continue
		}
		lit := ast.Unparen(d)
		if u, ok := lit.(*ast.UnaryExpr); ok && u.Op == token.AND {
			lit = ast.Unparen(u.X)
		}
		if _, isLit := lit.(*ast.CompositeLit); !isLit {
			return nil
		}
		if r := c.status(lit, nil, 0); r.st != ExpiryNo {
			return nil
		}
	}
	var cond *ast.IfStmt
	var lifetime ast.Expr
	unconditional := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for _, l := range as.Lhs {
			if !c.isExpiryWrite(l, v) {
				continue
			}
			ifs, lt := c.lifetimeGuard(as)
			if ifs == nil {
				unconditional = true
				continue
			}
			cond, lifetime = ifs, lt
		}
		return true
	})
	if unconditional || cond == nil || c.constantLifetime(lifetime) || c.lifetimeChecked(lifetime) {
		return nil
	}
	return cond
}

// localDefs returns the values body assigns to v as a whole (nil for a
// declaration without value); nil when one is a multi-valued assignment.
func (c *ExpiryReader) localDefs(body *ast.BlockStmt, v *types.Var) []ast.Expr {
	var out []ast.Expr
	bad := false
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (c.info.Defs[id] == v || c.info.Uses[id] == v)
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for i, l := range x.Lhs {
				if !is(l) {
					continue
				}
				if len(x.Lhs) != len(x.Rhs) || (x.Tok != token.ASSIGN && x.Tok != token.DEFINE) {
					bad = true
					continue
				}
				out = append(out, x.Rhs[i])
			}
		case *ast.ValueSpec:
			for i, name := range x.Names {
				if !is(name) {
					continue
				}
				switch {
				case len(x.Values) == 0:
					out = append(out, nil)
				case len(x.Values) == len(x.Names):
					out = append(out, x.Values[i])
				default:
					bad = true
				}
			}
		}
		return true
	})
	if bad {
		return nil
	}
	return out
}

// claimsVar returns the variable a claims argument reads (claims,
// &claims), or nil.
func (c *ExpiryReader) claimsVar(e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.info.Uses[id].(*types.Var)
	return v
}

// isExpiryWrite reports whether lhs writes the expiry of claims v:
// v.ExpiresAt, v.RegisteredClaims.ExpiresAt, v["exp"].
func (c *ExpiryReader) isExpiryWrite(lhs ast.Expr, v *types.Var) bool {
	lhs = ast.Unparen(lhs)
	switch x := lhs.(type) {
	case *ast.SelectorExpr:
		s := c.info.Selections[x]
		if s == nil || s.Kind() != types.FieldVal {
			return false
		}
		f, _ := s.Obj().(*types.Var)
		return c.isExpiryField(f) && c.rootVar(x.X) == v
	case *ast.IndexExpr:
		sh := c.shapeOf(c.info.TypeOf(x.X), 0)
		if sh.Kind != ShapeMap {
			return false
		}
		key, ok := ConstStringOf(c.info.Types[x.Index])
		return ok && key == sh.Key && c.rootVar(x.X) == v
	}
	return false
}

// rootVar returns the variable at the root of a selector chain.
func (c *ExpiryReader) rootVar(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			v, _ := c.info.Uses[x].(*types.Var)
			return v
		default:
			return nil
		}
	}
}

// lifetimeGuard returns the innermost if statement whose body (not else)
// holds the write as and whose condition says a lifetime is positive
// (ttl > 0, ttl != 0, 0 < ttl), with the lifetime expression, when the
// written value uses that lifetime. nil when the write is not so guarded.
func (c *ExpiryReader) lifetimeGuard(as *ast.AssignStmt) (*ast.IfStmt, ast.Expr) {
	var child ast.Node = as
	for p := c.ix.Parent(as); p != nil; child, p = p, c.ix.Parent(p) {
		switch n := p.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil, nil
		case *ast.IfStmt:
			if child != n.Body {
				continue // in the else branch or the condition
			}
			lt := c.positiveTest(n.Cond)
			if lt == nil {
				continue
			}
			if !mentions(c.info, as, lt) {
				continue
			}
			return n, lt
		}
	}
	return nil, nil
}

// positiveTest returns x of a condition x > 0, x != 0 or 0 < x, or nil.
func (c *ExpiryReader) positiveTest(cond ast.Expr) ast.Expr {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	switch {
	case (b.Op == token.GTR || b.Op == token.NEQ) && IsConstZero(c.info, b.Y):
		return b.X
	case b.Op == token.LSS && IsConstZero(c.info, b.X):
		return b.Y
	}
	return nil
}

// mentions reports whether the right side of as reads the same variable
// or field as the lifetime expression lt.
func mentions(info *types.Info, as *ast.AssignStmt, lt ast.Expr) bool {
	want := objOf(info, lt)
	if want == nil {
		return false
	}
	found := false
	for _, r := range as.Rhs {
		ast.Inspect(r, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok && objOf(info, e) == want {
				found = true
			}
			return !found
		})
	}
	return found
}

// objOf returns the variable or field an expression reads (ttl,
// cfg.TokenTTL, s.ttl), or the method a call without arguments calls
// (cfg.TTL()).
func objOf(info *types.Info, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok {
			return v
		}
	case *ast.SelectorExpr:
		if v, ok := info.Uses[x.Sel].(*types.Var); ok {
			return v
		}
	case *ast.CallExpr:
		if len(x.Args) == 0 {
			if fn, ok := typeutil.Callee(info, x).(*types.Func); ok {
				return fn
			}
		}
	}
	return nil
}

// constantLifetime reports whether the lifetime is a variable every
// definition of which is a constant: the branch always runs the same way.
func (c *ExpiryReader) constantLifetime(lt ast.Expr) bool {
	v, ok := objOf(c.info, lt).(*types.Var)
	if !ok || v.Pkg() != c.pass.Pkg || c.ix.Defs.IsParam(v) {
		return false
	}
	defs, ok := c.ix.Defs.Of(v)
	if !ok {
		return false
	}
	if v.IsField() {
		// A field set only in literals of this package, each to a
		// constant.
		vals := c.ix.Defs.LitValues(v)
		if len(defs) > 0 || len(vals) == 0 {
			return false
		}
		for _, e := range vals {
			if tv, ok := c.info.Types[e]; !ok || tv.Value == nil {
				return false
			}
		}
		return true
	}
	if len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		if d.Expr == nil || d.Index >= 0 {
			return false
		}
		if tv, ok := c.info.Types[d.Expr]; !ok || tv.Value == nil {
			return false
		}
	}
	return true
}

// LifetimeCheckedFact marks a field or package variable that its package
// rejects when it is not positive (a fatal exit, a panic or an error
// return), so a mint elsewhere may rely on it.
type LifetimeCheckedFact struct {
	// Check names how it is rejected, for debugging output ("error",
	// "exit"): gob encodes facts, and a struct without exported fields
	// cannot be encoded.
	Check string
}

func (*LifetimeCheckedFact) AFact() {}

func (*LifetimeCheckedFact) String() string { return "lifetime-checked" }

// usesLifetimeFacts reports whether the analyzer of pass lists
// LifetimeCheckedFact: a pass may only import and export the facts its
// analyzer declares.
func usesLifetimeFacts(pass *analysis.Pass) bool {
	if pass == nil || pass.Analyzer == nil {
		return false
	}
	for _, f := range pass.Analyzer.FactTypes {
		if _, ok := f.(*LifetimeCheckedFact); ok {
			return true
		}
	}
	return false
}

// ExportLifetimeFacts exports LifetimeCheckedFact for the fields and
// package variables of this package that it rejects when not positive.
func (c *ExpiryReader) ExportLifetimeFacts() {
	done := map[types.Object]bool{}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			ifs, ok := n.(*ast.IfStmt)
			if !ok {
				return true
			}
			x := c.nonPositiveTest(ifs.Cond)
			if x == nil {
				return true
			}
			v, ok := objOf(c.info, x).(*types.Var)
			if !ok || done[v] || v.Pkg() != c.pass.Pkg || !(v.IsField() || v.Parent() == c.pass.Pkg.Scope()) {
				return true
			}
			if c.rejects(ifs.Body) {
				done[v] = true
				if c.facts {
					c.pass.ExportObjectFact(v, &LifetimeCheckedFact{Check: "rejected when not positive"})
				}
			}
			return true
		})
	}
}

// lifetimeChecked reports whether the package rejects a lifetime that is
// not positive: an if on the same variable or field (ttl <= 0, ttl == 0,
// ttl < 1) whose body exits (log.Fatal, panic, os.Exit) or returns an
// error.
func (c *ExpiryReader) lifetimeChecked(lt ast.Expr) bool {
	want := map[types.Object]bool{}
	obj := objOf(c.info, lt)
	if obj == nil {
		return false
	}
	want[obj] = true
	if v, ok := obj.(*types.Var); ok && v.Pkg() != c.pass.Pkg && c.facts {
		var fact LifetimeCheckedFact
		if c.pass.ImportObjectFact(v, &fact) {
			return true
		}
	}
	// remember = d after d was checked: d's check covers remember.
	if v, ok := obj.(*types.Var); ok && v.Pkg() == c.pass.Pkg {
		if defs, ok := c.ix.Defs.Of(v); ok {
			for _, d := range defs {
				if d.Expr != nil && d.Index < 0 {
					if src := objOf(c.info, d.Expr); src != nil {
						want[src] = true
					}
				}
			}
		}
	}
	checked := false
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if checked {
				return false
			}
			ifs, ok := n.(*ast.IfStmt)
			if !ok {
				return true
			}
			if x := c.nonPositiveTest(ifs.Cond); x != nil && want[objOf(c.info, x)] && c.rejects(ifs.Body) {
				checked = true
			}
			return true
		})
	}
	return checked
}

// nonPositiveTest returns x of x <= 0, x == 0, x < 1, 0 >= x, or of one
// side of an || of such tests, or nil.
func (c *ExpiryReader) nonPositiveTest(cond ast.Expr) ast.Expr {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	if b.Op == token.LOR {
		if x := c.nonPositiveTest(b.X); x != nil {
			return x
		}
		return c.nonPositiveTest(b.Y)
	}
	one := func(e ast.Expr) bool {
		tv, ok := c.info.Types[e]
		return ok && tv.Value != nil && tv.Value.ExactString() == "1"
	}
	switch {
	case (b.Op == token.LEQ || b.Op == token.EQL) && IsConstZero(c.info, b.Y):
		return b.X
	case b.Op == token.LSS && one(b.Y):
		return b.X
	case b.Op == token.GEQ && IsConstZero(c.info, b.X):
		return b.Y
	}
	return nil
}

// rejects reports whether a block stops the program (a call for which
// NeverReturns holds) or returns a non-nil error, anywhere in the block
// outside function literals. Unlike the branch outcomes of algnone and the
// fail-closed check of keyflow, which read only a block's last statement,
// a lifetime guard counts when any path of its body rejects: the guard
// only has to show that the package looks at a non-positive lifetime, and
// taking it as checked can only hide a finding.
func (c *ExpiryReader) rejects(body *ast.BlockStmt) bool {
	errType := types.Universe.Lookup("error").Type()
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if NeverReturns(c.info, x) {
				found = true
			}
		case *ast.ReturnStmt:
			for _, r := range x.Results {
				if t := c.info.TypeOf(r); t != nil && types.Implements(t, errType.Underlying().(*types.Interface)) && !IsNil(c.info, r) {
					found = true
				}
			}
		}
		return true
	})
	return found
}
