// Package algevents holds one of each allow-list and use of the none
// algorithm that jwtapi turns into events.
package algevents

import (
	jwtv4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte("0123456789abcdef0123456789abcdef")

func keyfunc(*jwt.Token) (any, error) { return secret, nil }

func parserOption() jwt.ParserOption { return jwt.WithIssuer("me") }

func optionLists(raw, extra string) {
	_, _ = jwt.Parse(raw, keyfunc, jwt.WithValidMethods([]string{"HS256", "none"})) // want `allow-list jwt.WithValidMethods: HS256 none` `none allowed api=jwt.WithValidMethods` `options of jwt.Parse: 1 allow-list\(s\), constant algs \[HS256 none\], mixes HMAC false, complete true`

	opts := []jwt.ParserOption{jwt.WithValidMethods([]string{"HS256", "RS256"}), jwt.WithLeeway(0)} // want `allow-list jwt.WithValidMethods: HS256 RS256`
	_, _ = jwt.Parse(raw, keyfunc, opts...)                                                         // want `options of jwt.Parse: 1 allow-list\(s\), constant algs \[HS256 RS256\], mixes HMAC true, complete true`

	algs := []string{"HS256"}
	algs = append(algs, jwt.SigningMethodHS384.Alg(), extra)
	_, _ = jwt.Parse(raw, keyfunc, jwt.WithValidMethods(algs), parserOption()) // want `allow-list jwt.WithValidMethods: HS256 HS384 \?` `options of jwt.Parse: 1 allow-list\(s\), constant algs \[\], mixes HMAC false, complete false`
}

func fieldLists() {
	_ = &jwtv4.Parser{ValidMethods: []string{"none", "RS256"}} // want `allow-list jwt.Parser.ValidMethods: none RS256` `none allowed api=jwt.Parser.ValidMethods`

	p := &jwtv4.Parser{}
	p.ValidMethods = []string{"ES256"} // want `allow-list jwt.Parser.ValidMethods: ES256`
}

func signing(alg string) {
	_ = jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{}) // want `none new-token api=jwt.NewWithClaims`

	_, _ = jwt.SigningMethodNone.Sign("a.b", jwt.UnsafeAllowNoneSignatureType) // want `none method-sign api=jwt.SigningMethodNone.Sign`

	tok := &jwt.Token{
		Header: map[string]any{"alg": "none"},
		Method: jwt.SigningMethodNone, // want `none token-method api=jwt.Token.SignedString`
	}
	_, _ = tok.SignedString(jwt.UnsafeAllowNoneSignatureType)

	// The algorithm is not known here: the none key is the finding.
	_, _ = jwt.New(jwt.GetSigningMethod(alg)).SignedString(jwt.UnsafeAllowNoneSignatureType) // want `none key-sign api=jwt.Token.SignedString key=jwt.UnsafeAllowNoneSignatureType`

	// A known algorithm that is not none: the call fails at run time.
	_, _ = jwt.New(jwt.SigningMethodHS256).SignedString(jwt.UnsafeAllowNoneSignatureType)
}

func noneKeys(raw string, k any) {
	_, _ = jwt.Parse(raw, func(*jwt.Token) (any, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `none key-returned key=jwt.UnsafeAllowNoneSignatureType`
	})

	var held any = any(jwt.UnsafeAllowNoneSignatureType) // want `none key-used key=jwt.UnsafeAllowNoneSignatureType`
	_ = held

	// Comparing with the none key uses no none.
	if k == jwt.UnsafeAllowNoneSignatureType {
		return
	}
}
