package noexp

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// checkParse reports a parse, or a parser construction, of a library that
// accepts tokens without exp unless an option says otherwise, when none of
// its options does. Parser methods are covered by the construction.
func (c *checker) checkParse(call *jwtapi.Call) {
	row := c.ix.Model.Package(call.Func.Pkg)
	if row == nil || row.ExpiryRequiredByDefault || !row.ExpiryRequiredOption || call.Func.Options < 0 {
		return
	}
	optName := c.expRequiredOption(call.Func.Pkg)
	if optName == "" {
		return
	}
	kinds, lits, complete := c.optionKinds(call)
	if kinds[jwtapi.OptSkipClaims] || kinds[jwtapi.OptExpirationRequired] || !complete {
		return
	}
	if c.enforcesExpiry(call) || (call.Func.Role == jwtapi.RoleNewParser && c.onlyUnverified(call.Expr)) {
		return
	}
	name := c.callName(call.Expr)
	q, qualOK := c.pkgQualifier(call.Expr)
	opt := qualified(q, optName) + "()"
	if !qualOK {
		opt = optName + "()"
	}
	d := analysis.Diagnostic{
		Pos:     call.Expr.Pos(),
		End:     call.Expr.End(),
		Message: name + " accepts tokens that have no exp claim, and such tokens never expire: add " + opt,
	}
	if fix, ok := c.optionFix(call, opt, optName, lits, qualOK); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.report(d)
}

// expRequiredOption returns the name of the option of pkg that makes exp
// mandatory, from the model.
func (c *checker) expRequiredOption(pkg string) string {
	for _, f := range c.ix.Model.Funcs() {
		if f.Pkg == pkg && f.Role == jwtapi.RoleOption && f.Option == jwtapi.OptExpirationRequired && f.Recv == "" {
			return f.Name
		}
	}
	return ""
}

