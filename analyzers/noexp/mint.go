package noexp

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// checkMint reports a mint whose tokens never get an exp claim: a token
// minted and signed in one function, a call that signs the claims it is
// given, a signer bound to fixed claims, and a signer whose lifetime is
// too small to set exp; and a mint whose exp is set only when a
// configured lifetime is positive.
func (c *checker) checkMint(m *jwtapi.Mint) {
	if g := c.r.ConditionalExpiry(m); g != nil {
		c.report(analysis.Diagnostic{
			Pos: g.Cond.Pos(), End: g.Cond.End(),
			Message: c.callName(m.Call.Expr) + " mints a token whose exp is set only when " + types.ExprString(g.Cond) + ": a zero lifetime setting mints tokens that never expire; set a default expiry otherwise, or reject a lifetime that is not positive at startup",
		})
	}
	if m.Expiry != jwtapi.ExpiryNo {
		return
	}
	name := c.callName(m.Call.Expr)
	d := analysis.Diagnostic{
		Pos:     m.Call.Expr.Pos(),
		End:     m.Call.Expr.End(),
		Message: name + " mints a token whose claims never get an exp claim, so it never expires: add an expiry, e.g. " + expiryWords + " from now",
	}
	switch m.Kind {
	case jwtapi.MintFixedClaims:
		// An expiry written where the signer is built would be a fixed
		// date.
		d.Message = name + " signs claims fixed when it is built, and they have no exp claim, so its tokens never expire: sign each token with claims that expire, e.g. " + expiryWords + " after issue"
		c.report(d)
		return
	case jwtapi.MintLifetime:
		age, _ := c.durationValue(m.Lifetime, 0)
		c.report(analysis.Diagnostic{
			Pos:     m.Lifetime.Pos(),
			End:     m.Lifetime.End(),
			Message: fmt.Sprintf("%s with a max age of %s mints tokens without an exp claim, so they never expire: pass a max age, e.g. %s", name, age, expiryWords),
		})
		return
	}
	if len(m.Targets) == 1 {
		if fix, ok := c.expiryFix(m.Targets[0]); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	c.report(d)
}

// reportUnvalidated reports a verification that checks no claim, whose
// claims are read but never validated.
func (c *checker) reportUnvalidated(ev *jwtapi.VerifyEvent) {
	call := ev.Call
	advice := "validate them (exp included) before use"
	if names := c.ix.Model.ClaimsValidations(call.Func.Pkg); len(names) > 0 {
		advice = "call " + names[0] + " on them before use"
	}
	c.report(analysis.Diagnostic{
		Pos:     call.Expr.Pos(),
		End:     call.Expr.End(),
		Message: c.callName(call.Expr) + " verifies the signature but checks no claim, and these claims are never validated, so a token past its exp is accepted: " + advice,
	})
}
