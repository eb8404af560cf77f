package unverified

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// checkPins reports parses whose keyfunc leaves the algorithm to the token
// while its key could verify under another algorithm family.
func (s *state) checkPins() {
	for _, c := range s.ix.Calls {
		if c.Func.Role != jwtapi.RoleParse || c.Func.Keyfunc < 0 || tests.Skip(s.pass.Fset, c.Expr.Pos()) {
			continue
		}
		kfExpr := c.Arg(c.Func.Keyfunc)
		if kfExpr == nil || isNil(s.info, kfExpr) {
			continue
		}
		if pinned, known := s.parsePinned(c); pinned || !known {
			continue
		}
		in := s.kf.Resolve(kfExpr)
		what, unpinned := s.unpinnedKey(in)
		if !unpinned {
			continue
		}
		fn, _ := s.info.Uses[jwtapi.CalleeIdent(c.Expr)].(*types.Func)
		api := apiName(fn)
		alg := s.fixAlg(in)
		fix, optText := s.pinFix(c, alg)
		todo := "restrict the parser's algorithms (WithValidMethods or Parser.ValidMethods) or check token.Method in the keyfunc"
		if fix != nil {
			todo = "add " + optText + " or check token.Method in the keyfunc"
		} else if s.acceptsOptions(c) {
			todo = "add WithValidMethods with the algorithm you sign with, or check token.Method in the keyfunc"
		}
		d := diagnostic(c.Expr, api+" does not pin the signing algorithm: its keyfunc returns "+what+" and never checks token.Method; "+todo)
		if fix != nil {
			d.SuggestedFixes = fix
		}
		s.rep.Report(d)
	}
}

// unpinnedKey describes the key of a keyfunc that does not pin the
// algorithm, when that key could verify under another algorithm family.
func (s *state) unpinnedKey(in *jwtapi.KeyfuncFact) (string, bool) {
	if in == nil || in.Pins {
		return "", false
	}
	switch in.Key {
	case jwtapi.KeyAny:
		return "an interface{} key whose type the token's header can pair with any algorithm", true
	case jwtapi.KeyPEMPublic:
		return "a PEM public key as []byte, which also verifies as an HMAC secret", true
	case jwtapi.KeyMixed:
		return "keys of different types", true
	case jwtapi.KeySecret:
		if len(families(s.allAlgs)) < 2 {
			return "", false
		}
		return "a []byte secret while this code signs with " + strings.Join(s.allAlgs, ", "), true
	}
	return "", false
}

// checkKeyfuncFields reports keyfuncs set in a middleware config field
// (echo-jwt, gin-jwt and gofiber KeyFunc): a keyfunc given there replaces
// the middleware's own algorithm check, and the middleware parses without
// an allow-list, so the keyfunc must pin the algorithm itself.
func (s *state) checkKeyfuncFields() {
	for _, l := range s.ix.Lits {
		if tests.Skip(s.pass.Fset, l.Expr.Pos()) {
			continue
		}
		names := make([]string, 0, len(l.Fields))
		for name := range l.Fields {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			f := s.ix.Model.Field(l.Type, name)
			if f == nil || !f.Keyfunc || f.KeyfuncSigns {
				continue
			}
			v := l.Fields[name]
			what, unpinned := s.unpinnedKey(s.kf.Resolve(v))
			if !unpinned {
				continue
			}
			s.rep.Report(diagnostic(v, fieldName(l.Type, name)+" does not pin the signing algorithm: the keyfunc returns "+what+" and never checks token.Method, and the middleware checks no algorithm when given a keyfunc; check token.Method in the keyfunc"))
		}
	}
}

// fieldName names a field of a library type for messages:
// echojwt.Config.KeyFunc.
func fieldName(t types.Type, field string) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Name() + "." + n.Obj().Name() + "." + field
	}
	return field
}

