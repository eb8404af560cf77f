package jwtapi

// github.com/go-chi/jwtauth/v5, over jwx v2. New(alg, signKey, verifyKey)
// binds one algorithm and its keys (verifyKey nil: signKey verifies too),
// so the algorithm is pinned. Encode(claims) mints the map as given: no
// exp unless the caller sets one (SetExpiry, SetExpiryIn). Verifier and
// VerifyToken verify, then validate exp when present; Decode verifies
// without validating any claim.

const familyJWTAuth = "jwtauth"

const jwtauthPkg = "github.com/go-chi/jwtauth/v5"

func jwtauthFuncs() []*Func {
	p, f := jwtauthPkg, familyJWTAuth
	newAuth := row(p, "", "New", RoleNewSigner, f, with(none(), func(a *args) { a.Method = 0; a.Key = 1; a.Options = 3 }))
	newAuth.VerifyKeys = []int{2}
	decode := row(p, "JWTAuth", "Decode", RoleParse, f, with(none(), func(a *args) { a.Token = 0 }))
	decode.NoExpiryCheck = true
	// SetExpiry(claims, t) and SetExpiryIn(claims, d) put exp in the map.
	setsExp := func(name string) *Func {
		r := row(p, "", name, RoleOption, f, with(none(), func(a *args) { a.Claims = 0 }))
		r.Option = OptSetsExpiry
		return r
	}
	encode := row(p, "JWTAuth", "Encode", RoleSign, f, with(none(), func(a *args) { a.Claims = 0 }))
	encode.TokenResult = 2 // (jwt.Token, tokenString string, error)
	return []*Func{
		newAuth,
		encode,
		decode,
		setsExp("SetExpiry"), setsExp("SetExpiryIn"),
		row(p, "", "VerifyToken", RoleParse, f, with(none(), func(a *args) { a.Token = 1 })),
		row(p, "", "VerifyRequest", RoleParse, f, none()),
		row(p, "", "Verifier", RoleMiddleware, f, none()),
		row(p, "", "Verify", RoleMiddleware, f, none()),
	}
}
