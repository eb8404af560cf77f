package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/types/typeutil"
)

// ExpiryParse is a parse, or a parser construction, of a library that
// accepts tokens without exp unless an option requires it.
type ExpiryParse struct {
	Call *Call
	// Event is the parse's verify event (its token, claims argument and
	// bound results); nil for a parser construction, which parses
	// nothing itself.
	Event *VerifyEvent
	// RequireOption is the name of the library's option that makes exp
	// mandatory (WithExpirationRequired).
	RequireOption string
	// Options is what the call's options do.
	Options *OptionSet
	// NewParser: the call builds a parser for parses made later.
	NewParser bool
}

// ExpiryParses returns the parses (verify events of kind VerifyParse) and
// the parser constructions that accept tokens without exp unless an option
// says otherwise, with their options, in the order of the index's calls.
func (c *ExpiryReader) ExpiryParses() []*ExpiryParse {
	var out []*ExpiryParse
	for _, call := range c.ix.Calls {
		if call.Expr == nil || call.Func == nil {
			continue
		}
		var ev *VerifyEvent
		switch call.Func.Role {
		case RoleParse:
			if ev = c.ix.VerifyEventOf(call.Expr); ev == nil || ev.Kind != VerifyParse {
				continue
			}
		case RoleNewParser:
		default:
			continue
		}
		row := c.ix.Model.Package(call.Func.Pkg)
		if row == nil || row.ExpiryRequiredByDefault || !row.ExpiryRequiredOption || call.Func.Options < 0 {
			continue
		}
		name := c.ix.Model.ExpiryRequiredOption(call.Func.Pkg)
		if name == "" {
			continue
		}
		out = append(out, &ExpiryParse{Call: call, Event: ev, RequireOption: name, Options: c.ix.Options(call), NewParser: call.Func.Role == RoleNewParser})
	}
	return out
}

// ExpirySetting is a parser option or field that loosens expiry checks:
// one that switches claims validation off (OptSkipClaims) or allows a
// leeway after exp (OptLeeway, also as an argument of a validation call).
type ExpirySetting struct {
	Kind OptionKind
	// Call is the option or validation call; nil for a field.
	Call *Call
	// Node is the call, the literal element (Field: value) or the
	// assignment that makes the setting; What names a field setting as
	// it reads when on ("jwt.Parser{SkipClaimsValidation: true}").
	Node ast.Node
	What string
	// Pkg is the library package the setting belongs to.
	Pkg string
	// On: the setting is known to be in effect (a constant true, an
	// option whose condition holds).
	On bool
	// Value is the leeway of an OptLeeway setting.
	Value ast.Expr
}

// ExpirySettings returns the package's expiry settings: the option and
// validation calls in the order of the index's calls, then the fields set
// in parser literals and assignments.
func (c *ExpiryReader) ExpirySettings() []*ExpirySetting {
	var out []*ExpirySetting
	for _, call := range c.ix.Calls {
		if call.Expr == nil || call.Func == nil {
			continue
		}
		k := call.Func.Option
		if k != OptLeeway && (k != OptSkipClaims || call.Func.Role != RoleOption) {
			continue
		}
		s := &ExpirySetting{Kind: k, Call: call, Node: call.Expr, Pkg: call.Func.Pkg}
		if k == OptLeeway {
			s.Value = call.Arg(call.Func.OptionArg)
			s.On = true
		} else {
			in, known := c.ix.OptionInEffect(call)
			s.On = in && known // jwx WithValidate(true), or a value not known
		}
		out = append(out, s)
	}
	for _, lit := range c.ix.Lits {
		if lit.Expr == nil || lit.Type == nil {
			continue
		}
		for id, kv := range KeyedFields(lit.Expr) {
			if f := c.ix.Model.Field(lit.Type, id.Name); f != nil && f.Option == OptSkipClaims {
				on := IsConstTrue(c.info, kv.Value)
				out = append(out, &ExpirySetting{Kind: OptSkipClaims, Node: kv, What: sourceTypeName(lit.Type) + "{" + id.Name + ": true}", Pkg: f.Pkg, On: on, Value: kv.Value})
			}
		}
	}
	for _, set := range c.ix.FieldSets {
		if fr := set.Field; fr.Option == OptSkipClaims {
			out = append(out, &ExpirySetting{Kind: OptSkipClaims, Node: set.Stmt, What: types.ExprString(set.Sel) + " = true", Pkg: fr.Pkg, On: IsConstTrue(c.info, set.Value), Value: set.Value})
		}
	}
	return out
}

