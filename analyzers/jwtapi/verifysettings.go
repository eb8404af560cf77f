package jwtapi

import (
	"go/ast"
	"go/types"
	"sort"
)

// Settings of library types that change what a verification checks, and
// the error values a verification reports, as the rules read them.

// Setting is a modelled option field set in a composite literal or by an
// assignment (go-oidc Config{InsecureSkipSignatureCheck: true}).
type Setting struct {
	Node  ast.Node // the key-value pair or the assignment
	Value ast.Expr
	// Text shows the setting as the source would, with the type's package
	// name: oidc.Config{InsecureSkipSignatureCheck: true}, cfg.X = true.
	Text string
}

// TrueSettings returns the settings of option kind k to a constant true,
// in literals (keyed fields) and assignments.
func (ix *Index) TrueSettings(k OptionKind) []*Setting {
	var out []*Setting
	for _, lit := range ix.Lits {
		if lit.Expr == nil || lit.Type == nil {
			continue
		}
		for id, kv := range KeyedFields(lit.Expr) {
			if f := ix.Model.Field(lit.Type, id.Name); f != nil && f.Option == k && IsConstTrue(ix.Info, kv.Value) {
				out = append(out, &Setting{Node: kv, Value: kv.Value, Text: sourceTypeName(lit.Type) + "{" + id.Name + ": true}"})
			}
		}
	}
	for _, set := range ix.FieldSets {
		if set.Field.Option == k && IsConstTrue(ix.Info, set.Value) {
			out = append(out, &Setting{Node: set.Stmt, Value: set.Value, Text: types.ExprString(set.Sel) + " = true"})
		}
	}
	return out
}

// KeyfuncField is a keyfunc given to a library in a config field
// (echo-jwt, gin-jwt and gofiber KeyFunc).
type KeyfuncField struct {
	Lit   *Lit
	Value ast.Expr
	// Name names the field for messages: echojwt.Config.KeyFunc.
	Name string
}

// VerifyKeyfuncFields returns the config fields that hold a keyfunc
// returning a verification key, by literal and then field name.
func (ix *Index) VerifyKeyfuncFields() []*KeyfuncField {
	var out []*KeyfuncField
	for _, l := range ix.Lits {
		for _, name := range sortedFields(l) {
			f := ix.Model.Field(l.Type, name)
			if f == nil || !f.Keyfunc || f.KeyfuncSigns {
				continue
			}
			out = append(out, &KeyfuncField{Lit: l, Value: l.Fields[name], Name: typeName(l.Type) + "." + name})
		}
	}
	return out
}

// SignAlgs returns, sorted, the algorithms of the package's sign and
// new-token calls that keep accepts, leaving out none and names of no
// known family.
func (ix *Index) SignAlgs(keep func(*Call) bool) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range ix.Calls {
		if c.Func.Role != RoleSign && c.Func.Role != RoleNewToken || !keep(c) {
			continue
		}
		alg := ix.CallAlg(c)
		if alg == "" || AlgFamily(alg) == "" || AlgFamily(alg) == AlgNone || seen[alg] {
			continue
		}
		seen[alg] = true
		out = append(out, alg)
	}
	sort.Strings(out)
	return out
}

// ErrorSentinel returns the model row of the sentinel error or error bit
// e names, or nil.
func (ix *Index) ErrorSentinel(e ast.Expr) *Var {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return nil
	}
	v := ix.Model.Var(ix.Info.Uses[id])
	if v == nil || v.Role != VarErrorSentinel {
		return nil
	}
	return v
}

// SentinelRefs returns the package's references to sentinel errors and
// error bits, in source order.
func (ix *Index) SentinelRefs() []*Ref {
	var out []*Ref
	for _, r := range ix.Refs {
		if r.Var.Role == VarErrorSentinel {
			out = append(out, r)
		}
	}
	return out
}

// IsValidationBits reports whether e selects the bit set of a modelled
// validation error (golang-jwt v4 ValidationError.Errors).
func (ix *Index) IsValidationBits(e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	tv, ok := ix.Info.Types[sel.X]
	if !ok {
		return false
	}
	row := ix.Model.Type(tv.Type)
	return row != nil && row.Role == TypeValidationError && row.BitsField != "" && row.BitsField == sel.Sel.Name
}
