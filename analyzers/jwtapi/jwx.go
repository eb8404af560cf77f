package jwtapi

// The lestrrat-go/jwx family, v2 and v3. Keys travel in options:
// jwt.Sign(tok, jwt.WithKey(alg, key)) and jwt.Parse(b, jwt.WithKey(alg,
// key)); jws has the same WithKey for raw payloads. Raw keys are wrapped
// by jwk.FromRaw (v2) or jwk.Import (v3). Algorithms are typed string
// constants in v2 (jwa.HS256) and functions in v3 (jwa.HS256()).
// jwt.Parse verifies unless jwt.WithVerify(false) is passed and validates
// exp, when present, unless jwt.WithValidate(false); jwt.ParseInsecure does
// neither. jws refuses "none" for both signing with WithKey and
// verification; jws.WithInsecureNoSignature is the only way to mint an
// unsigned token.

const familyJWX = "jwx"

type jwxPackage struct {
	root string
	// algFuncs: algorithms are functions (v3), not constants (v2).
	algFuncs bool
	// wrap is the jwk function that wraps a raw key.
	wrap string
}

var jwxPackages = []jwxPackage{
	{"github.com/lestrrat-go/jwx/v2", false, "FromRaw"},
	{"github.com/lestrrat-go/jwx/v3", true, "Import"},
}

// jwxAlgs maps jwa names to JOSE algorithm names.
var jwxAlgs = map[string]string{
	"HS256": "HS256", "HS384": "HS384", "HS512": "HS512",
	"RS256": "RS256", "RS384": "RS384", "RS512": "RS512",
	"PS256": "PS256", "PS384": "PS384", "PS512": "PS512",
	"ES256": "ES256", "ES384": "ES384", "ES512": "ES512", "ES256K": "ES256K",
	"EdDSA":       "EdDSA",
	"NoSignature": "none",
}