// sourceTypeName writes t as the source would, with its package's name.
func sourceTypeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// UnvalidatedClaims returns the verify events that check no claim (see
// Index.ChecksNoClaims) whose function reads the claims they yield but
// never validates them: no claims validation call, no read of an expiry
// field, and the claims do not leave the function.
func (c *ExpiryReader) UnvalidatedClaims() []*VerifyEvent {
	var out []*VerifyEvent
	for _, ev := range c.ix.VerifyEvents() {
		if ev.Call != nil && c.unvalidated(ev) {
			out = append(out, ev)
		}
	}
	return out
}

func (c *ExpiryReader) unvalidated(ev *VerifyEvent) bool {
	if !c.ix.ChecksNoClaims(ev.Call) || !ev.Bound() {
		return false
	}
	di := c.declAt(ev.Expr.Pos())
	if di == nil {
		return false
	}
	if fd, ok := di.decl.(*ast.FuncDecl); !ok || fd.Body == nil {
		return false
	}
	// What the verification yields: its claims argument (&claims) and its
	// token result, when they are local variables; a token result held
	// in a variable of another type (any) is not followed.
	held := ev.ClaimsVars
	if ev.TokenVar != nil && c.ix.IsTokenType(ev.TokenVar.Type()) {
		held = append(held[:len(held):len(held)], ev.TokenVar)
	}
	if len(held) == 0 {
		return false
	}
	used := false
	for _, v := range held {
		u, escapes := c.claimsReads(di, v, ev.Expr.End())
		if escapes {
			return false
		}
		used = used || u
	}
	return used && !c.validates(ev.Body)
}

// claimsReads reports whether v is read after pos, and whether it escapes:
// returned, passed whole to a function of the program, stored, or captured
// by address, so that other code may validate it.
func (c *ExpiryReader) claimsReads(di *declIndex, v *types.Var, pos token.Pos) (used, escapes bool) {
	for _, id := range di.idents[v] {
		if id.Pos() < pos {
			continue
		}
		switch p := di.up(id).(type) {
		case *ast.SelectorExpr:
			used = true
		case *ast.ReturnStmt, *ast.CompositeLit, *ast.KeyValueExpr, *ast.SendStmt:
			return used, true
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				if call, ok := di.up(p).(*ast.CallExpr); ok && c.ix.CallOf(call) != nil {
					continue // &claims handed to the library (decoding)
				}
				return used, true
			}
		case *ast.CallExpr:
			if c.ix.CallOf(p) != nil {
				continue
			}
			if fn, ok := c.info.Uses[CalleeIdent(p)].(*types.Func); ok && readsOnly(fn) {
				used = true
				continue
			}
			return used, true
		case *ast.AssignStmt:
			for _, r := range p.Rhs {
				if ast.Unparen(r) == id {
					return used, true
				}
			}
		}
	}
	return used, false
}

// validates reports whether body validates claims: a claims validation
// call (any library's), or a read of a modelled expiry field or getter.
func (c *ExpiryReader) validates(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.CallExpr:
			if mc := c.ix.CallOf(x); mc != nil && mc.Func.Role == RoleValidateClaims {
				found = true
			}
		case *ast.SelectorExpr:
			s := c.info.Selections[x]
			if s == nil {
				return true
			}
			if f, ok := s.Obj().(*types.Var); ok && s.Kind() == types.FieldVal && c.isExpiryField(f) {
				found = true
			}
			if fn, ok := s.Obj().(*types.Func); ok && s.Kind() == types.MethodVal && fn.Pkg() != nil {
				if row := c.ix.Model.Package(fn.Pkg().Path()); row != nil && row.ExpiryGetter == x.Sel.Name {
					found = true // the library's expiry getter
				}
			}
		}
		return true
	})
	return found
}

