package unverified

import "github.com/jwtvet/jwtvet/analyzers/jwtapi"

// checkSkipVerifySettings reports a verifier setting that switches
// signature verification off (go-oidc Config{InsecureSkipSignatureCheck:
// true}), set in a literal or assigned, outside tests: every token the
// verifier then accepts is unverified, whoever wrote it.
func (s *state) checkSkipVerifySettings() {
	for _, set := range s.ix.TrueSettings(jwtapi.OptSkipVerify) {
		if tests.Skip(s.pass.Fset, set.Node.Pos()) {
			continue
		}
		s.rep.Reportf(set.Node.Pos(), set.Node.End(), "%s accepts tokens without checking their signature, so anyone can write their claims: remove it", set.Text)
	}
}
