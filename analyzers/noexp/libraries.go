package noexp

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// The checks below read the shapes of libraries other than golang-jwt from
// the model: calls that sign the claims they are given, without a token
// value made first (kataras jwt.Sign, jwx jwt.Sign, cristalhq
// Builder.Build, jwtauth Encode, go-kit NewSigner, go-jose
// Builder.Claims); signer constructors whose lifetime argument is too
// small to set exp (iris NewSigner); and verifications that check no
// claim, whose claims must go through a claims validation call (go-jose,
// cristalhq, jwtauth Decode).

// oneShot reports whether row signs the claims it is given.
func oneShot(f *jwtapi.Func) bool {
	return (f.Role == jwtapi.RoleSign || f.Role == jwtapi.RoleNewSigner) && f.Claims >= 0 && !f.TokenFromRecv && !f.MethodFromRecv
}

// jsonClaims is the shape of a plain map of claims: the libraries encode
// it as the token's JSON payload, where the expiry is "exp".
var jsonClaims = &shape{kind: shapeMap, key: "exp"}

// checkOneShot reports a one-shot mint whose claims never get an expiry
// and whose options set none.
func (c *checker) checkOneShot(call *jwtapi.Call) {
	if !oneShot(call.Func) || c.chainedInto(call) {
		return
	}
	if call.Func.ClaimsMerge && !c.wholeChain(call) {
		return // claims may be added on the builder elsewhere
	}
	var parts []result
	for cur := call; cur != nil; cur = c.chainedFrom(cur) {
		parts = append(parts, c.oneShotClaims(cur.Arg(cur.Func.Claims)))
	}
	r := join(parts...)
	if r.st != stNo {
		return
	}
	if has, unsure := c.ix.HasOption(call, jwtapi.OptSetsExpiry); has || (unsure && len(call.OptionArgs()) > 0) {
		return
	}
	d := analysis.Diagnostic{
		Pos:     call.Expr.Pos(),
		End:     call.Expr.End(),
		Message: c.callName(call.Expr) + " mints a token whose claims never get an exp claim, so it never expires: add an expiry, e.g. " + expiryWords + " from now",
	}
	if call.Func.Role == jwtapi.RoleNewSigner {
		// The claims are fixed when the signer is built (go-kit
		// NewSigner): an expiry written there would be a fixed date.
		d.Message = c.callName(call.Expr) + " signs claims fixed when it is built, and they have no exp claim, so its tokens never expire: sign each token with claims that expire, e.g. " + expiryWords + " after issue"
		c.report(d)
		return
	}
	if len(r.targets) == 1 {
		if fix, ok := c.expiryFix(r.targets[0]); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	c.report(d)
}

// chainedInto reports whether call is the receiver of a call of the same
// row (jwt.Signed(s).Claims(a).Claims(b)): the outermost one judges the
// chain.
func (c *checker) chainedInto(call *jwtapi.Call) bool {
	di := c.declAt(call.Expr.Pos())
	if di == nil {
		return false
	}
	sel, ok := di.up(call.Expr).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	outer, ok := di.up(sel).(*ast.CallExpr)
	if !ok || ast.Unparen(outer.Fun) != sel {
		return false
	}
	oc := c.ix.CallOf(outer)
	return oc != nil && oc.Func == call.Func
}

// wholeChain reports whether every claims call of a merging builder is in
// the one chain that ends at call: the chain starts at another call (the
// builder's constructor), and its result is used at once (serialized), not
// kept where more claims could be added.
func (c *checker) wholeChain(call *jwtapi.Call) bool {
	cur := call
	for {
		prev := c.chainedFrom(cur)
		if prev == nil {
			break
		}
		cur = prev
	}
	if _, ok := ast.Unparen(cur.Recv()).(*ast.CallExpr); !ok {
		return false // a builder held in a variable
	}
	di := c.declAt(call.Expr.Pos())
	if di == nil {
		return false
	}
	sel, ok := di.up(call.Expr).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	use, ok := di.up(sel).(*ast.CallExpr)
	return ok && ast.Unparen(use.Fun) == sel
}

// chainedFrom returns the call of the same row that call is made on, or
// nil.
func (c *checker) chainedFrom(call *jwtapi.Call) *jwtapi.Call {
	if r := call.Recv(); r != nil {
		if rc := c.ix.CallOf(r); rc != nil && rc.Func == call.Func {
			return rc
		}
	}
	return nil
}

// oneShotClaims reads the claims given to a one-shot mint: a claims value
// (map, library claims, user struct), a token built by the library
// (jwx), or a user struct with no field that could hold exp.
func (c *checker) oneShotClaims(e ast.Expr) result {
	if e == nil {
		return resUnknown
	}
	r := c.status(e, jsonClaims, 0)
	if r.st != stUnknown {
		return r
	}
	if b, ok := c.builtStatus(e); ok {
		return b
	}
	if t := c.info.TypeOf(e); t != nil && c.lacksExpField(t, 0) {
		return result{st: stNo}
	}
	return resUnknown
}

// lacksExpField reports whether every value of t encodes to JSON without
// an exp entry: a struct of the program (not a library type) or an
// anonymous struct, with no field that could be the expiry, no embedded or
// interface field, and no encoding of its own.
func (c *checker) lacksExpField(t types.Type, depth int) bool {
	if depth > 0 {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	// A named type of this package, or an anonymous struct.
	if n, ok := types.Unalias(t).(*types.Named); ok && (n.Obj().Pkg() != c.pass.Pkg || c.ix.Model.Type(t) != nil || hasOwnMarshalJSON(t)) {
		return false
	}
	st, ok := types.Unalias(t).Underlying().(*types.Struct)
	if !ok || st.NumFields() == 0 {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Embedded() || expiryName(f.Name()) || jsonName(st.Tag(i)) == "exp" {
			return false
		}
		if _, isIface := f.Type().Underlying().(*types.Interface); isIface {
			return false
		}
	}
	return true
}

// builtStatus reads a token made by a library constructor (a RoleNewToken
// row: jwx jwt.New, jwt.NewBuilder) and completed by library calls, of
// which those with Option OptSetsExpiry give it exp
// (Builder.Expiration, Builder.Claim("exp", …), Token.Set("exp", …)).
func (c *checker) builtStatus(e ast.Expr) (result, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return c.chainStatus(x, 0)
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok || !c.isLocal(v) {
			return result{}, false
		}
		defs, ok := c.ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return result{}, false
		}
		var rs []result
		for _, d := range defs {
			call, isCall := ast.Unparen(d.Expr).(*ast.CallExpr)
			if !isCall || d.Index > 0 {
				return result{}, false
			}
			r, ok := c.chainStatus(call, 0)
			if !ok {
				return result{}, false
			}
			rs = append(rs, r)
		}
		r := join(rs...)
		if r.st != stNo {
			return r, true
		}
		return c.builtUses(v)
	}
	return result{}, false
}

