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
			in := s.resolveKeyfunc(c.Arg(c.Func.Keyfunc), 0)
			if in == nil || in.pins {
				continue
			}
			var what string
			switch in.key {
			case keyAny:
				if in.family == jwtapi.AlgHMAC {
					continue // a set of secrets: no public key in it
				}
				what = "an interface{} key from one key set"
			case keyPEMPublic:
				what = "a PEM public key as []byte"
			default:
				continue
			}
			api := s.ix.APIName(o)
			if fn, ok := s.info.Uses[jwtapi.CalleeIdent(o.Expr)].(*types.Func); ok {
				api = apiName(fn)
			}
			keep := publicAlgs(algs, in.family)
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