// optionFix appends the option to the call, or, when the options are
// spread from a slice (opts...), to the one literal that builds the slice.
func (c *checker) optionFix(call *jwtapi.Call, opt, optName string, lits []*ast.CompositeLit, qualOK bool) (analysis.SuggestedFix, bool) {
	msg := "add " + opt
	if !call.Expr.Ellipsis.IsValid() {
		if !qualOK {
			return analysis.SuggestedFix{}, false
		}
		args := call.Expr.Args
		var e analysis.TextEdit
		if len(args) == 0 {
			e = analysis.TextEdit{Pos: call.Expr.Rparen, End: call.Expr.Rparen, NewText: []byte(opt)}
		} else {
			end := args[len(args)-1].End()
			e = analysis.TextEdit{Pos: end, End: end, NewText: []byte(", " + opt)}
		}
		return analysis.SuggestedFix{Message: msg, TextEdits: []analysis.TextEdit{e}}, true
	}
	if len(lits) != 1 || c.fixed[lits[0]] {
		return analysis.SuggestedFix{}, false
	}
	lit := lits[0]
	file := c.fileOf(lit.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	q, edits, ok := c.importName(file, call.Func.Pkg, lit.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits, ok = mergeInserts(append(edits, c.addElement(lit, qualified(q, optName)+"()")...))
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	c.fixed[lit] = true
	return analysis.SuggestedFix{Message: msg, TextEdits: edits}, true
}

// optionKinds lists what the options of a parse call do. complete is false
// when some option cannot be seen (a parameter, an unknown function); lits
// are the slice literals the options are spread from.
func (c *checker) optionKinds(call *jwtapi.Call) (kinds map[jwtapi.OptionKind]bool, lits []*ast.CompositeLit, complete bool) {
	kinds = make(map[jwtapi.OptionKind]bool)
	args := call.OptionArgs()
	complete = true
	if call.Expr.Ellipsis.IsValid() && len(args) > 0 {
		spread := args[len(args)-1]
		args = args[:len(args)-1]
		elems, ls, ok := c.sliceElems(spread, 0)
		if !ok {
			complete = false
		}
		lits = ls
		args = append(append([]ast.Expr(nil), args...), elems...)
	}
	for _, a := range args {
		if !c.optionKind(a, kinds, 0) {
			complete = false
		}
	}
	return kinds, lits, complete
}

// optionKind records what one option expression does; false when it
// cannot be seen.
func (c *checker) optionKind(e ast.Expr, kinds map[jwtapi.OptionKind]bool, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(c.info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		if row := c.ix.Model.Func(fn); row != nil && row.Role == jwtapi.RoleOption {
			kinds[row.Option] = true
			return true
		}
		if c.ix.Model.IsLibrary(fn.Pkg().Path()) {
			kinds[jwtapi.OptOther] = true // another library option, not modelled
			return true
		}
		return false
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		defs, ok := c.ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			if d.Index >= 0 {
				return false
			}
			if d.Expr == nil {
				continue
			}
			if !c.optionKind(d.Expr, kinds, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// sliceElems returns the elements of a []ParserOption value: a literal, a
// variable built from literals and appends, or a helper returning one.
func (c *checker) sliceElems(e ast.Expr, depth int) ([]ast.Expr, []*ast.CompositeLit, bool) {
	if depth > maxDepth {
		return nil, nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		var elems []ast.Expr
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			elems = append(elems, el)
		}
		return elems, []*ast.CompositeLit{x}, true
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return nil, nil, false
		}
		defs, ok := c.ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return nil, nil, false
		}
		var elems []ast.Expr
		var lits []*ast.CompositeLit
		for _, d := range defs {
			if d.Index >= 0 {
				return nil, nil, false
			}
			if d.Expr == nil {
				continue // var opts []jwt.ParserOption
			}
			es, ls, ok := c.defElems(d.Expr, v, depth+1)
			if !ok {
				return nil, nil, false
			}
			elems = append(elems, es...)
			lits = append(lits, ls...)
		}
		return elems, lits, true
	case *ast.CallExpr:
		if app, ok := c.appendCall(x); ok {
			return c.appendElems(app, nil, depth)
		}
		fn := typeutil.StaticCallee(c.info, x)
		if fn == nil {
			return nil, nil, false
		}
		decl := c.ix.Funcs[fn.Origin()]
		if decl == nil || decl.Body == nil || decl.Type.Results.NumFields() != 1 {
			return nil, nil, false
		}
		var elems []ast.Expr
		var lits []*ast.CompositeLit
		for _, ret := range jwtapi.OwnReturns(decl.Body) {
			if len(ret.Results) != 1 {
				return nil, nil, false
			}
			es, ls, good := c.sliceElems(ret.Results[0], depth+1)
			if !good {
				return nil, nil, false
			}
			elems = append(elems, es...)
			lits = append(lits, ls...)
		}
		return elems, lits, true
	}
	return nil, nil, false
}

// defElems reads one definition of the slice variable self.
func (c *checker) defElems(e ast.Expr, self *types.Var, depth int) ([]ast.Expr, []*ast.CompositeLit, bool) {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if app, ok := c.appendCall(call); ok {
			return c.appendElems(app, self, depth)
		}
	}
	return c.sliceElems(e, depth)
}

func (c *checker) appendCall(call *ast.CallExpr) (*ast.CallExpr, bool) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) == 0 {
		return nil, false
	}
	b, ok := c.info.Uses[id].(*types.Builtin)
	return call, ok && b.Name() == "append"
}

// appendElems reads append(base, elems...): the base's elements (unless
// it is the variable being defined, whose other definitions are read
// anyway) and the appended ones.
func (c *checker) appendElems(app *ast.CallExpr, self *types.Var, depth int) ([]ast.Expr, []*ast.CompositeLit, bool) {
	var elems []ast.Expr
	var lits []*ast.CompositeLit
	base := ast.Unparen(app.Args[0])
	isSelf := false
	if id, ok := base.(*ast.Ident); ok && self != nil && c.info.Uses[id] == self {
		isSelf = true
	}
	if !isSelf && !c.isZero(base) {
		es, ls, ok := c.sliceElems(base, depth+1)
		if !ok {
			return nil, nil, false
		}
		elems, lits = es, ls
	}
	rest := app.Args[1:]
	if app.Ellipsis.IsValid() && len(rest) > 0 {
		es, ls, ok := c.sliceElems(rest[len(rest)-1], depth+1)
		if !ok {
			return nil, nil, false
		}
		rest = rest[:len(rest)-1]
		elems = append(elems, es...)
		lits = append(lits, ls...)
	}
	return append(elems, rest...), lits, true
}

