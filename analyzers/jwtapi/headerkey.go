package jwtapi

// Keys a token carries in its own header. RFC 7515 lets a JWS name its
// verification key inside the header: the key itself ("jwk"), or a URL to
// fetch it from ("jku" for a key set, "x5u" for a certificate). Whoever
// writes the token writes the header, so a key taken from there verifies
// any token its author signs, unless it is matched against keys the
// program trusts. The libraries expose these parameters as:
//
//   - go-jose (all generations): Header.JSONWebKey, the parsed "jwk";
//     ParseSigned only checks that it is a valid public key.
//   - jwx v2 and v3: the jws.Headers methods JWK, JWKSetURL and X509URL.
//     (jws.WithVerifyAuto fetches "jku" itself, and refuses every URL
//     unless a whitelist is given, so it needs no row.)
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
	}
	return out
}

func headerKeyFields() []*Field {
	var out []*Field
	for _, p := range josePackages {
		out = append(out, &Field{Pkg: p.root, Type: "Header", Name: "JSONWebKey", FromTokenHeader: true})
	}
	return out
}
