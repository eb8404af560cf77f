package jwtapi

// lestrrat-go/jwx v1 (the module path without a major suffix). Keys are
// positional, not options: jwt.Sign(tok, alg, key), jws.Sign(payload, alg,
// key), jws.Verify(buf, alg, key), and jwt.Parse verifies only when an
// option gives it a key: jwt.WithVerify(alg, key), jwt.WithKeySet(set) or
// jwt.WithVerifyAuto(true). Without one it decodes the token and verifies
// nothing. Claims (exp included) are validated only with
// jwt.WithValidate(true) or a later jwt.Validate. Raw keys are wrapped by
// jwk.New; algorithms are typed string constants, as in v2.

const jwxV1Root = "github.com/lestrrat-go/jwx"

func jwxV1Funcs() []*Func {
	f := familyJWX
	jwt, jws, jwk := jwxV1Root+"/jwt", jwxV1Root+"/jws", jwxV1Root+"/jwk"
	out := []*Func{
		tokenOut(row(jwt, "", "Sign", RoleSign, f, with(none(), func(a *args) { a.Claims = 0; a.Method = 1; a.Key = 2; a.Options = 3 })), 1),
		tokenOut(row(jws, "", "Sign", RoleSign, f, with(none(), func(a *args) { a.Method = 1; a.Key = 2; a.Options = 3 })), 1),
		row(jws, "", "Verify", RoleVerify, f, with(none(), func(a *args) { a.Token = 0; a.Method = 1; a.Key = 2; a.Options = 3 })),
		row(jwk, "", "New", RoleWrapKey, f, with(none(), func(a *args) { a.Key = 0 })),
		// WithVerify carries the key as v2's WithKey does.
		row(jwt, "", "WithVerify", RoleOption, f, with(none(), func(a *args) { a.Method = 0; a.Key = 1 })),
		row(jwt, "", "Validate", RoleValidateClaims, f, with(none(), func(a *args) { a.Claims = 0; a.Options = 1 })),
		row(jwt, "", "New", RoleNewToken, f, none()),
		row(jwt, "", "NewBuilder", RoleNewToken, f, none()),
	}
	for _, pr := range []struct {
		name          string
		token, option int
	}{
		{"Parse", 0, 1}, {"ParseString", 0, 1}, {"ParseReader", 0, 1},
		{"ParseRequest", -1, 1}, {"ParseHeader", -1, 2}, {"ParseForm", -1, 2},
	} {
		r := row(jwt, "", pr.name, RoleParse, f, with(none(), func(a *args) { a.Token = pr.token; a.Options = pr.option }))
		r.VerifyOptIn, r.ValidateOptIn = true, true
		out = append(out, r)
	}
	opt := func(pkg, recv, name string, k OptionKind, arg int, when string) *Func {
		r := row(pkg, recv, name, RoleOption, f, with(none(), func(a *args) { a.OptionArg = arg }))
		r.Option, r.OptionWhen = k, when
		return r
	}
	keySet := opt(jwt, "", "WithKeySet", OptKeySet, 0, "")
	keySet.Key, keySet.KeyUse = 0, SinkVerify
	verifyAuto := opt(jwt, "", "WithVerifyAuto", OptNone, -1, "")
	verifyAuto.RemoteKeys = true
	remote := func(recv, name string) *Func {
		r := row(jwk, recv, name, RoleNone, f, none())
		r.RemoteKeys = true
		return r
	}
	out = append(out,
		opt(jwt, "", "WithValidate", OptValidate, 0, "true"),
		opt(jwt, "", "WithAcceptableSkew", OptLeeway, 0, ""),
		opt(jwt, "", "WithRequiredClaim", OptExpirationRequired, 0, `"exp"`),
		opt(jwt, "", "WithAudience", OptAudience, 0, ""),
		// Claim checks that run only under WithValidate(true), and parse
		// settings: none gives a key or validates.
		opt(jwt, "", "WithIssuer", OptOther, -1, ""),
		opt(jwt, "", "WithSubject", OptOther, -1, ""),
		opt(jwt, "", "WithJwtID", OptOther, -1, ""),
		opt(jwt, "", "WithClaimValue", OptOther, -1, ""),
		opt(jwt, "", "WithClock", OptOther, -1, ""),
		opt(jwt, "", "WithTypedClaim", OptOther, -1, ""),
		opt(jwt, "", "WithPedantic", OptOther, -1, ""),
		keySet, verifyAuto,
		remote("", "Fetch"), remote("AutoRefresh", "Fetch"), remote("AutoRefresh", "Refresh"),
		opt(jwt, "Builder", "Expiration", OptSetsExpiry, -1, ""),
		opt(jwt, "Builder", "Claim", OptSetsExpiry, 0, `"exp"`),
		opt(jwt, "Token", "Set", OptSetsExpiry, 0, `"exp"`),
	)
	return out
}

func jwxV1Types() []*Type {
	return []*Type{
		{Pkg: jwxV1Root + "/jwt", Name: "Token", Role: TypeToken, Family: familyJWX, ClaimsMethods: jwxClaimsMethods, AudienceReads: []string{"Audience"}},
		{Pkg: jwxV1Root + "/jwk", Name: "AutoRefresh", Family: familyJWX, RemoteKeySet: true},
	}
}

func jwxV1Vars() []*Var {
	var out []*Var
	for name, alg := range jwxAlgs {
		out = append(out, &Var{Pkg: jwxV1Root + "/jwa", Name: name, Role: VarSigningMethod, Alg: alg, Family: familyJWX})
	}
	return out
}