// chainStatus follows a chain of library calls down to the constructor.
func (c *checker) chainStatus(call *ast.CallExpr, depth int) (result, bool) {
	if depth > maxDepth {
		return result{}, false
	}
	mc := c.ix.CallOf(call)
	if mc != nil {
		if st, ok := c.setsExpiry(mc); !ok {
			return resUnknown, true
		} else if st {
			return resYes, true
		}
		if mc.Func.Role == jwtapi.RoleNewToken {
			return result{st: stNo}, true
		}
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return result{}, false
	}
	s := c.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return result{}, false
	}
	fn, ok := s.Obj().(*types.Func)
	if !ok || fn.Pkg() == nil || !c.ix.Model.IsLibrary(fn.Pkg().Path()) {
		return result{}, false
	}
	recv, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok {
		return result{}, false
	}
	return c.chainStatus(recv, depth+1)
}

// setsExpiry reports whether a modelled call gives the token exp; ok is
// false when that depends on a value that is not constant.
func (c *checker) setsExpiry(mc *jwtapi.Call) (sets, ok bool) {
	if mc.Func.Option != jwtapi.OptSetsExpiry {
		return false, true
	}
	in, known := c.ix.OptionInEffect(mc)
	return in, known
}

// builtUses reads the uses of a built token variable: library method
// calls on it, of which the expiry setters decide; it may be passed to
// library calls (the signing call), and nothing else.
func (c *checker) builtUses(v *types.Var) (result, bool) {
	di := c.declAt(v.Pos())
	if di == nil {
		return result{}, false
	}
	for _, id := range di.idents[v] {
		switch p := di.up(id).(type) {
		case *ast.SelectorExpr:
			s := c.info.Selections[p]
			call, isCall := di.up(p).(*ast.CallExpr)
			if s == nil || s.Kind() != types.MethodVal || !isCall || ast.Unparen(call.Fun) != p {
				return resUnknown, true
			}
			if mc := c.ix.CallOf(call); mc != nil {
				sets, ok := c.setsExpiry(mc)
				if !ok {
					return resUnknown, true
				}
				if sets {
					return resYes, true
				}
				continue
			}
			if fn, ok := s.Obj().(*types.Func); !ok || fn.Pkg() == nil || !c.ix.Model.IsLibrary(fn.Pkg().Path()) {
				return resUnknown, true
			}
		case *ast.CallExpr:
			if c.ix.CallOf(p) == nil {
				return resUnknown, true
			}
		case *ast.AssignStmt, *ast.ValueSpec, *ast.ReturnStmt:
			// definitions are read above; a token returned after signing
			// does not change what was signed.
		default:
			return resUnknown, true
		}
	}
	return result{st: stNo}, true
}