func families(algs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range algs {
		f := jwtapi.AlgFamily(a)
		if f == "" || f == jwtapi.AlgNone || seen[f] {
			continue
		}
		seen[f] = true
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// fixAlg picks the one algorithm to pin: the package's own signing
// algorithm in the key's family, else the family's usual one, else the
// single algorithm the code signs with.
func (s *state) fixAlg(in *jwtapi.KeyfuncFact) string {
	if in.Key == jwtapi.KeyMixed {
		// Keys of several families: one algorithm would lock some out.
		return ""
	}
	// A PEM public key never verifies an HMAC token legitimately, and a
	// key set whose key types are not visible is a set of public keys
	// picked by kid: an HMAC algorithm the package signs its own tokens
	// with says nothing of it, and pinning one there is the algorithm
	// confusion the option is meant to prevent.
	noHMAC := in.Key == jwtapi.KeyPEMPublic || (in.Key == jwtapi.KeyAny && in.Family == "")
	pick := func(algs []string) string {
		var match []string
		for _, a := range algs {
			fam := jwtapi.AlgFamily(a)
			if noHMAC && fam == jwtapi.AlgHMAC {
				continue
			}
			if in.Family == "" || fam == in.Family {
				match = append(match, a)
			}
		}
		if len(match) == 1 {
			return match[0]
		}
		return ""
	}
	if a := pick(s.signAlgs); a != "" {
		return a
	}
	if a := pick(s.allAlgs); a != "" {
		return a
	}
	switch in.Family {
	case jwtapi.AlgHMAC:
		return "HS256"
	case jwtapi.AlgRSA:
		return "RS256"
	case jwtapi.AlgECDSA:
		return "ES256"
	case jwtapi.AlgEdDSA:
		return "EdDSA"
	}
	return ""
}

// parsePinned reports whether the parse restricts the algorithms through
// options or parser settings; known is false when they cannot be seen.
func (s *state) parsePinned(c *jwtapi.Call) (pinned, known bool) {
	if c.Func.Options >= 0 {
		if c.Expr.Ellipsis.IsValid() {
			return false, false
		}
		for _, o := range c.OptionArgs() {
			p, k := s.optionPins(o, 0)
			if p || !k {
				return p, k
			}
		}
	}
	if recv := c.Recv(); recv != nil {
		return s.parserPinned(recv, 0)
	}
	return false, true
}

func (s *state) optionPins(e ast.Expr, depth int) (pinned, known bool) {
	if depth > 6 {
		return false, false
	}
	if c := s.ix.CallOf(e); c != nil && c.Func.Role == jwtapi.RoleOption {
		return c.Func.Option == jwtapi.OptValidMethods, true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false, false
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok {
		return false, false
	}
	defs, ok := s.ix.Defs.Of(v)
	if !ok || len(defs) == 0 {
		return false, false
	}
	for _, d := range defs {
		if d.Index >= 0 || d.Expr == nil {
			return false, false
		}
		if p, k := s.optionPins(d.Expr, depth+1); p || !k {
			return p, k
		}
	}
	return false, true
}

// parserPinned follows a parser expression to its construction.
func (s *state) parserPinned(e ast.Expr, depth int) (pinned, known bool) {
	if depth > 6 || e == nil {
		return false, false
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if c := s.ix.CallOf(e); c != nil && c.Func.Role == jwtapi.RoleNewParser {
		if c.Expr.Ellipsis.IsValid() {
			return false, false
		}
		for _, o := range c.OptionArgs() {
			if p, k := s.optionPins(o, 0); p || !k {
				return p, k
			}
		}
		return false, true
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		t := s.info.TypeOf(x)
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return false, false
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f := s.ix.Model.Field(t, id.Name); f != nil && f.Option == jwtapi.OptValidMethods {
					return true, true
				}
			}
		}
		return false, true
	case *ast.CallExpr:
		// new(jwt.Parser)
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := s.info.Uses[id].(*types.Builtin); ok && b.Name() == "new" && len(x.Args) == 1 {
				return false, true
			}
		}
		return false, false
	case *ast.Ident, *ast.SelectorExpr:
		var v *types.Var
		if id, ok := x.(*ast.Ident); ok {
			v, _ = s.info.Uses[id].(*types.Var)
		} else {
			v, _ = s.info.Uses[x.(*ast.SelectorExpr).Sel].(*types.Var)
		}
		if v == nil || v.Pkg() != s.pass.Pkg {
			return false, false
		}
		if s.pinnedVars()[v] {
			return true, true
		}
		defs, ok := s.ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return false, false
		}
		for _, d := range defs {
			if d.Index >= 0 {
				return false, false
			}
			if d.Expr == nil {
				continue // var p jwt.Parser
			}
			if p, k := s.parserPinned(d.Expr, depth+1); p || !k {
				return p, k
			}
		}
		return false, true
	}
	return false, false
}

// pinnedVars returns the parser variables (and fields) whose
// algorithm-list field the package assigns: p.ValidMethods = [...].
func (s *state) pinnedVars() map[*types.Var]bool {
	if s.pinned != nil {
		return s.pinned
	}
	s.pinned = map[*types.Var]bool{}
	for n := range s.parents {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			continue
		}
		for _, l := range as.Lhs {
			sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			t := s.info.TypeOf(sel.X)
			if f := s.ix.Model.Field(t, sel.Sel.Name); f == nil || f.Option != jwtapi.OptValidMethods {
				continue
			}
			if v := jwtapi.BaseVar(s.info, sel.X); v != nil {
				s.pinned[v] = true
			}
		}
	}
	return s.pinned
}
