package jwtapi

// MicahParks/keyfunc: keyfuncs for golang-jwt v5 whose keys come from JWK
// sets. v3 builds a Keyfunc (an interface) over a jwkset.Storage:
// keyfunc.NewDefault(urls) and its Ctx and Override variants fetch and
// refresh the sets at those URLs; keyfunc.New(Options{Storage: s}) takes
// the storage as given (jwkset.NewDefaultHTTPClient fetches, a memory
// storage holds the program's own keys); NewJWKJSON and NewJWKSetJSON hold
// the keys of a JSON document. v2 fetches with keyfunc.Get(url, options)
// and keyfunc.GetMultiple; keyfunc.NewJSON and NewGiven hold given keys.
// Either way the parse calls the Keyfunc method (a method value passed to
// jwt.Parse) or the jwt.Keyfunc that KeyfuncCtx returns, and golang-jwt's
// own options decide which claims are checked.

const familyKeyfunc = "keyfunc"

const (
	keyfuncV3Pkg = "github.com/MicahParks/keyfunc/v3"
	keyfuncV2Pkg = "github.com/MicahParks/keyfunc/v2"
	jwksetPkg    = "github.com/MicahParks/jwkset"
)

func keyfuncFuncs() []*Func {
	f := familyKeyfunc
	remote := func(pkg, recv, name string) *Func {
		r := row(pkg, recv, name, RoleNone, f, none())
		r.RemoteKeys = true
		return r
	}
	// The Keyfunc method (and KeyfuncCtx's result) verifies with the
	// keys of its receiver.
	ofRecv := func(pkg, recv, name string) *Func {
		r := row(pkg, recv, name, RoleNone, f, none())
		r.KeysOfRecv = true
		return r
	}
	return []*Func{
		remote(keyfuncV3Pkg, "", "NewDefault"),
		remote(keyfuncV3Pkg, "", "NewDefaultCtx"),
		remote(keyfuncV3Pkg, "", "NewDefaultOverrideCtx"),
		// New's keys are those of its Options.Storage.
		func() *Func {
			r := row(keyfuncV3Pkg, "", "New", RoleNone, f, none())
			r.Option, r.OptionArg = OptKeySet, 0
			return r
		}(),
		ofRecv(keyfuncV3Pkg, "Keyfunc", "Keyfunc"),
		ofRecv(keyfuncV3Pkg, "Keyfunc", "KeyfuncCtx"),
		ofRecv(keyfuncV3Pkg, "Keyfunc", "VerificationKeySet"),

		remote(jwksetPkg, "", "NewDefaultHTTPClient"),
		remote(jwksetPkg, "", "NewDefaultHTTPClientCtx"),
		remote(jwksetPkg, "", "NewStorageFromHTTP"),

		remote(keyfuncV2Pkg, "", "Get"),
		remote(keyfuncV2Pkg, "", "GetMultiple"),
		ofRecv(keyfuncV2Pkg, "JWKS", "Keyfunc"),
		ofRecv(keyfuncV2Pkg, "MultipleJWKS", "Keyfunc"),
	}
}
