package jwtapi

import (
	"go/ast"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/types/typeutil"
)

// Audience checks: which calls verify tokens, where their keys and
// audience settings are, which options, fields and claims reads check the
// audience.

// VerifiesToken reports whether the call verifies a token's signature: a
// parse, a verification of a decoded token, or a verifier built for later
// verifications.
func (c *Call) VerifiesToken() bool {
	switch c.Func.Role {
	case RoleParse, RoleVerify, RoleNewVerifier:
		return true
	}
	return false
}

// Sets reports whether the call is an option (or parser setting) of kind k.
func (c *Call) Sets(k OptionKind) bool { return c.Func.Option == k }

// TakesOptions reports whether the call accepts variadic options.
func (c *Call) TakesOptions() bool { return c.Func.Options >= 0 }

// TakesToken reports whether the call receives a token to parse or verify.
func (c *Call) TakesToken() bool { return c.Func.Token >= 0 }

// FetchesRemoteKeys reports whether the call's result (or, for an option,
// the verification it configures) uses keys fetched from a remote key set.
func (c *Call) FetchesRemoteKeys() bool { return c.Func.RemoteKeys }

// IsOption reports whether the call builds a parser, verifier or token
// option.
func (c *Call) IsOption() bool { return c.Func.Role == RoleOption }

// IsParserBuilder reports whether the call builds a reusable parser from
// options.
func (c *Call) IsParserBuilder() bool { return c.Func.Role == RoleNewParser }

// IsClaimsValidation reports whether the call validates a claims value
// (go-jose Claims.Validate, jwx jwt.Validate).
func (c *Call) IsClaimsValidation() bool { return c.Func.Role == RoleValidateClaims }

// KeyExprs returns the expressions that hand the call its verification
// keys: its keyfunc and key arguments, and the argument of a key-set
// option (jwx WithKeySet(set)), in that order; absent ones are left out.
func (c *Call) KeyExprs() []ast.Expr {
	var out []ast.Expr
	for _, e := range []ast.Expr{c.Arg(c.Func.Keyfunc), c.Arg(c.Func.Key), c.KeySetArg()} {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

// KeySetArg returns the argument of a key-set option or verifier that
// holds the keys (OptKeySet), or nil.
func (c *Call) KeySetArg() ast.Expr {
	if c.Func.Option != OptKeySet {
		return nil
	}
	return c.OptionValue()
}

// OptionValue returns the argument that carries an option's value (the
// audience of WithAudience, the list of WithValidMethods), or nil.
func (c *Call) OptionValue() ast.Expr { return c.Arg(c.Func.OptionArg) }

// AudienceArg reports whether the call takes the accepted audience as an
// argument (auth0 validator.New) and returns it (nil when it is absent).
func (c *Call) AudienceArg() (ast.Expr, bool) {
	if c.Func.Option != OptAudience || c.Func.OptionArg < 0 {
		return nil, false
	}
	return c.OptionValue(), true
}

// ConfigArg returns the first option argument, which for a verifier built
// from a config struct is that struct (go-oidc Verifier(config)), or nil.
func (c *Call) ConfigArg() ast.Expr { return c.Arg(c.Func.Options) }

// AudienceWay says where the library checks a verification's audience.
type AudienceWay uint8

const (
	// AudienceNowhere: a raw signature verification (jws.Verify,
	// JSONWebSignature.Verify), which need not carry claims at all.
	AudienceNowhere AudienceWay = iota
	// AudienceArgument: the call takes the accepted audience as an
	// argument (auth0 validator.New); see AudienceArg.
	AudienceArgument
	// AudienceValidation: the call checks no claim; a later claims
	// validation checks the audience (go-jose Claims.Validate).
	AudienceValidation
	// AudienceByHand: the library has no audience check; the program
	// must read the claims' audience (zitadel op.VerifyAccessToken).
	AudienceByHand
	// AudienceOptions: an option of the call checks it (golang-jwt and
	// jwx WithAudience), or, for a keyfunc parse, one of the parser it
	// is a method of. A config struct argument (go-oidc Config) may
	// switch the check off whatever the way.
	AudienceOptions
)

// AudienceWayOf says where the library checks the audience of the
// verification c.
func (ix *Index) AudienceWayOf(c *Call) AudienceWay {
	f := c.Func
	switch {
	case f.Option == OptAudience && f.OptionArg >= 0:
		return AudienceArgument
	case f.NoExpiryCheck:
		return AudienceValidation
	case f.AudienceUnchecked:
		return AudienceByHand
	case (f.Options >= 0 || c.Recv() != nil) && (f.Keyfunc >= 0 || ix.Model.AudienceOption(f.Pkg) != ""):
		return AudienceOptions
	}
	return AudienceNowhere
}

// AudienceOption returns the name of the option of pkg that checks the
// audience: of the model's audience options, the plainest (shortest) name,
// so that WithAudience is preferred to WithAllAudiences; "" when pkg has
// none.
func (m *Model) AudienceOption(pkg string) string {
	var names []string
	for _, f := range m.OptionRows(pkg, OptAudience) {
		names = append(names, f.Name)
	}
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) < len(names[j])
		}
		return names[i] < names[j]
	})
	if len(names) == 0 {
		return ""
	}
	return names[0]
}