// checkLifetime reports a signer built with a lifetime too small to give
// its tokens exp (iris jwt.NewSigner(alg, key, 0)).
func (c *checker) checkLifetime(call *jwtapi.Call) {
	if call.Func.Role != jwtapi.RoleNewSigner || call.Func.Option != jwtapi.OptSetsExpiry {
		return
	}
	if in, known := c.ix.OptionInEffect(call); !known || in {
		return
	}
	arg := call.Arg(call.Func.OptionArg)
	d, _ := c.durationValue(arg, 0)
	c.report(analysis.Diagnostic{
		Pos:     arg.Pos(),
		End:     arg.End(),
		Message: fmt.Sprintf("%s with a max age of %s mints tokens without an exp claim, so they never expire: pass a max age, e.g. %s", c.callName(call.Expr), d, expiryWords),
	})
}

// checkUnvalidated reports a verification that checks no claim (a row
// with NoExpiryCheck) when the function reads the claims it yields but
// never validates them: no claims validation call, no read of an expiry
// field, and the claims do not leave the function.
func (c *checker) checkUnvalidated(call *jwtapi.Call) {
	if !c.ix.ChecksNoClaims(call) {
		return
	}
	di := c.declAt(call.Expr.Pos())
	if di == nil {
		return
	}
	fd, ok := di.decl.(*ast.FuncDecl)
	if !ok || fd.Body == nil {
		return
	}
	body := c.enclosingBody(di, call.Expr)
	if body == nil {
		return
	}
	held := c.yielded(di, call)
	if len(held) == 0 {
		return
	}
	used := false
	for _, v := range held {
		u, escapes := c.claimsReads(di, v, call.Expr.End())
		if escapes {
			return
		}
		used = used || u
	}
	if !used || c.validates(body) {
		return
	}
	c.report(analysis.Diagnostic{
		Pos:     call.Expr.Pos(),
		End:     call.Expr.End(),
		Message: c.callName(call.Expr) + " verifies the signature but checks no claim, and these claims are never validated, so a token past its exp is accepted: " + c.validateAdvice(call),
	})
}

// enclosingBody returns the body of the innermost function holding n.
func (c *checker) enclosingBody(di *declIndex, n ast.Node) *ast.BlockStmt {
	for p := di.parent[n]; p != nil; p = di.parent[p] {
		switch f := p.(type) {
		case *ast.FuncLit:
			return f.Body
		case *ast.FuncDecl:
			return f.Body
		}
	}
	return nil
}

// yielded returns the local variables that hold what a verification
// yields: its claims argument (&claims) and its token result.
func (c *checker) yielded(di *declIndex, call *jwtapi.Call) []*types.Var {
	var out []*types.Var
	if a := call.Arg(call.Func.Claims); a != nil {
		e := ast.Unparen(a)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		if id, ok := e.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && c.isLocal(v) {
				out = append(out, v)
			}
		}
	}
	var lhs []ast.Expr
	switch p := di.up(call.Expr).(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 {
			lhs = p.Lhs
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 {
			for _, n := range p.Names {
				lhs = append(lhs, n)
			}
		}
	}
	for _, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		v := c.varOf(id)
		if v == nil || !c.isLocal(v) {
			continue
		}
		if row := c.ix.Model.Type(v.Type()); row != nil && row.Role == jwtapi.TypeToken {
			out = append(out, v)
		}
	}
	return out
}

// claimsReads reports whether v is read after pos, and whether it escapes:
// returned, passed whole to a function of the program, stored, or captured
// by address, so that other code may validate it.
func (c *checker) claimsReads(di *declIndex, v *types.Var, pos token.Pos) (used, escapes bool) {
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
			if fn, ok := c.info.Uses[calleeIdentOf(p)].(*types.Func); ok && readsOnly(fn) {
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

func calleeIdentOf(call *ast.CallExpr) *ast.Ident {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}

// validates reports whether body validates claims: a claims validation
// call (any library's), or a read of a modelled expiry field or getter.
func (c *checker) validates(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.CallExpr:
			if mc := c.ix.CallOf(x); mc != nil && mc.Func.Role == jwtapi.RoleValidateClaims {
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

// validateAdvice names the claims validation call of the verification's
// library family, from the model.
func (c *checker) validateAdvice(call *jwtapi.Call) string {
	var names []string
	for _, f := range c.ix.Model.Funcs() {
		if f.Role == jwtapi.RoleValidateClaims && f.Pkg == call.Func.Pkg && f.Option == jwtapi.OptNone {
			name := f.Name
			if f.Recv != "" {
				name = f.Recv + "." + name
			}
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return "validate them (exp included) before use"
	}
	sort.Strings(names)
	return "call " + names[0] + " on them before use"
}
