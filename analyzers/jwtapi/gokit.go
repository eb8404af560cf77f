package jwtapi

// github.com/go-kit/kit/auth/jwt: endpoint middlewares over golang-jwt v4.
// NewSigner(kid, key, method, claims) signs the given claims on every call
// (the claims are fixed when the middleware is built); NewParser(keyFunc,
// method, newClaims) parses with a keyfunc wrapped in a check that the
// token's method is the given one, so the algorithm is pinned. The keyfunc
// is golang-jwt's, found by its signature.

const familyGoKit = "go-kit"

const goKitPkg = "github.com/go-kit/kit/auth/jwt"

func goKitFuncs() []*Func {
	p, f := goKitPkg, familyGoKit
	return []*Func{
		row(p, "", "NewSigner", RoleNewSigner, f, with(none(), func(a *args) { a.Key = 1; a.Method = 2; a.Claims = 3 })),
		row(p, "", "NewParser", RoleNewVerifier, f, with(none(), func(a *args) { a.Keyfunc = 0; a.Method = 1 })),
	}
}
