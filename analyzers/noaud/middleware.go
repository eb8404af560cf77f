package noaud

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// checkMiddlewares reports middleware configs that verify with keys from a
// remote key set in a middleware that checks no audience, when the package
// reads no audience claim anywhere (a handler that checks it is enough).
func (c *checker) checkMiddlewares() {
	for _, lit := range c.ix.Lits {
		if lit.Expr == nil || tests.Skip(c.pass.Fset, lit.Expr.Pos()) {
			continue
		}
		var remoteField *ast.KeyValueExpr
		var src *keyflow.Remote
		replaced := false
		fields, _ := c.ix.ModelledFields(lit.Expr)
		for _, lf := range fields {
			kv, f := lf.KV, lf.Field
			switch {
			case f.ReplacesParse && !c.isEmptyValue(kv.Value):
				replaced = true
			case f.AudienceUnchecked && f.RemoteKeys && !c.emptyList(kv.Value, 0):
				remoteField, src = kv, nil
			case f.AudienceUnchecked && f.Keyfunc:
				if r := c.flow.RemoteKeys(kv.Value); r != nil {
					remoteField, src = kv, r
				}
			}
		}
		if remoteField == nil || replaced || c.packageReadsAudience() {
			continue
		}
		from := "JWKS URLs it fetches"
		if src != nil {
			from = "a remote key set (" + c.source(src) + ")"
		}
		name := remoteField.Key.(*ast.Ident).Name
		c.r.Report(analysis.Diagnostic{
			Pos: remoteField.Pos(),
			End: remoteField.End(),
			Message: typeString(lit.Type) + "." + name + " makes the middleware verify tokens with keys from " + from +
				", and neither the middleware nor this package checks their audience: a token the identity provider issued to another application passes; check the audience of the verified claims in the handlers",
		})
	}
}

// packageReadsAudience reports whether any function of the package reads
// an audience claim.
func (c *checker) packageReadsAudience() bool {
	if c.readsAud == 0 {
		c.readsAud = 2
		for _, f := range c.pass.Files {
			if c.nodeReadsAudience(f) {
				c.readsAud = 1
				break
			}
		}
	}
	return c.readsAud == 1
}
