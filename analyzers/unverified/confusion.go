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
			if !mixed(al) {
				continue
			}
			in := s.kf.Resolve(ev.Keyfunc)
			if in == nil || in.Pins {
				continue
			}
			if what := oneSourceKey(in.Key, in.Family); what != "" {
				s.reportMixed(al, in.Family, "its keyfunc returns "+what+" and never checks token.Method")
			}
		}
	}
}

// mixed reports whether a list is a literal of constants that mixes HMAC
// with public-key algorithms.
func mixed(al *jwtapi.AllowList) bool { return al.Const && jwtapi.MixesHMAC(al.Algs) }

// oneSourceKey describes a key class that holds keys of one source whose
// type nothing checks against the token's method, or "".
func oneSourceKey(class, family string) string {
	switch {
	case class == jwtapi.KeyAny && family != jwtapi.AlgHMAC:
		// A set of secrets holds no public key.
		return "an interface{} key from one key set"
	case class == jwtapi.KeyPEMPublic:
		return "a PEM public key as []byte"
	}
	return ""
}

// reportMixed reports a mixed allow-list, with a fix keeping the
// algorithms of the key's family.
func (s *state) reportMixed(al *jwtapi.AllowList, family, while string) {
	d := diagnostic(al.Lit, al.API+" mixes HMAC with public-key algorithms ("+strings.Join(al.Algs, ", ")+") while "+while+": the public key also verifies an HMAC token signed with it; keep only the algorithms of the key's type")
	if keep := al.PublicAlgs(family); len(keep) > 0 {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "keep " + strings.Join(keep, ", "),
			TextEdits: []analysis.TextEdit{{Pos: al.Lit.Lbrace + 1, End: al.Lit.Rbrace, NewText: []byte(al.Spell(keep))}},
		}}
	}
	s.rep.Report(d)
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

// listAllowsHMAC reports whether the parse's first allow-list may allow
// HMAC (no list at all does).
func listAllowsHMAC(ev *jwtapi.VerifyEvent) bool {
	lists := ev.AllowLists()
	return len(lists) == 0 || lists[0].MayAllow(jwtapi.AlgHMAC)
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
		if al == nil || !mixed(al) {
			continue
		}
		key := s.kf.KeyClass(ev.Key, nil)
		if what := oneSourceKey(key.Class, key.Family); what != "" {
			s.reportMixed(al, key.Family, s.ix.APIName(ev.Call)+" verifies with "+what)
		}
	}
}