// ClaimsValidations returns the names of the claims validation calls of
// package pkg (Claims.Validate, jwt.Validate), sorted.
func (m *Model) ClaimsValidations(pkg string) []string {
	var names []string
	for _, f := range m.funcs {
		if f.Role == RoleValidateClaims && f.Pkg == pkg && f.Option == OptNone {
			name := f.Name
			if f.Recv != "" {
				name = f.Recv + "." + name
			}
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// ExpiryRequiredOption returns the name of the option of pkg that makes
// exp mandatory, or "".
func (m *Model) ExpiryRequiredOption(pkg string) string {
	for _, f := range m.funcs {
		if f.Pkg == pkg && f.Role == RoleOption && f.Option == OptExpirationRequired && f.Recv == "" {
			return f.Name
		}
	}
	return ""
}

// EnforcesExpiry reports whether the function around a parse, or the
// methods of the claims type it parses into (its event's claims
// argument), reject a token without exp by hand (claims.ExpiresAt == nil,
// claims["exp"] == nil, a nil result of GetExpirationTime).
func (c *ExpiryReader) EnforcesExpiry(p *ExpiryParse) bool {
	call := p.Call
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
	if p.Event == nil || p.Event.ClaimsArg == nil {
		return false
	}
	t := c.info.TypeOf(p.Event.ClaimsArg)
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
func (c *ExpiryReader) comparesExpiry(n ast.Node) bool {
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
func (c *ExpiryReader) isExpiryExpr(e ast.Expr, depth int) bool {
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
		if sh.Kind != ShapeMap {
			return false
		}
		key, ok := ConstStringOf(c.info.Types[x.Index])
		return ok && key == sh.Key
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

// OnlyUnverified reports whether the parser a NewParser call builds is
// only used for ParseUnverified, which validates nothing: requiring exp
// there would change nothing.
func (c *ExpiryReader) OnlyUnverified(call *ast.CallExpr) bool {
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
func (c *ExpiryReader) identsOf(v *types.Var) []*ast.Ident {
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

// isUnverifiedCall reports whether sel is the callee of a verify event
// that decodes without verifying (VerifyUnverified: ParseUnverified).
func (c *ExpiryReader) isUnverifiedCall(di *declIndex, sel *ast.SelectorExpr) bool {
	call, ok := di.up(sel).(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != sel {
		return false
	}
	ev := c.ix.VerifyEventOf(call)
	return ev != nil && ev.Kind == VerifyUnverified
}

// ClaimsTypes returns the named types used as claims in modelled calls of
// libraries whose parser calls a method named name in place of its checks.
// It reads every modelled call with a claims argument, not only verify
// events: a type the package only signs with (NewWithClaims) or fills
// through an option (jwtauth.SetExpiry) is still a claims type whose
// Valid method the library calls when another program parses it.
func (c *ExpiryReader) ClaimsTypes(name string) map[*types.Named]bool {
	out := make(map[*types.Named]bool)
	for _, call := range c.ix.Calls {
		if call.Func.Claims < 0 {
			continue
		}
		row := c.ix.Model.Package(call.Func.Pkg)
		if row == nil || row.ClaimsValidMethod != name {
			continue
		}
		if a := call.Arg(call.Func.Claims); a != nil {
			if n := namedOf(c.info.TypeOf(a)); n != nil {
				out[n] = true
			}
		}
	}
	return out
}

// ChecksExpiry reports whether a validation method may check exp: it reads
// an expiry field or exp entry, calls a library claims method (Valid,
// VerifyExpiresAt), or hands its receiver to other code.
func (c *ExpiryReader) ChecksExpiry(decl *ast.FuncDecl, recv *types.Var) bool {
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.SelectorExpr:
			s := c.info.Selections[x]
			if s == nil {
				return true
			}
			switch s.Kind() {
			case types.FieldVal:
				if f, _ := s.Obj().(*types.Var); c.isExpiryField(f) {
					found = true
				}
			case types.MethodVal, types.MethodExpr:
				fn, _ := s.Obj().(*types.Func)
				if fn == nil || fn.Pkg() == nil {
					found = true
					return false
				}
				if c.ix.Model.IsLibrary(fn.Pkg().Path()) {
					sig, _ := fn.Type().(*types.Signature)
					if sig == nil || sig.Recv() == nil {
						return true
					}
					if row := c.ix.Model.Type(sig.Recv().Type()); row != nil &&
						(row.Role == TypeRegistered || row.Role == TypeMapClaims) {
						found = true
					}
					return true
				}
				if s.Kind() == types.MethodExpr || c.rootedAt(x.X, recv) {
					found = true // a method of the claims type: may check exp
				}
			}
		case *ast.IndexExpr:
			if c.isExpiryExpr(x, 0) {
				found = true
			}
		case *ast.CallExpr:
			for _, a := range x.Args {
				if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok {
					a = u.X
				}
				if id, ok := ast.Unparen(a).(*ast.Ident); ok && recv != nil && c.info.Uses[id] == recv {
					found = true // the receiver is handed to other code
				}
			}
		}
		return true
	})
	return found
}

// rootedAt reports whether e is the variable v or a selection from it.
func (c *ExpiryReader) rootedAt(e ast.Expr, v *types.Var) bool {
	if v == nil {
		return false
	}
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return c.info.Uses[x] == v
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return false
		}
	}
}

// HasMethod reports whether the named type n declares a method name.
func HasMethod(n *types.Named, name string) bool {
	for i := 0; i < n.NumMethods(); i++ {
		if n.Method(i).Name() == name {
			return true
		}
	}
	return false
}
