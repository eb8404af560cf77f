// Package app exercises cross-package facts with golang-jwt v5: keyfuncs
// of the keys helper package that pin the algorithm or not, a local keyfunc
// that delegates the method check to a helper (or only logs), keys of mixed
// types, parsers with and without WithValidMethods, and the wrappers of the
// authsvc package (token, claims, and an unverified decode).
package app

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/fixtures/unverified/v5/authsvc"
	"jwtvet.test/fixtures/unverified/v5/keys"
)

var (
	jwks       = keys.NewJWKS()
	svc        = authsvc.New([]byte(os.Getenv("JWT_SECRET")))
	parser     = jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}))
	rsaPub     *rsa.PublicKey
	hmacSecret = []byte(os.Getenv("LEGACY_SECRET"))
)

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func JWKSHandler(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.Parse(bearer(r), jwks.Keyfunc) // want `jwt.Parse does not pin the signing algorithm: its keyfunc returns an interface\{\} key .* add jwt.WithValidMethods\(\[\]string\{"RS256"\}\)`
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, tok.Claims)
}

func StrictHandler(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.Parse(bearer(r), jwks.StrictKeyfunc)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, tok.Claims)
}

func PinnedOptions(w http.ResponseWriter, r *http.Request) {
	if tok, err := jwt.Parse(bearer(r), jwks.Keyfunc, jwt.WithValidMethods([]string{"RS256"})); err == nil {
		fmt.Fprintln(w, tok.Claims)
	}
}

func ParserPinned(w http.ResponseWriter, r *http.Request) {
	if tok, err := parser.Parse(bearer(r), jwks.Keyfunc); err == nil {
		fmt.Fprintln(w, tok.Claims)
	}
}

func ParserUnpinned(w http.ResponseWriter, r *http.Request) {
	p := jwt.NewParser(jwt.WithLeeway(time.Minute))
	tok, err := p.Parse(bearer(r), jwks.Keyfunc) // want `\(\*jwt.Parser\).Parse does not pin the signing algorithm`
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, tok.Claims)
}

func HelperCheck(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.Parse(bearer(r), func(t *jwt.Token) (interface{}, error) {
		if err := keys.CheckMethod(t); err != nil {
			return nil, err
		}
		kid, _ := t.Header["kid"].(string)
		return jwks.Lookup(kid)
	})
	if err == nil && tok.Valid {
		fmt.Fprintln(w, tok.Claims)
	}
}

func LoggedOnly(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.Parse(bearer(r), func(t *jwt.Token) (interface{}, error) { // want `jwt.Parse does not pin the signing algorithm: its keyfunc returns an interface\{\} key`
		keys.LogToken(t)
		kid, _ := t.Header["kid"].(string)
		return jwks.Lookup(kid)
	})
	if err == nil {
		fmt.Fprintln(w, tok.Claims)
	}
}

func PEMHandler(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.Parse(bearer(r), keys.PEMKeyfunc) // want `jwt.Parse does not pin the signing algorithm: its keyfunc returns a PEM public key as \[\]byte`
	if err == nil {
		fmt.Fprintln(w, tok.Claims)
	}
}

func RSAHandler(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.Parse(bearer(r), keys.RSAKeyfunc)
	if err == nil {
		fmt.Fprintln(w, tok.Claims)
	}
}

func HMACFactory(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.Parse(bearer(r), keys.PinnedHMAC(hmacSecret))
	if err == nil {
		fmt.Fprintln(w, tok.Claims)
	}
}

// MixedHandler picks an HMAC secret or an RSA key by kid.
func MixedHandler(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.Parse(bearer(r), func(t *jwt.Token) (interface{}, error) { // want `jwt.Parse does not pin the signing algorithm: its keyfunc returns keys of different types`
		if t.Header["kid"] == "legacy" {
			return hmacSecret, nil
		}
		return rsaPub, nil
	})
	if err == nil {
		fmt.Fprintln(w, tok.Claims)
	}
}

var ecPub *ecdsa.PublicKey

// TypedByKid picks an RSA or an ECDSA key by kid: typed keys only verify
// under their own family.
func TypedByKid(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.Parse(bearer(r), func(t *jwt.Token) (interface{}, error) {
		if t.Header["kid"] == "ec" {
			return ecPub, nil
		}
		return rsaPub, nil
	})
	if err == nil {
		fmt.Fprintln(w, tok.Claims)
	}
}

func Profile(w http.ResponseWriter, r *http.Request) {
	tok, err := svc.Parse(bearer(r))
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, tok.Claims)
}

func ProfileDiscarded(w http.ResponseWriter, r *http.Request) {
	tok, _ := svc.Parse(bearer(r)) // want `error of \(\*authsvc.Service\).Parse \(jwt.Parse\) is discarded but its claims are used`
	fmt.Fprintln(w, tok.Claims)
}

func Admin(w http.ResponseWriter, r *http.Request) {
	c, err := svc.Claims(bearer(r)) // want `error of \(\*authsvc.Service\).Claims \(jwt.ParseWithClaims\) is only tested for jwt.ErrTokenExpired`
	if errors.Is(err, jwt.ErrTokenExpired) {
		http.Error(w, "session expired", http.StatusUnauthorized)
		return
	}
	if c.Role != "admin" {
		w.WriteHeader(http.StatusForbidden)
	}
}

func AdminChecked(w http.ResponseWriter, r *http.Request) {
	c, err := svc.Claims(bearer(r))
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, c.Role)
}

func AdminVerified(w http.ResponseWriter, r *http.Request) {
	c, _ := svc.Verified(bearer(r))
	if c == nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, c.Role)
}

func Peek(w http.ResponseWriter, r *http.Request) {
	claims, _ := authsvc.Decode(bearer(r)) // want `claims of authsvc.Decode \(\(\*jwt.Parser\).ParseUnverified\) are used but the token's signature is never verified`
	fmt.Fprintln(w, claims["sub"])
}

// PeekThenVerify reads the issuer first, then verifies the same string.
func PeekThenVerify(w http.ResponseWriter, r *http.Request) {
	raw := bearer(r)
	claims, err := authsvc.Decode(raw)
	if err != nil {
		return
	}
	if iss, _ := claims["iss"].(string); iss != "https://issuer.example" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	tok, err := svc.Parse(raw)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, tok.Claims)
}
