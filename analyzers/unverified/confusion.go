package unverified

import (
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
	for _, ev := range s.ix.VerifyEvents() {
		if ev.Kind != jwtapi.VerifyParse || ev.Keyfunc == nil || tests.Skip(s.pass.Fset, ev.Expr.Pos()) {
			continue
		}
		for _, al := range ev.AllowLists() {
			if al.Lit == nil || !al.Const || !mixesHMAC(al.Algs) {
				continue
			}
			in := s.kf.Resolve(ev.Keyfunc)
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
			keep := publicAlgs(al.Algs, in.Family)
			d := diagnostic(al.Lit, al.API+" mixes HMAC with public-key algorithms ("+strings.Join(al.Algs, ", ")+") while its keyfunc returns "+what+" and never checks token.Method: the public key also verifies an HMAC token signed with it; keep only the algorithms of the key's type")
			if len(keep) > 0 {
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   "keep " + strings.Join(keep, ", "),
					TextEdits: []analysis.TextEdit{{Pos: al.Lit.Lbrace + 1, End: al.Lit.Rbrace, NewText: []byte(jwtapi.QuoteAlgs(keep))}},
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
	for _, ev := range s.ix.VerifyEvents() {
		if ev.Kind != jwtapi.VerifyParse || ev.Keyfunc == nil || tests.Skip(s.pass.Fset, ev.Expr.Pos()) {
			continue
		}
		in := s.kf.Resolve(ev.Keyfunc)
		if in == nil || !in.PEMBytes || (!in.Pins && in.Key == jwtapi.KeyPEMPublic) {
			continue
		}
		if pinned, known := ev.Pinned(); pinned || !known {
			// A visible list decides: only one that allows HMAC keeps
			// the path alive, and checkMixedLists reports a mixed one
			// when the keyfunc's key is the PEM alone.
			if !known || !listAllowsHMAC(ev) || in.Key == jwtapi.KeyPEMPublic {
				continue
			}
		}
		s.rep.Report(diagnostic(ev.Expr, ev.API+" accepts HMAC and public-key methods for keys of one source: its keyfunc returns a PEM public key as []byte on one path, which golang-jwt can only use as an HMAC secret, so an HS256 token signed with the public key's text verifies; return the parsed public key and accept only its algorithms"))
	}
}

// listAllowsHMAC reports whether the parse's visible allow-list names an
// HMAC algorithm.
func listAllowsHMAC(ev *jwtapi.VerifyEvent) bool {
	for _, al := range ev.AllowLists() {
		if al.Lit == nil || !al.Const {
			return true // not visible: assume it might
		}
		for _, a := range al.Algs {
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
	for _, ev := range s.ix.VerifyEvents() {
		if ev.Kind != jwtapi.VerifyDecoded || ev.Key == nil || tests.Skip(s.pass.Fset, ev.Expr.Pos()) {
			continue
		}
		al := ev.DecodeAllowList()
		if al == nil || al.Lit == nil || !al.Const || !mixesHMAC(al.Algs) {
			continue
		}
		key := s.kf.KeyClass(ev.Key, nil)
		var what string
		switch {
		case key.Class == jwtapi.KeyAny && key.Family != jwtapi.AlgHMAC:
			what = "an interface{} key from one key set"
		case key.Class == jwtapi.KeyPEMPublic:
			what = "a PEM public key as []byte"
		default:
			continue
		}
		keep := publicAlgs(al.Algs, key.Family)
		d := diagnostic(al.Lit, al.API+" mixes HMAC with public-key algorithms ("+strings.Join(al.Algs, ", ")+") while "+s.ix.APIName(ev.Call)+" verifies with "+what+": the public key also verifies an HMAC token signed with it; keep only the algorithms of the key's type")
		if len(keep) > 0 {
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "keep " + strings.Join(keep, ", "),
				TextEdits: []analysis.TextEdit{{Pos: al.Lit.Lbrace + 1, End: al.Lit.Rbrace, NewText: []byte(al.Spell(keep))}},
			}}
		}
		s.rep.Report(d)
	}
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