// enforcesExpiry reports whether the function around a parse, or the
// methods of the claims type it parses into, reject a token without exp
// by hand (claims.ExpiresAt == nil, claims["exp"] == nil, a nil result of
// GetExpirationTime).
func (c *checker) enforcesExpiry(call *jwtapi.Call) bool {
	if di := c.declAt(call.Expr.Pos()); di != nil {
		if c.comparesExpiry(di.decl) {
			return true
		}
		// One level into the package's own functions it calls
		// (validateClaims(claims) after the parse).
		found := false
		ast.Inspect(di.decl, func(n ast.Node) bool {
			if found {
				return false
			}
			if ce, ok := n.(*ast.CallExpr); ok {
				if fn := typeutil.StaticCallee(c.info, ce); fn != nil {
					if decl := c.ix.Funcs[fn.Origin()]; decl != nil && decl.Body != nil && ast.Node(decl) != ast.Node(di.decl) && c.comparesExpiry(decl) {
						found = true
					}
				}
			}
			return true
		})
		if found {
			return true
		}
	}
	if call.Func.Claims < 0 {
		return false
	}
	arg := call.Arg(call.Func.Claims)
	if arg == nil {
		return false
	}
	t := c.info.TypeOf(arg)
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != c.pass.Pkg {
		return false
	}
	for i := 0; i < named.NumMethods(); i++ {
		if decl := c.ix.Funcs[named.Method(i)]; decl != nil && c.comparesExpiry(decl) {
			return true
		}
	}
	return false
}

// comparesExpiry reports whether n compares an expiry with nil or zero.
func (c *checker) comparesExpiry(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.BinaryExpr:
			if x.Op != token.EQL && x.Op != token.NEQ {
				return true
			}
			if (c.isExpiryExpr(x.X, 0) && c.isZero(x.Y)) || (c.isExpiryExpr(x.Y, 0) && c.isZero(x.X)) {
				found = true
			}
		case *ast.AssignStmt:
			// _, ok := claims["exp"]
			if len(x.Lhs) == 2 && len(x.Rhs) == 1 {
				if ie, ok := ast.Unparen(x.Rhs[0]).(*ast.IndexExpr); ok && c.isExpiryExpr(ie, 0) {
					found = true
				}
			}
		}
		return true
	})
	return found
}

// isExpiryExpr reports whether e reads a claims expiry: an expiry field, a
// map claims' exp entry, the expiry getter, or a variable holding one.
func (c *checker) isExpiryExpr(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if s := c.info.Selections[x]; s != nil && s.Kind() == types.FieldVal {
			c.shapeOf(s.Recv(), 0) // records the expiry fields of the type
			f, _ := s.Obj().(*types.Var)
			return c.isExpiryField(f)
		}
	case *ast.IndexExpr:
		sh := c.shapeOf(c.info.TypeOf(x.X), 0)
		if sh.kind != shapeMap {
			return false
		}
		key, ok := constString(c.info.Types[x.Index])
		return ok && key == sh.key
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(c.info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		row := c.ix.Model.Package(fn.Pkg().Path())
		return row != nil && row.ExpiryGetter != "" && fn.Name() == row.ExpiryGetter
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		defs, ok := c.ix.Defs.Of(v)
		if !ok {
			return false
		}
		for _, d := range defs {
			if d.Expr != nil && c.isExpiryExpr(d.Expr, depth+1) {
				return true
			}
		}
	}
	return false
}

