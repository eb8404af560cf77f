package unverified

import (
	"sort"
	"strings"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// checkPins reports parses whose keyfunc leaves the algorithm to the token
// while its key could verify under another algorithm family.
func (s *state) checkPins() {
	for _, ev := range s.ix.VerifyEvents() {
		if ev.Kind != jwtapi.VerifyParse || ev.Keyfunc == nil || jwtapi.IsNil(s.info, ev.Keyfunc) || tests.Skip(s.pass.Fset, ev.Expr.Pos()) {
			continue
		}
		if pinned, known := ev.Pinned(); pinned || !known {
			continue
		}
		in := s.kf.Resolve(ev.Keyfunc)
		what, unpinned := s.unpinnedKey(in)
		if !unpinned {
			continue
		}
		fix, optText := s.pinFix(ev, s.fixAlg(in))
		todo := "restrict the parser's algorithms (WithValidMethods or Parser.ValidMethods) or check token.Method in the keyfunc"
		if fix != nil {
			todo = "add " + optText + " or check token.Method in the keyfunc"
		} else if ev.PinOption() != nil {
			todo = "add WithValidMethods with the algorithm you sign with, or check token.Method in the keyfunc"
		}
		d := diagnostic(ev.Expr, ev.API+" does not pin the signing algorithm: its keyfunc returns "+what+" and never checks token.Method; "+todo)
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
	for _, f := range s.ix.VerifyKeyfuncFields() {
		if tests.Skip(s.pass.Fset, f.Lit.Expr.Pos()) {
			continue
		}
		what, unpinned := s.unpinnedKey(s.kf.Resolve(f.Value))
		if !unpinned {
			continue
		}
		s.rep.Report(diagnostic(f.Value, f.Name+" does not pin the signing algorithm: the keyfunc returns "+what+" and never checks token.Method, and the middleware checks no algorithm when given a keyfunc; check token.Method in the keyfunc"))
	}
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
