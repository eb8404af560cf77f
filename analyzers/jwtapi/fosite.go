package jwtapi

// github.com/ory/fosite/token/jwt: a jwt-go-shaped API over go-jose v3.
// NewWithClaims(alg, MapClaims) and (*Token).SignedString(key) mint;
// Parse and ParseWithClaims take a Keyfunc over fosite's own Token and
// accept any algorithm the returned key fits, "none" included when the
// keyfunc returns UnsafeAllowNoneSignatureType. MapClaims.Valid checks exp
// only when present. DefaultSigner.GetPrivateKey is a function that
// returns the signing key (RSA, ECDSA or a JWK).

const familyFosite = "fosite"

const fositePkg = "github.com/ory/fosite/token/jwt"

func fositeFuncs() []*Func {
	p, f := fositePkg, familyFosite
	signed := row(p, "Token", "SignedString", RoleSign, f, with(none(), func(a *args) { a.Key = 0 }))
	signed.TokenFromRecv, signed.TokenResult = true, 1
	// Like jwt-go, a failed parse returns the token with its claims
	// decoded (before the signature is checked).
	parse := row(p, "", "Parse", RoleParse, f, with(none(), func(a *args) { a.Token = 0; a.Keyfunc = 1 }))
	parseWithClaims := row(p, "", "ParseWithClaims", RoleParse, f, with(none(), func(a *args) { a.Token = 0; a.Claims = 1; a.Keyfunc = 2 }))
	parse.ClaimsOnError, parseWithClaims.ClaimsOnError = true, true
	return []*Func{
		row(p, "", "NewWithClaims", RoleNewToken, f, with(none(), func(a *args) { a.Method = 0; a.Claims = 1 })),
		signed,
		parse,
		parseWithClaims,
	}
}

func fositeVars() []*Var {
	return []*Var{
		{Pkg: fositePkg, Name: "SigningMethodNone", Role: VarSigningMethod, Alg: "none", Family: familyFosite},
		{Pkg: fositePkg, Name: "UnsafeAllowNoneSignatureType", Role: VarNoneKey, Alg: "none", Family: familyFosite},
	}
}

func fositeTypes() []*Type {
	p, f := fositePkg, familyFosite
	return []*Type{
		{Pkg: p, Name: "Token", Role: TypeToken, Family: f, ClaimsField: "Claims", HeaderField: "Header"},
		{Pkg: p, Name: "MapClaims", Role: TypeMapClaims, Family: f, ExpiryField: "exp"},
		{Pkg: p, Name: "Keyfunc", Role: TypeKeyfunc, Family: f},
	}
}

func fositeFields() []*Field {
	return []*Field{
		{Pkg: fositePkg, Type: "DefaultSigner", Name: "GetPrivateKey", Keyfunc: true, KeyfuncSigns: true},
	}
}
