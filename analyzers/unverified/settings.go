package unverified

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// checkSkipVerifySettings reports a verifier setting that switches
// signature verification off (go-oidc Config{InsecureSkipSignatureCheck:
// true}), set in a literal or assigned, outside tests: every token the
// verifier then accepts is unverified, whoever wrote it.
func (s *state) checkSkipVerifySettings() {
	for _, lit := range s.ix.Lits {
		if lit.Expr == nil || lit.Type == nil || tests.Skip(s.pass.Fset, lit.Expr.Pos()) {
			continue
		}
		for _, elt := range lit.Expr.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			if f := s.ix.Model.Field(lit.Type, id.Name); f != nil && f.Option == jwtapi.OptSkipVerify && s.isTrue(kv.Value) {
				s.reportSkipVerify(kv, settingType(lit.Type)+"{"+id.Name+": true}")
			}
		}
	}
	for _, set := range s.ix.FieldSets {
		if set.Field.Option == jwtapi.OptSkipVerify && s.isTrue(set.Value) && !tests.Skip(s.pass.Fset, set.Stmt.Pos()) {
			s.reportSkipVerify(set.Stmt, types.ExprString(set.Sel)+" = true")
		}
	}
}

func (s *state) reportSkipVerify(n ast.Node, what string) {
	s.rep.Reportf(n.Pos(), n.End(), "%s accepts tokens without checking their signature, so anyone can write their claims: remove it", what)
}

func (s *state) isTrue(e ast.Expr) bool {
	tv, ok := s.info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// settingType writes a config type as the source would, with its
// package's name.
func settingType(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}
