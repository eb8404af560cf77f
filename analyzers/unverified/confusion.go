package unverified

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// checkMixedLists reports parses whose algorithm allow-list mixes HMAC with
// public-key algorithms while the keyfunc hands back keys of one source
// whose type it never checks against the method: a key set of interface
// values, or a PEM public key as bytes. The public key then also verifies
// an HMAC token an attacker signed with it (algorithm confusion).
func (s *state) checkMixedLists() {
	for _, c := range s.ix.Calls {
		if c.Func.Role != jwtapi.RoleParse || c.Func.Keyfunc < 0 || tests.Skip(s.pass.Fset, c.Expr.Pos()) {
			continue
		}
		opts, _ := s.ix.OptionCalls(c)
		for _, o := range opts {
			if o.Func.Option != jwtapi.OptValidMethods {
				continue
			}
			lit, ok := ast.Unparen(o.Arg(o.Func.OptionArg)).(*ast.CompositeLit)
			if !ok {
				continue
			}
			algs, ok := s.listAlgs(lit)
			if !ok || !mixesHMAC(algs) {
				continue
			}
			in := s.kf.Resolve(c.Arg(c.Func.Keyfunc))
			if in == nil || in.Pins {
				continue
			}
			var what string
			switch in.Key {
			case jwtapi.KeyAny:
				if in.Family == jwtapi.AlgHMAC {
					continue // a set of secrets: no public key in it
				}
				what = "an interface{} key from one key set"
			case jwtapi.KeyPEMPublic:
				what = "a PEM public key as []byte"
			default:
				continue
			}
			api := s.ix.APIName(o)
			if fn, ok := s.info.Uses[jwtapi.CalleeIdent(o.Expr)].(*types.Func); ok {
				api = apiName(fn)
			}
			keep := publicAlgs(algs, in.Family)
			d := diagnostic(lit, api+" mixes HMAC with public-key algorithms ("+strings.Join(algs, ", ")+") while its keyfunc returns "+what+" and never checks token.Method: the public key also verifies an HMAC token signed with it; keep only the algorithms of the key's type")
			if len(keep) > 0 {
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   "keep " + strings.Join(keep, ", "),
					TextEdits: []analysis.TextEdit{{Pos: lit.Lbrace + 1, End: lit.Rbrace, NewText: []byte(quoteAll(keep))}},
				}}
			}
			s.rep.Report(d)
		}
	}
}

// checkPEMAsSecret reports parses whose keyfunc accepts several methods
// and hands back, on one of its paths, a PEM public key as []byte: the
// keyfunc's own method check lets HMAC through there, and golang-jwt uses
// a []byte only as an HMAC secret, so an HS256 token signed with the
// public key's text verifies (the keyfunc's accepted methods mix HMAC with
// RSA for keys of one source). Keyfuncs that never check the method are
// checkPins' finding; an allow-list without HMAC makes the path fail.
func (s *state) checkPEMAsSecret() {
	for _, c := range s.ix.Calls {
		if c.Func.Role != jwtapi.RoleParse || c.Func.Keyfunc < 0 || tests.Skip(s.pass.Fset, c.Expr.Pos()) {
			continue
		}
		in := s.kf.Resolve(c.Arg(c.Func.Keyfunc))
		if in == nil || !in.PEMBytes || (!in.Pins && in.Key == jwtapi.KeyPEMPublic) {
			continue
		}
		if pinned, known := s.parsePinned(c); pinned || !known {
			// A visible list decides: only one that allows HMAC keeps
			// the path alive, and checkMixedLists reports a mixed one
			// when the keyfunc's key is the PEM alone.
			if !known || !s.listAllowsHMAC(c) || in.Key == jwtapi.KeyPEMPublic {
				continue
			}
		}
		fn, _ := s.info.Uses[jwtapi.CalleeIdent(c.Expr)].(*types.Func)
		s.rep.Report(diagnostic(c.Expr, apiName(fn)+" accepts HMAC and public-key methods for keys of one source: its keyfunc returns a PEM public key as []byte on one path, which golang-jwt can only use as an HMAC secret, so an HS256 token signed with the public key's text verifies; return the parsed public key and accept only its algorithms"))
	}
}

// listAllowsHMAC reports whether the parse's visible allow-list names an
// HMAC algorithm.
func (s *state) listAllowsHMAC(c *jwtapi.Call) bool {
	opts, _ := s.ix.OptionCalls(c)
	for _, o := range opts {
		if o.Func.Option != jwtapi.OptValidMethods {
			continue
		}
		lit, ok := ast.Unparen(o.Arg(o.Func.OptionArg)).(*ast.CompositeLit)
		if !ok {
			return true // not visible: assume it might
		}
		algs, ok := s.listAlgs(lit)
		if !ok {
			return true
		}
		for _, a := range algs {
			if jwtapi.AlgFamily(a) == jwtapi.AlgHMAC {
				return true
			}
		}
		return false
	}
	return true
}

