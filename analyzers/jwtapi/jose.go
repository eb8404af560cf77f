package jwtapi

// The go-jose family: go-jose v4 and v3, gopkg.in/square/go-jose.v2 and its
// renamed copy gopkg.in/go-jose/go-jose.v2 (which auth0's validator uses).
// Signing goes through jose.NewSigner(jose.SigningKey{Algorithm, Key}),
// then jwt.Signed(signer).Claims(c).Serialize() (CompactSerialize before
// v4). Verification is two steps: jwt.ParseSigned decodes (v4 takes the
// accepted algorithms), then (*JSONWebToken).Claims(key, &dest) verifies
// and decodes; the claims' expiry is checked only by Claims.Validate or
// ValidateWithLeeway. The library has no "none" algorithm: a token that
// claims it cannot verify under any key.

const familyJose = "go-jose"

// josePackage is one go-jose generation: its root and jwt packages, and
// whether ParseSigned takes the accepted algorithms (v4).
type josePackage struct {
	root, jwt string
	algList   bool
}

var josePackages = []josePackage{
	{"github.com/go-jose/go-jose/v4", "github.com/go-jose/go-jose/v4/jwt", true},
	{"github.com/go-jose/go-jose/v3", "github.com/go-jose/go-jose/v3/jwt", false},
	{"gopkg.in/square/go-jose.v2", "gopkg.in/square/go-jose.v2/jwt", false},
	{"gopkg.in/go-jose/go-jose.v2", "gopkg.in/go-jose/go-jose.v2/jwt", false},
}

// joseAlgs are the JWS algorithm constants (type SignatureAlgorithm) every
// generation defines.
var joseAlgs = []string{
	"HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
	"ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA",
}

func joseFuncs() []*Func {
	var out []*Func
	f := familyJose
	for _, p := range josePackages {
		r, j := p.root, p.jwt
		// Signers: the key sits in the SigningKey literal (a Field row).
		out = append(out,
			row(r, "", "NewSigner", RoleNewSigner, f, none()),
			row(r, "", "NewMultiSigner", RoleNewSigner, f, none()),
		)
		// Verification of a decoded token (the receiver) with a key given
		// directly. The JWS payload is raw bytes, so only the jwt
		// package's Claims yields claims the rules can follow.
		recvToken := func(fn *Func) *Func { fn.TokenFromRecv = true; return fn }
		claims := recvToken(row(j, "JSONWebToken", "Claims", RoleVerify, f, with(none(), func(a *args) { a.Key = 0; a.Claims = 1 })))
		claims.NoExpiryCheck = true
		out = append(out,
			recvToken(row(r, "JSONWebSignature", "Verify", RoleVerify, f, with(none(), func(a *args) { a.Key = 0 }))),
			recvToken(row(r, "JSONWebSignature", "VerifyMulti", RoleVerify, f, with(none(), func(a *args) { a.Key = 0 }))),
			recvToken(row(r, "JSONWebSignature", "DetachedVerify", RoleVerify, f, with(none(), func(a *args) { a.Key = 1 }))),
			recvToken(row(r, "JSONWebSignature", "DetachedVerifyMulti", RoleVerify, f, with(none(), func(a *args) { a.Key = 1 }))),
			recvToken(row(r, "JSONWebSignature", "UnsafePayloadWithoutVerification", RoleParseUnverified, f, none())),
			claims,
			recvToken(row(j, "JSONWebToken", "UnsafeClaimsWithoutVerification", RoleParseUnverified, f, with(none(), func(a *args) { a.Claims = 0 }))),
		)
		// Minting: jwt.Signed(signer).Claims(c).Serialize(). Claims given
		// to the builder are the token's (calls chain and merge).
		builderClaims := row(j, "Builder", "Claims", RoleSign, f, with(none(), func(a *args) { a.Claims = 0 }))
		builderClaims.ClaimsMerge = true
		out = append(out, builderClaims)
		// The builder's compact or JSON form is the token (Serialize in
		// v4, CompactSerialize and FullSerialize before; nested builders
		// too).
		for _, b := range []string{"Builder", "NestedBuilder"} {
			for _, s := range []string{"Serialize", "CompactSerialize", "FullSerialize"} {
				out = append(out, tokenOut(row(j, b, s, RoleSerialize, f, none()), 1))
			}
		}
		// Claims validation: the only place go-jose checks exp.
		leeway := row(j, "Claims", "ValidateWithLeeway", RoleValidateClaims, f, with(none(), func(a *args) { a.OptionArg = 1 }))
		leeway.Option = OptLeeway
		out = append(out,
			row(j, "Claims", "Validate", RoleValidateClaims, f, none()),
			leeway,
		)
		// Decoding: v4 takes the accepted algorithms as an allow-list.
		for _, d := range []struct{ pkg, name string }{{r, "ParseSigned"}, {r, "ParseSignedCompact"}, {r, "ParseSignedJSON"}, {j, "ParseSigned"}} {
			dr := row(d.pkg, "", d.name, RoleDecode, f, with(none(), func(a *args) { a.Token = 0 }))
			if p.algList {
				dr.Option, dr.OptionArg = OptValidMethods, 1
			}
			out = append(out, dr)
		}
	}
	return out
}

func joseVars() []*Var {
	var out []*Var
	for _, p := range josePackages {
		for _, alg := range joseAlgs {
			out = append(out, &Var{Pkg: p.root, Name: alg, Role: VarSigningMethod, Alg: alg, Family: familyJose})
		}
	}
	return out
}

func joseTypes() []*Type {
	var out []*Type
	for _, p := range josePackages {
		out = append(out,
			&Type{Pkg: p.jwt, Name: "Claims", Role: TypeRegistered, Family: familyJose, ExpiryField: "Expiry", AudienceReads: []string{"Audience"}},
		)
	}
	return out
}

func joseFields() []*Field {
	var out []*Field
	for _, p := range josePackages {
		out = append(out,
			&Field{Pkg: p.root, Type: "SigningKey", Name: "Key", Key: true, AlgField: "Algorithm"},
			&Field{Pkg: p.root, Type: "JSONWebKey", Name: "Key", Key: true, AlgField: "Algorithm"},
			// The audience a Claims.Validate call expects (AnyAudience
			// from v4 on).
			&Field{Pkg: p.jwt, Type: "Expected", Name: "Audience", Option: OptAudience},
			&Field{Pkg: p.jwt, Type: "Expected", Name: "AnyAudience", Option: OptAudience},
		)
	}
	return out
}