func jwxFuncs() []*Func {
	var out []*Func
	f := familyJWX
	for _, p := range jwxPackages {
		jwt, jws, jwa, jwk := p.root+"/jwt", p.root+"/jws", p.root+"/jwa", p.root+"/jwk"
		key := func(pkg string) *Func {
			return row(pkg, "", "WithKey", RoleOption, f, with(none(), func(a *args) { a.Method = 0; a.Key = 1 }))
		}
		out = append(out,
			key(jwt), key(jws),
			tokenOut(row(jwt, "", "Sign", RoleSign, f, with(none(), func(a *args) { a.Claims = 0; a.Options = 1 })), 1),
			tokenOut(row(jws, "", "Sign", RoleSign, f, with(none(), func(a *args) { a.Options = 1 })), 1),
			row(jws, "", "Verify", RoleVerify, f, with(none(), func(a *args) { a.Token = 0; a.Options = 1 })),
			row(jwk, "", p.wrap, RoleWrapKey, f, with(none(), func(a *args) { a.Key = 0 })),
		)
		if p.algFuncs {
			out = append(out, row(jws, "", "VerifyCompactFast", RoleVerify, f, with(none(), func(a *args) { a.Key = 0; a.Token = 1; a.Method = 2 })))
			for name, alg := range jwxAlgs {
				r := row(jwa, "", name, RoleAlgConstructor, f, none())
				r.Alg = alg
				out = append(out, r)
			}
		}
		// Parsing: the token is the first argument except for the HTTP
		// helpers, whose options follow a name.
		for _, pr := range []struct {
			name          string
			token, option int
		}{
			{"Parse", 0, 1}, {"ParseString", 0, 1}, {"ParseReader", 0, 1},
			{"ParseRequest", -1, 1}, {"ParseHeader", -1, 2}, {"ParseCookie", -1, 2}, {"ParseForm", -1, 2},
		} {
			out = append(out, row(jwt, "", pr.name, RoleParse, f, with(none(), func(a *args) { a.Token = pr.token; a.Options = pr.option })))
		}
		out = append(out,
			row(jwt, "", "ParseInsecure", RoleParseUnverified, f, with(none(), func(a *args) { a.Token = 0; a.Options = 1 })),
			row(jwt, "", "Validate", RoleValidateClaims, f, with(none(), func(a *args) { a.Claims = 0; a.Options = 1 })),
		)
		// Options with a condition on their argument, and the option that
		// signs with "none".
		opt := func(pkg, name string, k OptionKind, arg int, when string) *Func {
			r := row(pkg, "", name, RoleOption, f, with(none(), func(a *args) { a.OptionArg = arg }))
			r.Option, r.OptionWhen = k, when
			return r
		}
		noSig := func(pkg string) *Func {
			r := row(pkg, "", "WithInsecureNoSignature", RoleOption, f, none())
			r.Alg = AlgNone
			return r
		}
		out = append(out,
			opt(jwt, "WithVerify", OptSkipVerify, 0, "false"),
			opt(jwt, "WithValidate", OptSkipClaims, 0, "false"),
			opt(jwt, "WithAcceptableSkew", OptLeeway, 0, ""),
			opt(jwt, "WithRequiredClaim", OptExpirationRequired, 0, `"exp"`),
			noSig(jwt), noSig(jws),
			opt(jwt, "WithAudience", OptAudience, 0, ""),
		)
		// Key sets: jwk.Fetch and a jwk.Cache fetch them from a JWKS URL;
		// jwt.WithKeySet and jws.WithKeySet verify with a set, and
		// WithVerifyAuto with the set at the token's own jku URL.
		remote := func(recv, name string) *Func {
			r := row(jwk, recv, name, RoleNone, f, none())
			r.RemoteKeys = true
			return r
		}
		ofRecv := func(name string) *Func {
			r := row(jwk, "Cache", name, RoleNone, f, none())
			r.KeysOfRecv = true
			return r
		}
		// A key set is also a key use: the inventory lists it as a
		// verification key that rotates by kid.
		keySet := func(pkg string) *Func {
			r := opt(pkg, "WithKeySet", OptKeySet, 0, "")
			r.Key, r.KeyUse = 0, SinkVerify
			return r
		}
		verifyAuto := func(pkg string) *Func {
			r := opt(pkg, "WithVerifyAuto", OptNone, -1, "")
			r.RemoteKeys = true
			return r
		}
		out = append(out,
			remote("", "Fetch"), remote("", "NewCache"),
			ofRecv("Get"), ofRecv("Lookup"), ofRecv("Refresh"), ofRecv("CachedSet"), ofRecv("LookupResource"),
			keySet(jwt), keySet(jws), verifyAuto(jwt), verifyAuto(jws),
		)
		cached := row(jwk, "", "NewCachedSet", RoleNone, f, none())
		cached.Option, cached.OptionArg = OptKeySet, 0
		out = append(out, cached)
		// Minting: a token from jwt.New or jwt.NewBuilder gets exp from
		// Builder.Expiration, Builder.Claim("exp", …) or Token.Set("exp",
		// …), and is signed by jwt.Sign, whose Claims column is the token.
		setsExp := func(recv, name string, arg int, when string) *Func {
			r := row(jwt, recv, name, RoleOption, f, with(none(), func(a *args) { a.OptionArg = arg }))
			r.Option, r.OptionWhen = OptSetsExpiry, when
			return r
		}
		out = append(out,
			row(jwt, "", "New", RoleNewToken, f, none()),
			row(jwt, "", "NewBuilder", RoleNewToken, f, none()),
			setsExp("Builder", "Expiration", -1, ""),
			setsExp("Builder", "Claim", 0, `"exp"`),
			setsExp("Token", "Set", 0, `"exp"`),
		)
	}
	return out
}

// jwxClaimsMethods are the methods of jwt.Token that read its claims.
var jwxClaimsMethods = []string{"Audience", "Expiration", "IssuedAt", "Issuer", "JwtID", "NotBefore", "Subject", "PrivateClaims", "Get", "AsMap"}

func jwxTypes() []*Type {
	var out []*Type
	for _, p := range jwxPackages {
		out = append(out, &Type{Pkg: p.root + "/jwt", Name: "Token", Role: TypeToken, Family: familyJWX, ClaimsMethods: jwxClaimsMethods, AudienceReads: []string{"Audience"}})
	}
	return out
}

func jwxVars() []*Var {
	var out []*Var
	for _, p := range jwxPackages {
		if p.algFuncs {
			continue
		}
		for name, alg := range jwxAlgs {
			out = append(out, &Var{Pkg: p.root + "/jwa", Name: name, Role: VarSigningMethod, Alg: alg, Family: familyJWX})
		}
	}
	return out
}
