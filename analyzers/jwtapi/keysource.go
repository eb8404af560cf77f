package jwtapi

import (
	"go/ast"
	"go/types"
)

// KeySource says where the keys a modelled call verifies with come from,
// for following remote key sets to their fetch.
type KeySource struct {
	// Fetches: the call fetches a remote key set itself (jwk.Fetch,
	// keyfunc.Get).
	Fetches bool
	// OfRecv: the call's result holds its receiver's keys.
	OfRecv bool
	// From are the arguments that hand the call its keys, in the order to
	// follow them: a key-set option's argument, then the keyfunc.
	From []ast.Expr
}

// KeySourceOf returns where a modelled call's keys come from.
func (ix *Index) KeySourceOf(c *Call) KeySource {
	switch {
	case c.Func.RemoteKeys:
		return KeySource{Fetches: true}
	case c.Func.KeysOfRecv:
		return KeySource{OfRecv: true}
	}
	var ks KeySource
	if c.Func.Option == OptKeySet {
		ks.From = append(ks.From, c.Arg(c.Func.OptionArg))
	}
	if c.Func.Keyfunc >= 0 {
		ks.From = append(ks.From, c.Arg(c.Func.Keyfunc))
	}
	return ks
}

// HoldsRecvKeys reports whether fn is a modelled method whose result, or
// the method value itself (k.Keyfunc passed as a keyfunc), holds its
// receiver's keys; modelled reports whether fn is modelled at all.
func (m *Model) HoldsRecvKeys(fn *types.Func) (holds, modelled bool) {
	row := m.Func(fn)
	if row == nil {
		return false, false
	}
	return row.KeysOfRecv, true
}

// NameIn returns the argument of call that names the setting a config
// source reads (os.Getenv(name)), or nil.
func (s *ConfigSource) NameIn(call *ast.CallExpr) ast.Expr { return ArgAt(call, s.NameArg) }

// DefaultIn returns the argument of call holding the default the source
// registers or returns (flag.String(name, def, usage)), or nil.
func (s *ConfigSource) DefaultIn(call *ast.CallExpr) ast.Expr { return ArgAt(call, s.DefaultArg) }

// DestIn returns the argument of call pointing at the variable the setting
// is stored in (flag.StringVar(&v, …)), or nil.
func (s *ConfigSource) DestIn(call *ast.CallExpr) ast.Expr { return ArgAt(call, s.PtrArg) }

// FilledIn returns the buffer argument a filling call writes, when the
// row names one and, for a row with a Reader, the argument before it is
// that package's Reader (io.ReadFull(rand.Reader, buf)); nil otherwise.
func (r *RandomFill) FilledIn(info *types.Info, call *ast.CallExpr) ast.Expr {
	buf := ArgAt(call, r.Buf)
	if buf == nil {
		return nil
	}
	if r.Reader != "" {
		sel, ok := ast.Unparen(ArgAt(call, r.Buf-1)).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		v, ok := info.Uses[sel.Sel].(*types.Var)
		if !ok || v.Pkg() == nil || v.Pkg().Path() != r.Reader || v.Name() != "Reader" {
			return nil
		}
	}
	return buf
}

// FillsArg reports whether the row names the buffer argument it fills;
// otherwise the call fills the element it is assigned to.
func (r *RandomFill) FillsArg() bool { return r.Buf >= 0 }

// IsRemoteKeySetType reports whether a value of type t holds a remote key
// set, whoever made it (go-oidc's Provider and RemoteKeySet).
func (m *Model) IsRemoteKeySetType(t types.Type) bool {
	row := m.Type(t)
	return row != nil && row.RemoteKeySet
}
