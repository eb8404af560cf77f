package jwtapi

// coreos/go-oidc v3: an OpenID Connect relying party. A Provider comes
// from the issuer's discovery document; (*Provider).Verifier builds an
// IDTokenVerifier whose keys are the provider's JWKS, fetched at run time.
// oidc.NewVerifier takes the key set as an argument: oidc.NewRemoteKeySet
// fetches one from a JWKS URL, oidc.StaticKeySet holds the program's own
// public keys. (*IDTokenVerifier).Verify checks the signature (unless
// Config.InsecureSkipSignatureCheck), the issuer, the audience against
// Config.ClientID (unless Config.SkipClientIDCheck; an empty ClientID
// without the skip fails every verification) and the expiry (unless
// Config.SkipExpiryCheck), and returns no token on failure. The verified
// token's audience is IDToken.Audience.

const (
	familyOIDC = "go-oidc"
	oidcPkg    = "github.com/coreos/go-oidc/v3/oidc"
)

func oidcFuncs() []*Func {
	f := familyOIDC
	remote := func(r *Func) *Func { r.RemoteKeys = true; return r }
	// The verifier's config is its Options argument (a *Config).
	verifier := func(recv, name string, config int) *Func {
		return row(oidcPkg, recv, name, RoleNewVerifier, f, with(none(), func(a *args) { a.Options = config }))
	}
	newVerifier := verifier("", "NewVerifier", 2)
	newVerifier.Option, newVerifier.OptionArg = OptKeySet, 1
	return []*Func{
		remote(row(oidcPkg, "", "NewRemoteKeySet", RoleNone, f, none())),
		remote(verifier("Provider", "Verifier", 0)),
		remote(verifier("Provider", "VerifierContext", 1)),
		newVerifier,
		// Verification by a verifier built earlier (the receiver). The
		// role stays none: the token it returns is nil on failure, and
		// the claims are read through IDToken.Claims.
		row(oidcPkg, "IDTokenVerifier", "Verify", RoleNone, f, with(none(), func(a *args) { a.Token = 1 })),
	}
}

// remoteKeySetTypes are the types whose values always hold keys from a
// remote key set: a go-oidc Provider comes from a discovery document and a
// RemoteKeySet from a JWKS URL, a jwx jwk.Cache fetches the URLs
// registered with it, and auth0's providers fetch the issuer's JWKS.
func remoteKeySetTypes() []*Type {
	out := []*Type{
		{Pkg: oidcPkg, Name: "Provider", Family: familyOIDC, RemoteKeySet: true},
		{Pkg: oidcPkg, Name: "RemoteKeySet", Family: familyOIDC, RemoteKeySet: true},
		{Pkg: auth0JWKSPkg, Name: "Provider", Family: familyAuth0, RemoteKeySet: true},
		{Pkg: auth0JWKSPkg, Name: "CachingProvider", Family: familyAuth0, RemoteKeySet: true},
	}
	for _, p := range jwxPackages {
		out = append(out, &Type{Pkg: p.root + "/jwk", Name: "Cache", Family: familyJWX, RemoteKeySet: true})
	}
	return out
}

func oidcFields() []*Field {
	return []*Field{
		{Pkg: oidcPkg, Type: "Config", Name: "InsecureSkipSignatureCheck", Option: OptSkipVerify},
		{Pkg: oidcPkg, Type: "Config", Name: "SkipExpiryCheck", Option: OptSkipClaims},
		{Pkg: oidcPkg, Type: "Config", Name: "SkipClientIDCheck", Option: OptSkipAudience},
		{Pkg: oidcPkg, Type: "Config", Name: "ClientID", Option: OptAudience},
		{Pkg: oidcPkg, Type: "Config", Name: "SupportedSigningAlgs", Option: OptValidMethods},
		{Pkg: oidcPkg, Type: "IDToken", Name: "Audience", AudienceClaim: true},
	}
}
