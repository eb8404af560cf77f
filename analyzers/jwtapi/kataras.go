package jwtapi

// github.com/kataras/jwt and iris's middleware/jwt, a thin layer over it.
// kataras signs with jwt.Sign(alg, key, claims, opts...) and verifies with
// jwt.Verify(alg, key, token, validators...): the algorithm is always the
// caller's, so the token header cannot choose it. exp is checked when
// present and never required; jwt.MaxAge(d) sets it when minting (a
// duration of a second or less sets nothing). jwt.NONE signs with an empty
// signature and verifies any token that has none. jwt.Decode splits a token
// without verifying it. Keys.Register binds a public and a private key to
// a kid. iris's NewSigner(alg, key, maxAge) mints through jwt.Sign with
// MaxAge only when maxAge > 0, and NewVerifier(alg, key) verifies through
// jwt.Verify. iris's package-level aliases of Sign and Verify are
// variables, not functions, and are not modelled.

const (
	familyKataras = "kataras"
	familyIris    = "iris"
)

const (
	katarasPkg = "github.com/kataras/jwt"
	irisJWTPkg = "github.com/kataras/iris/v12/middleware/jwt"
)

var katarasAlgs = map[string]string{
	"HS256": "HS256", "HS384": "HS384", "HS512": "HS512",
	"RS256": "RS256", "RS384": "RS384", "RS512": "RS512",
	"PS256": "PS256", "PS384": "PS384", "PS512": "PS512",
	"ES256": "ES256", "ES384": "ES384", "ES512": "ES512",
	"EdDSA": "EdDSA",
}

func katarasFuncs() []*Func {
	p, f := katarasPkg, familyKataras
	sign := func(name string, key, claims, opts int) *Func {
		return tokenOut(row(p, "", name, RoleSign, f, with(none(), func(a *args) { a.Method = 0; a.Key = key; a.Claims = claims; a.Options = opts })), 1)
	}
	verify := func(name string, key, token, opts int) *Func {
		return row(p, "", name, RoleParse, f, with(none(), func(a *args) { a.Method = 0; a.Key = key; a.Token = token; a.Options = opts }))
	}
	register := row(p, "Keys", "Register", RoleNewSigner, f, with(none(), func(a *args) { a.Method = 0; a.Key = 3 }))
	register.VerifyKeys = []int{2}
	out := []*Func{
		sign("Sign", 1, 2, 3),
		sign("SignEncrypted", 1, 3, 4),
		sign("SignWithHeader", 1, 2, 4),
		sign("SignEncryptedWithHeader", 1, 3, 5),
		verify("Verify", 1, 2, 3),
		verify("VerifyEncrypted", 1, 3, 4),
		verify("VerifyWithHeaderValidator", 1, 2, 4),
		verify("VerifyEncryptedWithHeaderValidator", 1, 3, 5),
		row(p, "", "Decode", RoleParseUnverified, f, with(none(), func(a *args) { a.Token = 0 })),
		katarasOpt("MaxAge", OptSetsExpiry, ">1s"),
		// Leeway(d) is no grace period: it rejects tokens that expire
		// within d, and so tokens without exp.
		katarasOpt("Leeway", OptExpirationRequired, ""),
		register,
		tokenOut(row(p, "Keys", "SignToken", RoleSign, f, with(none(), func(a *args) { a.Claims = 1; a.Options = 2 })), 1),
		row(p, "Keys", "VerifyToken", RoleParse, f, with(none(), func(a *args) { a.Token = 0; a.Claims = 1; a.Options = 2 })),
	}
	for _, n := range []string{"ParsePrivateKeyRSA", "ParsePrivateKeyECDSA", "ParsePrivateKeyEdDSA"} {
		out = append(out, row(p, "", n, RoleParsePrivateKey, f, with(none(), func(a *args) { a.Key = 0 })))
	}
	for _, n := range []string{"ParsePublicKeyRSA", "ParsePublicKeyECDSA", "ParsePublicKeyEdDSA"} {
		out = append(out, row(p, "", n, RoleParsePublicKey, f, with(none(), func(a *args) { a.Key = 0 })))
	}

	// iris: NewSigner's maxAge gives tokens exp only above a second;
	// Signer.Sign's claims are judged with the signer (Claims absent).
	i, fi := irisJWTPkg, familyIris
	newSigner := row(i, "", "NewSigner", RoleNewSigner, fi, with(none(), func(a *args) { a.Method = 0; a.Key = 1; a.OptionArg = 2 }))
	newSigner.Option, newSigner.OptionWhen = OptSetsExpiry, ">1s"
	out = append(out,
		newSigner,
		row(i, "", "NewVerifier", RoleNewVerifier, fi, with(none(), func(a *args) { a.Method = 0; a.Key = 1; a.Options = 2 })),
		tokenOut(row(i, "Signer", "Sign", RoleSign, fi, with(none(), func(a *args) { a.Options = 1 })), 1),
		row(i, "Verifier", "VerifyToken", RoleParse, fi, with(none(), func(a *args) { a.Token = 0; a.Options = 1 })),
		row(i, "Verifier", "Verify", RoleMiddleware, fi, with(none(), func(a *args) { a.Options = 1 })),
	)
	return out
}

func katarasOpt(name string, k OptionKind, when string) *Func {
	r := row(katarasPkg, "", name, RoleOption, familyKataras, with(none(), func(a *args) { a.OptionArg = 0 }))
	r.Option, r.OptionWhen = k, when
	return r
}

// katarasTypes: a verified token exposes the standard claims as a field
// and the payload through Claims(&dest); a decoded one the same through
// its Payload field.
func katarasTypes() []*Type {
	return []*Type{
		{Pkg: katarasPkg, Name: "VerifiedToken", Role: TypeToken, Family: familyKataras, ClaimsField: "StandardClaims", ClaimsMethods: []string{"Claims"}},
		{Pkg: katarasPkg, Name: "UnverifiedToken", Role: TypeToken, Family: familyKataras, ClaimsField: "Payload", ClaimsMethods: []string{"Claims"}},
	}
}

func katarasVars() []*Var {
	var out []*Var
	for name, alg := range katarasAlgs {
		out = append(out,
			&Var{Pkg: katarasPkg, Name: name, Role: VarSigningMethod, Alg: alg, Family: familyKataras},
			&Var{Pkg: irisJWTPkg, Name: name, Role: VarSigningMethod, Alg: alg, Family: familyIris},
		)
	}
	out = append(out, &Var{Pkg: katarasPkg, Name: "NONE", Role: VarSigningMethod, Alg: "none", Family: familyKataras})
	return out
}

func katarasFields() []*Field {
	return []*Field{
		{Pkg: katarasPkg, Type: "Key", Name: "Private", Key: true, AlgField: "Alg"},
		{Pkg: irisJWTPkg, Type: "Signer", Name: "Key", Key: true, AlgField: "Alg"},
		{Pkg: irisJWTPkg, Type: "Verifier", Name: "Key", Key: true, AlgField: "Alg"},
	}
}
