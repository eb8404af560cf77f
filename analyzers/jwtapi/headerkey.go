package jwtapi

import "go/types"

// Keys a token carries in its own header. RFC 7515 lets a JWS name its
// verification key inside the header: the key itself ("jwk"), or a URL to
// fetch it from ("jku" for a key set, "x5u" for a certificate). Whoever
// writes the token writes the header, so a key taken from there verifies
// any token its author signs, unless it is matched against keys the
// program trusts. The libraries expose these parameters as:
//
//   - go-jose (all generations): Header.JSONWebKey, the parsed "jwk";
//     ParseSigned only checks that it is a valid public key.
//   - jwx v2 and v3: the jws.Headers methods JWK, JWKSetURL and X509URL,
//     and jws.WithVerifyAuto, which verifies with the key set fetched from
//     the token's "jku". It refuses every URL unless its fetch options
//     carry a whitelist; jwk.InsecureWhitelist allows every URL.
//   - golang-jwt: the Token.Header map (the Type row's HeaderField), read
//     by the parameter names below.

// KeyHeaderParams are the JOSE header parameters that carry a key or the
// URL of one.
var KeyHeaderParams = []string{"jwk", "jku", "x5u"}

// IsKeyHeaderParam reports whether name is one of KeyHeaderParams.
func IsKeyHeaderParam(name string) bool {
	for _, p := range KeyHeaderParams {
		if p == name {
			return true
		}
	}
	return false
}

func headerKeyFuncs() []*Func {
	var out []*Func
	for _, p := range jwxPackages {
		for _, name := range []string{"JWK", "JWKSetURL", "X509URL"} {
			r := row(p.root+"/jws", "Headers", name, RoleNone, familyJWX, none())
			r.FromTokenHeader = true
			out = append(out, r)
		}
		// WithVerifyAuto(fetcher, fetchOptions...): the fetch options hold
		// the URL whitelist.
		auto := row(p.root+"/jws", "", "WithVerifyAuto", RoleOption, familyJWX, with(none(), func(a *args) { a.Options = 1 }))
		auto.FromTokenHeader = true
		white := row(p.root+"/jwk", "", "WithFetchWhitelist", RoleOption, familyJWX, with(none(), func(a *args) { a.OptionArg = 0 }))
		white.Option = OptOther
		out = append(out, auto, white)
	}
	return out
}

// allowAnyURL are the whitelist types that allow every URL.
var allowAnyURL = func() map[modelKey]bool {
	m := map[modelKey]bool{}
	for _, p := range jwxPackages {
		m[key(p.root+"/jwk", "", "InsecureWhitelist")] = true
	}
	return m
}()

// AllowsAnyURL reports whether t is a URL whitelist type that allows every
// URL (jwx jwk.InsecureWhitelist).
func (m *Model) AllowsAnyURL(t types.Type) bool {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return false
	}
	return allowAnyURL[key(n.Obj().Pkg().Path(), "", n.Obj().Name())]
}

func headerKeyFields() []*Field {
	var out []*Field
	for _, p := range josePackages {
		out = append(out, &Field{Pkg: p.root, Type: "Header", Name: "JSONWebKey", FromTokenHeader: true})
	}
	return out
}
