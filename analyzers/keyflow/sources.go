package keyflow

import (
	"go/ast"
	"go/types"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Values read through the rows of jwtapi.ConfigSources that are more than
// a name: a getter that returns its default argument when the setting is
// unset, and the responses of secret managers, whose secret sits in a
// member of the result (jwtapi.ConfigSource.SecretIn).

// returnedDefault turns the origin o of a getter call that returns its
// default argument when the setting is unset (envy.Get(name, "…")) into a
// fallback when that default is a non-empty constant, as cmp.Or of a
// lookup and a constant is. An empty default leaves o: the key is empty
// when the setting is unset.
func (f *Flow) returnedDefault(o Origin, call *ast.CallExpr, src *jwtapi.ConfigSource, b bindings, depth int) Origin {
	def := src.DefaultIn(call)
	if !src.DefaultReturned || def == nil {
		return o
	}
	d := f.origin(def, b, depth+1)
	if d.Kind != Constant || d.Const.Len == 0 {
		return o
	}
	return cmpOr([]Origin{o, d})
}

// secretMember is the origin of member name of a value of type t whose
// origin base is a secret manager's result: the secret when the member is
// on the row's path to it, unknown otherwise (an ARN, a version).
func secretMember(base Origin, t types.Type, name string) Origin {
	if base.Kind == Secret && jwtapi.IsSecretMember(t, name) {
		return base
	}
	return unknown()
}

// secretGetter handles a getter method on the path from a secret
// manager's result to the secret: resp.GetPayload().GetData().
func (f *Flow) secretGetter(call *ast.CallExpr, fn *types.Func, b bindings, depth int) (Origin, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 {
		return Origin{}, false
	}
	if s, ok := f.info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return Origin{}, false
	}
	recv := typeOf(f.info, sel.X)
	if !jwtapi.IsSecretMember(recv, fn.Name()) {
		return Origin{}, false
	}
	return secretMember(f.origin(sel.X, b, depth+1), recv, fn.Name()), true
}

// secretPart is the origin of a value taken out of x (an element of a map,
// a type assertion): the secret when x is a secret manager's secret
// (Vault's secret.Data["key"].(string)), unknown otherwise.
func (f *Flow) secretPart(x ast.Expr, b bindings, depth int) Origin {
	if o := f.origin(x, b, depth+1); o.Kind == Secret {
		return o
	}
	return unknown()
}

// secretCommaOK is the origin of the value of a comma-ok type assertion
// or map index (index 0 of v, ok := x.(T) or m[k]) when it takes a secret
// manager's secret apart; unknown otherwise.
func (f *Flow) secretCommaOK(e ast.Expr, index int, b bindings, depth int) Origin {
	switch ast.Unparen(e).(type) {
	case *ast.TypeAssertExpr, *ast.IndexExpr:
		if index == 0 {
			return f.secretPart(e, b, depth)
		}
	}
	return unknown()
}