// OptionRows returns the rows of pkg's package-level option constructors
// of kind k (jwt.WithAudience, jwt.WithValidMethods), in model order.
func (m *Model) OptionRows(pkg string, k OptionKind) []*Func {
	var out []*Func
	for _, f := range m.Funcs() {
		if f.Pkg == pkg && f.Recv == "" && f.Role == RoleOption && f.Option == k {
			out = append(out, f)
		}
	}
	return out
}

// FieldsWithOption returns the fields of struct type t whose model rows
// have Option k, in declaration order.
func (m *Model) FieldsWithOption(t types.Type, k OptionKind) []string {
	st := StructOf(t)
	if st == nil {
		return nil
	}
	var out []string
	for i := 0; i < st.NumFields(); i++ {
		if f := m.Field(t, st.Field(i).Name()); f != nil && f.Option == k {
			out = append(out, st.Field(i).Name())
		}
	}
	return out
}

// StructOf returns the struct type t or *t is, or nil.
func StructOf(t types.Type) *types.Struct {
	if t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := types.Unalias(t).Underlying().(*types.Struct)
	return st
}

// LitField is a keyed element of a composite literal that sets a modelled
// field.
type LitField struct {
	KV    *ast.KeyValueExpr
	Name  string
	Value ast.Expr
	Field *Field
}

// ModelledFields returns the keyed elements of lit that set modelled
// fields of its type, in order; positional is true when lit sets its
// fields by position (then none is returned).
func (ix *Index) ModelledFields(lit *ast.CompositeLit) (fields []LitField, positional bool) {
	t := ix.Info.TypeOf(lit)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, true
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if f := ix.Model.Field(t, id.Name); f != nil {
			fields = append(fields, LitField{KV: kv, Name: id.Name, Value: kv.Value, Field: f})
		}
	}
	return fields, false
}

// AudienceRead reports whether n reads a token's audience claim: a field
// or method the model names (x.Audience, x.GetAudience, also through an
// embedded claims type), a field holding a verified token's audience, or
// a map key of a claims map (claims["aud"]).
func (ix *Index) AudienceRead(n ast.Node) bool {
	switch x := n.(type) {
	case *ast.SelectorExpr:
		s := ix.Info.Selections[x]
		if s == nil {
			return false
		}
		holder := holderType(s)
		if holder == nil {
			return false
		}
		if s.Kind() == types.FieldVal {
			if f := ix.Model.Field(holder, x.Sel.Name); f != nil && f.AudienceClaim {
				return true
			}
		}
		return ix.typeReadsAudience(holder, x.Sel.Name)
	case *ast.IndexExpr:
		if key, ok := ConstString(ix.Info, x.Index); ok {
			return ix.typeReadsAudience(ix.Info.TypeOf(x.X), key)
		}
	}
	return false
}

func (ix *Index) typeReadsAudience(t types.Type, name string) bool {
	row := ix.Model.Type(t)
	return row != nil && slices.Contains(row.AudienceReads, name)
}

// holderType returns the type that declares a selected field or method:
// the receiver's type, or the embedded type the selection goes through.
func holderType(s *types.Selection) types.Type {
	t := s.Recv()
	idx := s.Index()
	for _, i := range idx[:len(idx)-1] {
		st := StructOf(t)
		if st == nil || i >= st.NumFields() {
			return nil
		}
		t = st.Field(i).Type()
	}
	return t
}

// CarriesAudience reports whether a value of type t carries a token's
// audience claim: a modelled token or claims type with audience reads, a
// struct with a field holding the audience claim, or a struct embedding a
// type with audience reads.
func (ix *Index) CarriesAudience(t types.Type) bool {
	if row := ix.Model.Type(t); row != nil && len(row.AudienceReads) > 0 {
		return true
	}
	st := StructOf(t)
	if st == nil {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if m := ix.Model.Field(t, f.Name()); m != nil && m.AudienceClaim {
			return true
		}
		if f.Embedded() {
			if row := ix.Model.Type(f.Type()); row != nil && len(row.AudienceReads) > 0 {
				return true
			}
		}
	}
	return false
}

// ClaimsValidationsIn returns the claims validations written in fn.
func (ix *Index) ClaimsValidationsIn(fn ast.Node) []*Call {
	if fn == nil {
		return nil
	}
	var out []*Call
	for _, v := range ix.Calls {
		if v.IsClaimsValidation() && Within(v.Expr.Pos(), fn) {
			out = append(out, v)
		}
	}
	return out
}

// ExpectedClaimsArg returns the first argument of a claims validation
// whose type has fields for an expected audience (go-jose jwt.Expected);
// ok is false when it has none.
func (ix *Index) ExpectedClaimsArg(v *Call) (ast.Expr, bool) {
	for _, a := range v.Expr.Args {
		if len(ix.Model.FieldsWithOption(ix.Info.TypeOf(a), OptAudience)) > 0 {
			return a, true
		}
	}
	return nil, false
}

// EmptyKeptArg returns, for a call that is empty whenever one of its
// arguments is (strings.TrimSpace(x); see KeepsEmpty), that argument;
// nil for any other expression.
func EmptyKeptArg(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	arg, ok := KeepsEmpty(fn)
	if !ok || arg >= len(call.Args) {
		return nil
	}
	return call.Args[arg]
}