// checkOption reports options that switch off or loosen expiry checks.
func (c *checker) checkOption(call *jwtapi.Call) {
	name := c.callName(call.Expr)
	switch call.Func.Option {
	case jwtapi.OptSkipClaims:
		if in, known := c.ix.OptionInEffect(call); !in || !known {
			return // jwx WithValidate(true), or a value not known
		}
		if c.validatesByHand(call.Func.Pkg) {
			return
		}
		c.report(analysis.Diagnostic{
			Pos:     call.Expr.Pos(),
			End:     call.Expr.End(),
			Message: name + " switches off claims validation, so expired tokens are accepted: remove it",
		})
	case jwtapi.OptLeeway:
		d, ok := c.durationValue(call.Arg(call.Func.OptionArg), 0)
		if !ok || d < c.maxLeeway {
			return
		}
		c.report(analysis.Diagnostic{
			Pos:     call.Expr.Pos(),
			End:     call.Expr.End(),
			Message: fmt.Sprintf("%s(%s) accepts tokens for %s after they expire: use a leeway below %s, of seconds or a few minutes", name, d, d, c.maxLeeway),
		})
	}
}

// durationValue returns the value of a constant duration, or of a local
// variable only ever set to one.
func (c *checker) durationValue(e ast.Expr, depth int) (time.Duration, bool) {
	if e == nil || depth > 3 {
		return 0, false
	}
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() != constant.Int {
			return 0, false
		}
		n, exact := constant.Int64Val(tv.Value)
		return time.Duration(n), exact
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return 0, false
	}
	defs, ok := c.ix.Defs.Of(v)
	if !ok || len(defs) != 1 || defs[0].Index >= 0 {
		return 0, false
	}
	return c.durationValue(defs[0].Expr, depth+1)
}

// checkParserSettings reports parser literals and assignments that set a
// field which switches off claims validation (v4 Parser{SkipClaimsValidation: true}).
func (c *checker) checkParserSettings() {
	for _, lit := range c.ix.Lits {
		if lit.Expr == nil || lit.Type == nil || c.inTest(lit.Expr.Pos()) {
			continue
		}
		for _, elt := range lit.Expr.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			if f := c.ix.Model.Field(lit.Type, id.Name); f != nil && f.Option == jwtapi.OptSkipClaims && c.isTrue(kv.Value) && !c.validatesByHand(f.Pkg) {
				c.reportSkipField(kv, c.typeName(lit.Type)+"{"+id.Name+": true}")
			}
		}
	}
	for _, set := range c.ix.FieldSets {
		if c.inTest(set.Stmt.Pos()) {
			continue
		}
		if fr := set.Field; fr.Option == jwtapi.OptSkipClaims && c.isTrue(set.Value) && !c.validatesByHand(fr.Pkg) {
			c.reportSkipField(set.Stmt, types.ExprString(set.Sel)+" = true")
		}
	}
}

func (c *checker) reportSkipField(n ast.Node, what string) {
	c.report(analysis.Diagnostic{
		Pos:     n.Pos(),
		End:     n.End(),
		Message: what + " switches off claims validation, so expired tokens are accepted: remove it",
	})
}

// typeName writes t as the source would, with its package's name.
func (c *checker) typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

func (c *checker) isTrue(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// onlyUnverified reports whether the parser a NewParser call builds is
// only used for ParseUnverified, which validates nothing: requiring exp
// there would change nothing.
func (c *checker) onlyUnverified(call *ast.CallExpr) bool {
	di := c.declAt(call.Pos())
	if di == nil {
		return false
	}
	var v *types.Var
	switch p := di.up(call).(type) {
	case *ast.SelectorExpr:
		return c.isUnverifiedCall(di, p)
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, r := range p.Rhs {
				if ast.Unparen(r) == call {
					if id, ok := ast.Unparen(p.Lhs[i]).(*ast.Ident); ok {
						v = c.varOf(id)
					}
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) {
			for i, r := range p.Values {
				if ast.Unparen(r) == call {
					v = c.varOf(p.Names[i])
				}
			}
		}
	}
	if v == nil || v.Pkg() != c.pass.Pkg || c.ix.Defs.IsParam(v) {
		return false
	}
	uses := 0
	for _, id := range c.identsOf(v) {
		udi := c.declAt(id.Pos())
		if udi == nil {
			return false
		}
		switch p := udi.up(id).(type) {
		case *ast.SelectorExpr:
			if !c.isUnverifiedCall(udi, p) {
				return false
			}
			uses++
		case *ast.AssignStmt, *ast.ValueSpec:
			if c.info.Defs[id] == nil && !isLhs(p, id) {
				return false // copied elsewhere
			}
		default:
			return false
		}
	}
	return uses > 0
}

func isLhs(n ast.Node, id *ast.Ident) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			if ast.Unparen(l) == id {
				return true
			}
		}
	case *ast.ValueSpec:
		for _, name := range n.Names {
			if name == id {
				return true
			}
		}
	}
	return false
}

