package jwtapi

// zitadel/oidc v3: an OpenID Connect library with a relying party (rp) and
// a provider (op) side. rp.NewRemoteKeySet fetches the keys of a JWKS URL;
// any oidc.KeySet can be given instead (the provider's own keys,
// op.OpenIDKeySet). rp.NewIDTokenVerifier(issuer, clientID, keySet, opts...)
// builds the verifier rp.VerifyIDToken and rp.VerifyTokens use: they check
// the issuer, the audience (it must contain clientID, so an empty client ID
// fails every token), the signature and the expiry, and no option switches
// one of these off. op.NewAccessTokenVerifier(issuer, keySet, opts...) has
// no client ID: op.VerifyAccessToken checks the issuer, the signature and
// the expiry, never the audience, so with a shared provider's keys the
// program must compare the claims' audience itself. The verified claims
// embed oidc.TokenClaims, whose Audience field (and GetAudience) is the
// audience claim.

const familyZitadel = "zitadel-oidc"

const (
	zitadelRPPkg   = "github.com/zitadel/oidc/v3/pkg/client/rp"
	zitadelOPPkg   = "github.com/zitadel/oidc/v3/pkg/op"
	zitadelOIDCPkg = "github.com/zitadel/oidc/v3/pkg/oidc"
)

func zitadelFuncs() []*Func {
	f := familyZitadel
	// A verifier built over the key set argument keySet, options from opts.
	verifier := func(pkg, name string, keySet, opts int) *Func {
		r := row(pkg, "", name, RoleNewVerifier, f, with(none(), func(a *args) { a.Options = opts }))
		r.Option, r.OptionArg = OptKeySet, keySet
		return r
	}
	// A verification of the token argument with the verifier argument v,
	// whose keys are the verification's. It returns the claims and an
	// error, and zero claims on failure.
	verify := func(pkg, name string, token, v int) *Func {
		r := row(pkg, "", name, RoleParse, f, with(none(), func(a *args) { a.Token = token }))
		r.Option, r.OptionArg = OptKeySet, v
		return r
	}
	remote := row(zitadelRPPkg, "", "NewRemoteKeySet", RoleNone, f, none())
	remote.RemoteKeys = true
	access := verify(zitadelOPPkg, "VerifyAccessToken", 1, 2)
	access.AudienceUnchecked = true
	return []*Func{
		remote,
		verifier(zitadelRPPkg, "NewIDTokenVerifier", 2, 3),
		verify(zitadelRPPkg, "VerifyIDToken", 1, 2),
		// VerifyTokens verifies the ID token (argument 2) and checks the
		// access token against its at_hash.
		verify(zitadelRPPkg, "VerifyTokens", 2, 3),
		verifier(zitadelOPPkg, "NewAccessTokenVerifier", 1, 2),
		access,
	}
}

// zitadelTypes: the claims every verified token embeds, and what reads its
// audience.
func zitadelTypes() []*Type {
	return []*Type{
		{Pkg: zitadelOIDCPkg, Name: "TokenClaims", Family: familyZitadel, AudienceReads: []string{"Audience", "GetAudience"}},
	}
}