// checkMixedDecodeLists is checkMixedLists for libraries that take the
// allow-list when decoding and the key when verifying the decoded token
// (go-jose v4 ParseSigned(raw, algs) then tok.Claims(key, …)): the key of
// the verification decides, by its class, as a keyfunc's would.
func (s *state) checkMixedDecodeLists() {
	for _, c := range s.ix.Calls {
		if c.Func.Role != jwtapi.RoleVerify || !c.Func.TokenFromRecv || c.Func.Key < 0 || tests.Skip(s.pass.Fset, c.Expr.Pos()) {
			continue
		}
		dec := s.decodeOf(c.Recv())
		if dec == nil || dec.Func.Option != jwtapi.OptValidMethods {
			continue
		}
		lit, ok := ast.Unparen(dec.Arg(dec.Func.OptionArg)).(*ast.CompositeLit)
		if !ok {
			continue
		}
		algs, ok := s.listAlgs(lit)
		if !ok || !mixesHMAC(algs) {
			continue
		}
		key := s.kf.KeyClass(c.Arg(c.Func.Key), nil)
		var what string
		switch {
		case key.Class == jwtapi.KeyAny && key.Family != jwtapi.AlgHMAC:
			what = "an interface{} key from one key set"
		case key.Class == jwtapi.KeyPEMPublic:
			what = "a PEM public key as []byte"
		default:
			continue
		}
		api := s.ix.APIName(dec)
		keep := publicAlgs(algs, key.Family)
		d := diagnostic(lit, api+" mixes HMAC with public-key algorithms ("+strings.Join(algs, ", ")+") while "+s.ix.APIName(c)+" verifies with "+what+": the public key also verifies an HMAC token signed with it; keep only the algorithms of the key's type")
		if len(keep) > 0 {
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "keep " + strings.Join(keep, ", "),
				TextEdits: []analysis.TextEdit{{Pos: lit.Lbrace + 1, End: lit.Rbrace, NewText: []byte(quoteAllAs(keep, lit, s))}},
			}}
		}
		s.rep.Report(d)
	}
}

// decodeOf returns the decode call a token variable holds, when its only
// definition is one.
func (s *state) decodeOf(e ast.Expr) *jwtapi.Call {
	if e == nil {
		return nil
	}
	if c := s.ix.CallOf(e); c != nil && c.Func.Role == jwtapi.RoleDecode {
		return c
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	defs, ok := s.ix.Defs.Of(v)
	if !ok || len(defs) != 1 || defs[0].Index > 0 {
		return nil
	}
	if c := s.ix.CallOf(defs[0].Expr); c != nil && c.Func.Role == jwtapi.RoleDecode {
		return c
	}
	return nil
}

// quoteAllAs writes the kept algorithms the way the list spells its
// elements: string literals, or the library's constants (jose.RS256)
// when the list uses them.
func quoteAllAs(algs []string, lit *ast.CompositeLit, s *state) string {
	if len(lit.Elts) == 0 {
		return quoteAll(algs)
	}
	sel, ok := ast.Unparen(lit.Elts[0]).(*ast.SelectorExpr)
	if !ok {
		return quoteAll(algs)
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return quoteAll(algs)
	}
	out := make([]string, len(algs))
	for i, a := range algs {
		out[i] = pkg.Name + "." + a
	}
	return strings.Join(out, ", ")
}

// listAlgs returns the algorithm names of a []string literal; ok is false
// when some element is not a constant.
func (s *state) listAlgs(lit *ast.CompositeLit) ([]string, bool) {
	var out []string
	for _, elt := range lit.Elts {
		if _, isKV := elt.(*ast.KeyValueExpr); isKV {
			return nil, false
		}
		alg, ok := jwtapi.ConstString(s.info, elt)
		if !ok {
			return nil, false
		}
		out = append(out, alg)
	}
	return out, true
}

// mixesHMAC reports whether algs holds an HMAC and a public-key algorithm.
func mixesHMAC(algs []string) bool {
	hmac, public := false, false
	for _, a := range algs {
		switch jwtapi.AlgFamily(a) {
		case jwtapi.AlgHMAC:
			hmac = true
		case jwtapi.AlgRSA, jwtapi.AlgECDSA, jwtapi.AlgEdDSA:
			public = true
		}
	}
	return hmac && public
}

// publicAlgs keeps the algorithms of family (every public-key algorithm
// when family is not known), in list order.
func publicAlgs(algs []string, family string) []string {
	var out []string
	for _, a := range algs {
		f := jwtapi.AlgFamily(a)
		if f == jwtapi.AlgHMAC || f == jwtapi.AlgNone || f == "" {
			continue
		}
		if family != "" && f != family {
			continue
		}
		out = append(out, a)
	}
	return out
}

func quoteAll(algs []string) string {
	q := make([]string, len(algs))
	for i, a := range algs {
		q[i] = strconv.Quote(a)
	}
	return strings.Join(q, ", ")
}
