// Package verifyevents holds one of each verify event the index hands the
// rules: parses with their keyfuncs and options, decodes, verifications of
// a decoded token, and the variables their results are bound to.
package verifyevents

import (
	"errors"

	jose "github.com/go-jose/go-jose/v4"
	josejwt "github.com/go-jose/go-jose/v4/jwt"
	"github.com/golang-jwt/jwt/v5"
)

var secret []byte

var keySet map[string]interface{}

func keyfunc(t *jwt.Token) (any, error) { return secret, nil }

func pinnedKeyfunc(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, errors.New("unexpected method")
	}
	return secret, nil
}

func byKid(t *jwt.Token) (any, error) {
	kid, _ := t.Header["kid"].(string)
	return keySet[kid], nil
}

func withOption(raw string) (string, error) {
	tok, err := jwt.Parse(raw, keyfunc, jwt.WithValidMethods([]string{"HS256"})) // want `parse jwt.Parse verified token=raw keyfunc=keyfunc\(no pin, key secret\) of=keyfunc pinned=true/true bound tok=tok err=err claims=- allow=\[HS256\]`
	if err != nil {
		return "", err
	}
	return tok.Claims.GetSubject()
}

func intoClaims(raw string) (string, error) {
	var claims jwt.RegisteredClaims
	_, err := jwt.ParseWithClaims(raw, &claims, pinnedKeyfunc) // want `parse jwt.ParseWithClaims verified token=raw keyfunc=keyfunc\(pins\) of=pinnedKeyfunc pinned=false/true bound tok=- err=err claims=claims allow=\[\]`
	if err != nil {
		return "", err
	}
	return claims.Subject, nil
}

func byParser(raw string) string {
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}))
	tok, _ := parser.Parse(raw, byKid) // want `parse \(\*jwt.Parser\).Parse verified token=raw keyfunc=keyfunc\(no pin, key any\) of=byKid pinned=true/true bound tok=tok err=_ claims=- allow=\[\]`
	sub, _ := tok.Claims.GetSubject()
	return sub
}

func peek(raw string) string {
	var claims jwt.MapClaims
	jwt.NewParser().ParseUnverified(raw, claims) // want `unverified \(\*jwt.Parser\).ParseUnverified unverified token=raw keyfunc=- pinned=false/true bound tok=- err=dropped claims=claims allow=\[\]`
	return ""
}

var parsedAtInit, _ = jwt.Parse("", keyfunc) // want `parse jwt.Parse verified token="" keyfunc=keyfunc\(no pin, key secret\) of=keyfunc pinned=false/true unbound`

func keyFuncFor(key []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		if t.Method != jwt.SigningMethodHS256 {
			return nil, errors.New("unexpected method")
		}
		return key, nil
	}
}

var chosen = keyfunc

func fromFactory(raw string) error {
	_, err := jwt.Parse(raw, keyFuncFor(secret)) // want `parse jwt.Parse verified token=raw keyfunc=keyfunc\(pins\) of=literal@65 via keyFuncFor pinned=false/true`
	return err
}

func fromVariable(raw string) error {
	_, err := jwt.Parse(raw, chosen) // want `parse jwt.Parse verified token=raw keyfunc=keyfunc\(no pin, key secret\) of=keyfunc pinned=false/true`
	return err
}

func decodeThenVerify(raw, kid string) (string, error) {
	tok, err := josejwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256, jose.HS256})
	if err != nil {
		return "", err
	}
	var peeked josejwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&peeked); err != nil { // want `unverified \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification unverified token=tok keyfunc=- pinned=false/false bound tok=- err=err claims=peeked allow=\[\]`
		return "", err
	}
	var c josejwt.Claims
	if err := tok.Claims(keySet[kid], &c); err != nil { // want `decoded \(\*jwt.JSONWebToken\).Claims verified token=tok keyfunc=- pinned=false/false bound tok=- err=err claims=c allow=\[\] decode-allow=jwt.ParseSigned\[RS256 HS256\] key=any`
		return "", err
	}
	return c.Subject, nil
}
