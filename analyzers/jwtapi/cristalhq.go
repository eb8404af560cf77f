package jwtapi

// github.com/cristalhq/jwt/v4. A signer or verifier is bound to one
// algorithm and key when it is built (NewSignerHS(alg, key),
// NewVerifierHS(alg, key), and the RS, ES, PS and EdDSA variants), so the
// token header never picks the algorithm, and there is no "none".
// NewBuilder(signer).Build(claims) mints. Parse(raw, verifier) checks the
// signature only: no claim is validated, exp included, unless the caller
// asks RegisteredClaims.IsValidAt or IsValidExpiresAt. ParseNoVerify
// decodes without verifying; Verify(token) on a verifier checks such a
// token's signature afterwards. v5 and v3 are not served by the module proxy
// and are not modelled.

const familyCristalhq = "cristalhq"

const cristalhqPkg = "github.com/cristalhq/jwt/v4"

func cristalhqFuncs() []*Func {
	p, f := cristalhqPkg, familyCristalhq
	var out []*Func
	for _, kind := range []string{"HS", "RS", "ES", "PS"} {
		out = append(out,
			row(p, "", "NewSigner"+kind, RoleNewSigner, f, with(none(), func(a *args) { a.Method = 0; a.Key = 1 })),
			row(p, "", "NewVerifier"+kind, RoleNewVerifier, f, with(none(), func(a *args) { a.Method = 0; a.Key = 1 })),
		)
	}
	signer := row(p, "", "NewSignerEdDSA", RoleNewSigner, f, with(none(), func(a *args) { a.Key = 0 }))
	verifier := row(p, "", "NewVerifierEdDSA", RoleNewVerifier, f, with(none(), func(a *args) { a.Key = 0 }))
	signer.Alg, verifier.Alg = "EdDSA", "EdDSA"
	parse := row(p, "", "Parse", RoleParse, f, with(none(), func(a *args) { a.Token = 0 }))
	parseClaims := row(p, "", "ParseClaims", RoleParse, f, with(none(), func(a *args) { a.Token = 0; a.Claims = 2 }))
	parse.NoExpiryCheck, parseClaims.NoExpiryCheck = true, true
	// A verifier checks the signature of a token decoded earlier
	// (ParseNoVerify, then verifier.Verify(token)): through the Verifier
	// interface or on the concrete algorithm types.
	for _, recv := range []string{"Verifier", "HSAlg", "RSAlg", "ESAlg", "PSAlg", "EdDSAAlg"} {
		out = append(out, row(p, recv, "Verify", RoleVerify, f, with(none(), func(a *args) { a.Token = 0 })))
	}
	out = append(out, signer, verifier, parse, parseClaims,
		row(p, "", "ParseNoVerify", RoleParseUnverified, f, with(none(), func(a *args) { a.Token = 0 })),
		row(p, "Builder", "Build", RoleSign, f, with(none(), func(a *args) { a.Claims = 0 })),
		// Build yields a *Token; String and Bytes give its compact form.
		tokenOut(row(p, "Token", "String", RoleSerialize, f, none()), 1),
		tokenOut(row(p, "Token", "Bytes", RoleSerialize, f, none()), 1),
		row(p, "RegisteredClaims", "IsValidAt", RoleValidateClaims, f, none()),
		row(p, "RegisteredClaims", "IsValidExpiresAt", RoleValidateClaims, f, none()),
	)
	return out
}

func cristalhqTypes() []*Type {
	p, f := cristalhqPkg, familyCristalhq
	return []*Type{
		{Pkg: p, Name: "Token", Role: TypeToken, Family: f, ClaimsMethods: []string{"Claims", "ClaimsPart", "DecodeClaims"}},
		{Pkg: p, Name: "RegisteredClaims", Role: TypeRegistered, Family: f, ExpiryField: "ExpiresAt"},
	}
}

func cristalhqVars() []*Var {
	var out []*Var
	for _, alg := range []string{"HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"} {
		out = append(out, &Var{Pkg: cristalhqPkg, Name: alg, Role: VarSigningMethod, Alg: alg, Family: familyCristalhq})
	}
	return out
}
