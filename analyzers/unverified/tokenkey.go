package unverified

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// checkHeaderKeys reports verifications whose key the token supplies
// itself: the "jwk" it embeds in its header, or a key fetched from the
// "jku"/"x5u" URL it names (the model's FromTokenHeader rows and
// KeyHeaderParams). The author of a token writes its header, so such a key
// verifies whatever its author signs.
//
// Not reported: a package that matches the embedded key against keys it
// trusts (a thumbprint, an Equal comparison, a URL compared or looked up
// in an allow-list), and proofs of possession (DPoP, key registration),
// where verifying with the embedded key is the point and the key is then
// bound, stored or checked: the key is passed on to other code or stored
// in a literal, or the file speaks of DPoP. A kid looked up in a trusted
// set while the embedded key is still the one used is no pin: the kid is
// written by the token's author too.
func (s *state) checkHeaderKeys() {
	s.checkAutoFetch()
	hk := s.ix.HeaderKeys()
	var sinks []*jwtapi.KeySink
	for _, sink := range s.ix.KeySinks() {
		if sink.Kind != jwtapi.SinkVerify || tests.Skip(s.pass.Fset, sink.Key.Pos()) {
			continue
		}
		if hk.Derived(sink.Key) {
			sinks = append(sinks, sink)
		}
	}
	if len(sinks) == 0 || s.boundOrPinned(hk) {
		return
	}
	for _, sink := range sinks {
		if f := s.ix.FileAt(sink.Key.Pos()); f != nil && mentionsDPoP(f) {
			continue
		}
		s.rep.Reportf(sink.Key.Pos(), sink.Key.End(),
			"%s verifies the token with a key taken from the token's own header (jwk, jku or x5u): whoever writes the token picks the key; verify with keys the program trusts, or match the embedded key against a pinned set (thumbprint) before using it", sink.API)
	}
}

// checkAutoFetch reports an option that verifies with the key set fetched
// from the token's own "jku" (jwx WithVerifyAuto) when its fetch options
// allow every URL (jwk.InsecureWhitelist): the token's author then names
// the keys that verify it.
func (s *state) checkAutoFetch() {
	for _, c := range s.ix.AutoFetchAnyURL() {
		if tests.Skip(s.pass.Fset, c.Expr.Pos()) {
			continue
		}
		s.rep.Reportf(c.Expr.Pos(), c.Expr.End(),
			"%s verifies the token with keys fetched from the jku URL the token itself names, and its whitelist allows every URL: whoever writes the token picks the key; whitelist the key-set URLs you trust", s.ix.APIName(c))
	}
}

// boundOrPinned reports whether the package does something with a header
// key besides verifying with it: computes its thumbprint, compares it
// (Equal, ==, a lookup keyed by it, a prefix test of a URL), passes it to
// other code or stores it in a literal.
func (s *state) boundOrPinned(h *jwtapi.HeaderKeys) bool {
	found := false
	for _, f := range s.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			switch x := n.(type) {
			case *ast.CallExpr:
				if s.pinCall(h, x) {
					found = true
				}
			case *ast.BinaryExpr:
				if (x.Op == token.EQL || x.Op == token.NEQ) && !jwtapi.IsNil(s.info, x.X) && !jwtapi.IsNil(s.info, x.Y) && (h.Derived(x.X) || h.Derived(x.Y)) {
					found = true
				}
			case *ast.IndexExpr:
				if t := s.info.TypeOf(x.X); t != nil {
					if _, isMap := t.Underlying().(*types.Map); isMap && h.Derived(x.Index) {
						found = true
					}
				}
			case *ast.CompositeLit:
				for _, elt := range x.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						elt = kv.Value
					}
					if h.Derived(elt) {
						found = true
					}
				}
			}
			return true
		})
	}
	return found
}

// pinCall reports a call that checks or hands on a header key: a method
// such as Thumbprint or Equal on it, or a call of other code (not a JWT
// library, not a fetch or parse that yields a key) that receives it.
func (s *state) pinCall(h *jwtapi.HeaderKeys, call *ast.CallExpr) bool {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if m := s.info.Selections[sel]; m != nil && m.Kind() == types.MethodVal && h.Derived(sel.X) {
			switch m.Obj().Name() {
			case "Thumbprint", "Equal":
				return true
			}
		}
	}
	var arg bool
	for _, a := range call.Args {
		if h.Derived(a) {
			arg = true
		}
	}
	if !arg {
		return false
	}
	if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
		return false
	}
	if c := s.ix.CallOf(call); c != nil {
		return false // the verification itself, a key option
	}
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil {
		return true
	}
	if fn.Pkg() != nil && s.ix.Model.IsLibrary(fn.Pkg().Path()) {
		return false
	}
	if fn.Pkg() != nil && jwtapi.IsStdPath(fn.Pkg().Path()) {
		// Decoding, logging and formatting hand the key on without
		// checking it; comparisons do check it.
		return stdComparisons[fn.Pkg().Path()+"."+fn.Name()]
	}
	if fn.Pkg() != nil && fn.Pkg() == s.pass.Pkg && h.ReturnsDerived(fn.Origin()) {
		return false // a helper that hands the key back for verification
	}
	if jwtapi.KeyLikeResult(s.info.TypeOf(call)) {
		// A parse or fetch that yields the key (jwk.ParseKey, jwk.Fetch):
		// a step toward the verification, not a check. A comparison
		// helper returns a bool or an error.
		return fn.Name() == "Equal"
	}
	return true
}

// stdComparisons are the standard library calls that compare a key, a
// thumbprint or a URL with a trusted value.
var stdComparisons = map[string]bool{
	"bytes.Equal": true, "crypto/subtle.ConstantTimeCompare": true,
	"strings.HasPrefix": true, "strings.EqualFold": true, "slices.Contains": true,
}

// mentionsDPoP reports whether a file speaks of DPoP proofs (RFC 9449),
// which are verified with the key they embed by design.
func mentionsDPoP(f *ast.File) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(strings.ToLower(lit.Value), "dpop") {
			found = true
		}
		return !found
	})
	return found
}
