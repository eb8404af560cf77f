package noaud

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// checkOptions: a parse whose options hold no audience option, or one
// given only when its setting is non-empty.
func (c *checker) checkOptions(call *jwtapi.Call, src *keyflow.Remote) {
	opts, complete := c.options(call)
	var aud []jwtapi.OptionUse
	for _, o := range opts {
		if o.Call.Sets(jwtapi.OptAudience) {
			aud = append(aud, o)
		}
	}
	api := c.ix.APIName(call)
	if setting, only := c.audienceReadOnlyWhenSet(call.Encl); only && len(aud) == 0 && !c.validatesAudience(call.Encl) {
		c.r.Report(analysis.Diagnostic{
			Pos: call.Expr.Pos(),
			End: call.Expr.End(),
			Message: api + "'s audience is compared only when " + setting + " is set, and the keys come from a remote key set (" +
				c.source(src) + "): left unset, tokens issued for any audience are accepted; require the setting and always check the audience",
		})
		return
	}
	if c.readsAudience(call.Encl) || c.validatesAudience(call.Encl) {
		return
	}
	if len(aud) == 0 {
		if !complete || c.callersMayCheck(call.Encl) {
			return
		}
		opt := c.ix.Model.AudienceOption(call.Func.Pkg)
		what := "check the token's audience after the parse"
		if opt != "" {
			what = "add " + c.qualify(call, opt) + " with this service's audience"
		}
		d := analysis.Diagnostic{
			Pos: call.Expr.Pos(),
			End: call.Expr.End(),
			Message: api + " accepts tokens issued for any audience, and its keys come from a remote key set (" + c.source(src) +
				"): a token the identity provider issued to another application passes; " + what,
		}
		if fix, ok := c.optionFix(call, opt); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		c.r.Report(d)
		return
	}
	setting := ""
	for _, u := range aud {
		s, only := c.onlyWhenSet(u)
		if !only {
			return // an audience check that always runs
		}
		setting = s
	}
	u := aud[0]
	c.r.Report(analysis.Diagnostic{
		Pos: u.Cond.Pos(),
		End: u.Cond.Cond.End(),
		Message: c.ix.APIName(u.Call) + " is added to " + api + " only when " + setting + " is set, and the keys come from a remote key set (" +
			c.source(src) + "): left unset, tokens issued for any audience are accepted; require the setting and always check the audience",
	})
}

// checkValidation: claims verified with remote keys by a call that checks
// no claim, then validated with expectations that name no audience.
func (c *checker) checkValidation(call *jwtapi.Call, src *keyflow.Remote) {
	vals := c.ix.ClaimsValidationsIn(call.Encl)
	var first *jwtapi.Call
	var lit *ast.CompositeLit
	for _, v := range vals {
		checks, known := c.validationChecks(v)
		if checks || !known {
			return
		}
		if first == nil {
			first = v
			lit, _ = c.expectedLit(v)
		}
	}
	if first == nil || lit == nil || c.readsAudience(call.Encl) || c.callersMayCheck(call.Encl) || c.reported[lit] {
		return // never validated: noexp's finding
	}
	c.reported[lit] = true
	fields := c.ix.Model.FieldsWithOption(c.info.TypeOf(lit), jwtapi.OptAudience)
	if len(fields) == 0 {
		return
	}
	field := fields[len(fields)-1]
	d := analysis.Diagnostic{
		Pos: lit.Pos(),
		End: lit.End(),
		Message: c.ix.APIName(first) + "'s " + typeString(c.info.TypeOf(lit)) + " names no audience, and " + c.ix.APIName(call) +
			" verified the token with keys from a remote key set (" + c.source(src) +
			"): a token the identity provider issued to another application passes; set " + field + " to this service's audience",
	}
	if val := c.audienceValue(lit.Pos()); val != "" {
		d.SuggestedFixes = []analysis.SuggestedFix{fieldFix(lit, field, "[]string{"+val+"}")}
	}
	c.r.Report(d)
}

// checkAudienceArg: a verifier built with remote keys and an empty
// audience argument.
func (c *checker) checkAudienceArg(call *jwtapi.Call, src *keyflow.Remote) {
	arg, _ := call.AudienceArg()
	if arg == nil || !c.emptyList(arg, 0) {
		return
	}
	c.r.Report(analysis.Diagnostic{
		Pos: arg.Pos(),
		End: arg.End(),
		Message: c.ix.APIName(call) + " is given no audience, and its keys come from a remote key set (" + c.source(src) +
			"): a token the identity provider issued to another application passes; pass this service's audience",
	})
}