// identsOf returns every identifier of the package that refers to v.
func (c *checker) identsOf(v *types.Var) []*ast.Ident {
	if c.isLocal(v) {
		if di := c.declAt(v.Pos()); di != nil {
			return di.idents[v]
		}
		return nil
	}
	if c.varIdents == nil {
		c.varIdents = make(map[*types.Var][]*ast.Ident)
		for id, obj := range c.info.Uses {
			if u, ok := obj.(*types.Var); ok && u.Pkg() == c.pass.Pkg && !u.IsField() {
				c.varIdents[u] = append(c.varIdents[u], id)
			}
		}
		for id, obj := range c.info.Defs {
			if u, ok := obj.(*types.Var); ok && u.Pkg() == c.pass.Pkg && !u.IsField() {
				c.varIdents[u] = append(c.varIdents[u], id)
			}
		}
	}
	return c.varIdents[v]
}

// isUnverifiedCall reports whether sel is the callee of a modelled call
// that decodes without verifying (ParseUnverified).
func (c *checker) isUnverifiedCall(di *declIndex, sel *ast.SelectorExpr) bool {
	call, ok := di.up(sel).(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != sel {
		return false
	}
	mc := c.ix.CallOf(call)
	return mc != nil && mc.Func.Role == jwtapi.RoleParseUnverified
}

// validatesByHand reports whether the package validates claims itself
// (claims.Valid() in v3/v4, a Validator's Validate in v5), which is what a
// parse that skips claims validation is usually paired with.
func (c *checker) validatesByHand(pkg string) bool {
	if r, ok := c.handValidation[pkg]; ok {
		return r
	}
	row := c.ix.Model.Package(pkg)
	found := false
	if row != nil && row.ValidateMethod != "" {
		for _, f := range c.pass.Files {
			if c.inTest(f.Pos()) {
				continue
			}
			for _, d := range f.Decls {
				// A claims type's own Valid calling the embedded Valid is
				// the library's check, not one made after a lenient parse.
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && (fd.Name.Name == row.ValidateMethod || fd.Name.Name == row.ClaimsValidMethod) {
					continue
				}
				if c.callsValidate(d, row.ValidateMethod) {
					found = true
				}
			}
		}
	}
	c.handValidation[pkg] = found
	return found
}

// recvVar returns the named receiver of a method declaration, or nil.
func (c *checker) recvVar(decl *ast.FuncDecl) *types.Var {
	if decl.Recv == nil || len(decl.Recv.List) == 0 || len(decl.Recv.List[0].Names) == 0 {
		return nil
	}
	v, _ := c.info.Defs[decl.Recv.List[0].Names[0]].(*types.Var)
	return v
}

// callsValidate reports whether n calls a method named name that
// validates claims: a library method, or a method of the program's claims
// type that checks exp.
func (c *checker) callsValidate(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn, _ := typeutil.Callee(c.info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Name() != name {
			return true
		}
		if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() == nil {
			return true
		}
		if c.ix.Model.IsLibrary(fn.Pkg().Path()) {
			found = true
		} else if decl := c.ix.Funcs[fn.Origin()]; decl != nil && decl.Body != nil && c.checksExpiry(decl, c.recvVar(decl)) {
			found = true
		}
		return true
	})
	return found
}
