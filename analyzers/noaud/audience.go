package noaud

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

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
		switch x := n.(type) {
		case *ast.SelectorExpr:
			found = c.isAudienceRead(x)
		case *ast.IndexExpr:
			if key, ok := jwtapi.ConstString(c.info, x.Index); ok {
				found = c.typeReads(c.info.TypeOf(x.X), key)
			}
		}
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
		if t := c.info.TypeOf(r.Type); t != nil && c.carriesAudience(t) {
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

// carriesAudience: a modelled token or claims type with audience reads, a
// field type with an audience claim, or a struct embedding one.
func (c *checker) carriesAudience(t types.Type) bool {
	if row := c.ix.Model.Type(t); row != nil && len(row.AudienceReads) > 0 {
		return true
	}
	st := structOf(t)
	if st == nil {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if m := c.ix.Model.Field(t, f.Name()); m != nil && m.AudienceClaim {
			return true
		}
		if f.Embedded() {
			if row := c.ix.Model.Type(f.Type()); row != nil && len(row.AudienceReads) > 0 {
				return true
			}
		}
	}
	return false
}

// isAudienceRead: x.Audience, x.GetAudience, … on a modelled claims or
// token type, also when the claims type is embedded in the program's own.
func (c *checker) isAudienceRead(sel *ast.SelectorExpr) bool {
	s := c.info.Selections[sel]
	if s == nil {
		return false
	}
	holder := holderType(s)
	if holder == nil {
		return false
	}
	if s.Kind() == types.FieldVal {
		if f := c.ix.Model.Field(holder, sel.Sel.Name); f != nil && f.AudienceClaim {
			return true
		}
	}
	return c.typeReads(holder, sel.Sel.Name)
}

func (c *checker) typeReads(t types.Type, name string) bool {
	row := c.ix.Model.Type(t)
	return row != nil && slices.Contains(row.AudienceReads, name)
}

// holderType returns the type that declares a selected field or method:
// the receiver's type, or the embedded type the selection goes through.
func holderType(s *types.Selection) types.Type {
	t := s.Recv()
	idx := s.Index()
	for _, i := range idx[:len(idx)-1] {
		st := structOf(t)
		if st == nil || i >= st.NumFields() {
			return nil
		}
		t = st.Field(i).Type()
	}
	return t
}

func structOf(t types.Type) *types.Struct {
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := types.Unalias(t).Underlying().(*types.Struct)
	return st
}

// validatesAudience reports whether a claims validation in the function
// checks the audience: an audience option (jwx jwt.Validate(tok,
// jwt.WithAudience(…))) or expected claims that name one (go-jose
// Expected{AnyAudience: …}).
func (c *checker) validatesAudience(fn ast.Node) bool {
	for _, v := range c.validations(fn) {
		if checks, known := c.validationChecks(v); checks || !known {
			return true
		}
	}
	return false
}

// validations returns the claims validations written in fn.
func (c *checker) validations(fn ast.Node) []*jwtapi.Call {
	if fn == nil {
		return nil
	}
	var out []*jwtapi.Call
	for _, v := range c.ix.Calls {
		if v.Func.Role == jwtapi.RoleValidateClaims && within(v.Expr.Pos(), fn) {
			out = append(out, v)
		}
	}
	return out
}

// validationChecks reports whether a claims validation checks the
// audience; known is false when its expectations cannot be seen.
func (c *checker) validationChecks(v *jwtapi.Call) (checks, known bool) {
	if v.Func.Options >= 0 {
		opts, complete := c.options(v)
		for _, o := range opts {
			if o.call.Func.Option == jwtapi.OptAudience {
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
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false, false
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if f := c.ix.Model.Field(c.info.TypeOf(lit), id.Name); f != nil && f.Option == jwtapi.OptAudience && !c.isEmptyValue(kv.Value) {
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
	for _, a := range v.Expr.Args {
		if len(c.audienceFields(c.info.TypeOf(a))) == 0 {
			continue
		}
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

// audienceFields returns the fields of struct type t that hold an expected
// audience, by the model.
func (c *checker) audienceFields(t types.Type) []string {
	st := structOf(t)
	if st == nil {
		return nil
	}
	var out []string
	for i := 0; i < st.NumFields(); i++ {
		if f := c.ix.Model.Field(t, st.Field(i).Name()); f != nil && f.Option == jwtapi.OptAudience {
			out = append(out, st.Field(i).Name())
		}
	}
	return out
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
		read := false
		switch x := cur.Node().(type) {
		case *ast.SelectorExpr:
			read = c.isAudienceRead(x)
		case *ast.IndexExpr:
			if key, ok := jwtapi.ConstString(c.info, x.Index); ok {
				read = c.typeReads(c.info.TypeOf(x.X), key)
			}
		}
		if !read {
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
		if within(read.Pos(), ifs.Cond) {
			// if X != "" && !slices.Contains(aud, X): guarded by the left.
			b, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
			if !ok || b.Op != token.LAND || !within(read.Pos(), b.Y) {
				continue
			}
			if x := c.setExpr(b.X); x != "" && mentions(b.Y, x) && c.testsSet(b.X, x, true) {
				return x, true
			}
			continue
		}
		if !within(read.Pos(), ifs.Body) {
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
		if call, ok := side.(*ast.CallExpr); ok && len(call.Args) == 1 {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "len" {
				return types.ExprString(c.setting(call.Args[0]))
			}
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