// emptyList: nil, an empty list literal, a list of empty constants, or a
// local variable every definition of which is one.
func (c *checker) emptyList(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	e = ast.Unparen(e)
	if c.isEmptyValue(e) {
		return true
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if s, ok := jwtapi.ConstString(c.info, el); !ok || s != "" {
				return false
			}
		}
		return true
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		defs, ok := c.ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			if d.Index >= 0 || (d.Expr != nil && !c.emptyList(d.Expr, depth+1)) {
				return false
			}
		}
		return true
	}
	return false
}

// configLit returns the literal of a verifier's config argument when its
// type has a setting that switches the audience check off.
func (c *checker) configLit(e ast.Expr, depth int) *ast.CompositeLit {
	lit := c.literal(e, depth)
	if lit == nil {
		return nil
	}
	if len(c.ix.Model.FieldsWithOption(c.info.TypeOf(lit), jwtapi.OptSkipAudience)) > 0 {
		return lit
	}
	return nil
}

// checkConfig: a verifier config that switches the audience check off,
// always (then the callers of Verify must compare the audience
// themselves) or whenever a setting is empty.
func (c *checker) checkConfig(call *jwtapi.Call, lit *ast.CompositeLit, src *keyflow.Remote) {
	t := c.info.TypeOf(lit)
	fields, _ := c.ix.ModelledFields(lit)
	for _, lf := range fields {
		kv, id := lf.KV, lf.Name
		if c.reported[kv] || lf.Field.Option != jwtapi.OptSkipAudience {
			continue
		}
		var msg string
		switch {
		case jwtapi.IsConstTrue(c.info, kv.Value):
			if c.comparedAfterVerify(call) {
				continue
			}
			msg = typeString(t) + "{" + id + ": true} switches off the audience check of " + c.ix.APIName(call) +
				", whose keys come from a remote key set (" + c.source(src) +
				"), and no caller of Verify compares the token's audience: tokens the provider issued to other clients pass; set the client ID and drop the switch"
		case c.testsEmpty(kv.Value):
			msg = typeString(t) + "{" + id + ": " + types.ExprString(kv.Value) + "} switches off the audience check of " + c.ix.APIName(call) +
				", whose keys come from a remote key set (" + c.source(src) +
				"), whenever the setting is empty: left unset, tokens the provider issued to other clients pass; require the client ID and drop the switch"
		default:
			continue
		}
		c.reported[kv] = true
		c.r.Report(analysis.Diagnostic{Pos: kv.Pos(), End: kv.End(), Message: msg})
	}
}

// comparedAfterVerify reports whether every function that verifies with
// the verifier built by call reads the token's audience afterwards (or
// hands the token to callers that may). With no such function in the
// package the verifier is used elsewhere, where the audience may be
// compared: true.
func (c *checker) comparedAfterVerify(call *jwtapi.Call) bool {
	for _, v := range c.ix.Calls {
		if v == call || !v.TakesToken() || v.Recv() == nil {
			continue
		}
		builtBy := false
		for _, b := range c.flow.Built(v.Recv()) {
			if b == call {
				builtBy = true
			}
		}
		if !builtBy {
			continue
		}
		if !c.readsAudience(v.Encl) && !c.callersMayCheck(v.Encl) {
			return false
		}
	}
	return true
}

// testsEmpty: X == "", len(X) == 0: a switch that is on whenever a setting
// is empty.
func (c *checker) testsEmpty(e ast.Expr) bool {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
	if c.isEmptyValue(x) {
		x = y
	} else if !c.isEmptyValue(y) {
		return c.testsLen(b, types.ExprString(lenArg(c.info, b.X)), false)
	}
	if _, ok := c.info.Types[x]; !ok {
		return false
	}
	return b.Op == token.EQL
}

// lenArg returns x of len(x), or e.
func lenArg(info *types.Info, e ast.Expr) ast.Expr {
	if x := jwtapi.LenOperand(info, e); x != nil {
		return ast.Unparen(x)
	}
	return e
}

func typeString(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}
