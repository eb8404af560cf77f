// Package peek exercises ParseUnverified on golang-jwt v5. Reading only
// the header, and peeking at the kid or issuer before verifying the same
// token string (inline, through a local helper, through the token's Raw
// field, or through a verifier behind an interface) stay silent; using
// the decoded claims without a verification of that string is reported.
package peek

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

var keysByIssuer = map[string][]byte{}

func keyFor(iss string) jwt.Keyfunc {
	return func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errors.New("unexpected method")
		}
		k, ok := keysByIssuer[iss]
		if !ok {
			return nil, errors.New("unknown issuer")
		}
		return k, nil
	}
}

// KidOf reads the key id from the header only.
func KidOf(raw string) string {
	tok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return ""
	}
	kid, _ := tok.Header["kid"].(string)
	return kid
}

// MultiTenant peeks at the issuer to pick the key, then verifies.
func MultiTenant(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	unverified, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	iss, _ := unverified.Claims.GetIssuer()
	tok, err := jwt.Parse(raw, keyFor(iss))
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, tok.Claims)
}

// ViaRaw verifies the token's Raw field.
func ViaRaw(w http.ResponseWriter, r *http.Request) {
	p := jwt.NewParser()
	claims := jwt.MapClaims{}
	tok, _, err := p.ParseUnverified(r.Header.Get("X-Token"), claims)
	if err != nil {
		return
	}
	iss, _ := claims["iss"].(string)
	if _, err := jwt.Parse(tok.Raw, keyFor(iss)); err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, claims["sub"])
}

// issuerOf is the peek split into a helper; every caller verifies.
func issuerOf(raw string) string {
	tok, _, err := new(jwt.Parser).ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return ""
	}
	iss, _ := tok.Claims.GetIssuer()
	return iss
}

// Tenant verifies after asking issuerOf.
func Tenant(w http.ResponseWriter, r *http.Request) {
	raw := r.Header.Get("X-Token")
	tok, err := jwt.Parse(raw, keyFor(issuerOf(raw)))
	if err != nil || !tok.Valid {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, tok.Claims)
}

// UserID trusts the subject of an unverified token.
func UserID(raw string) (string, error) {
	tok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // want `claims of \(\*jwt.Parser\).ParseUnverified are used but the token's signature is never verified`
	if err != nil {
		return "", err
	}
	claims := tok.Claims.(jwt.MapClaims)
	sub, _ := claims["sub"].(string)
	return sub, nil
}

// WrongString verifies a different token than the one it decoded.
func WrongString(w http.ResponseWriter, r *http.Request) {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(r.Header.Get("X-Id-Token"), claims); err != nil { // want `claims of \(\*jwt.Parser\).ParseUnverified are used`
		return
	}
	if _, err := jwt.Parse(r.Header.Get("X-Access-Token"), keyFor("")); err != nil {
		return
	}
	fmt.Fprintln(w, claims["email"])
}

// roleOf is an unexported helper whose caller never verifies.
func roleOf(raw string) string {
	var claims jwt.MapClaims
	if _, _, err := new(jwt.Parser).ParseUnverified(raw, &claims); err != nil { // want `claims of \(\*jwt.Parser\).ParseUnverified are used`
		return ""
	}
	role, _ := claims["role"].(string)
	return role
}

// AdminOnly authorises on the unverified role.
func AdminOnly(w http.ResponseWriter, r *http.Request) {
	if roleOf(r.Header.Get("X-Token")) != "admin" {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.Write([]byte("ok"))
}

// Verifier verifies the tokens of one issuer (an OIDC client, say).
type Verifier interface {
	Verify(raw string) (map[string]any, error)
}

var verifiers = map[string]Verifier{}

// OIDC peeks at the issuer and hands the same string to that issuer's
// verifier, which this analysis cannot see into.
func OIDC(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	tok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	iss, _ := tok.Claims.GetIssuer()
	v, ok := verifiers[iss]
	if !ok {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	claims, err := v.Verify(raw)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, claims["sub"])
}

// InKeyfunc peeks inside the keyfunc of the parse that verifies the
// same string.
func InKeyfunc(w http.ResponseWriter, r *http.Request) {
	raw := r.Header.Get("X-Token")
	tok, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errors.New("unexpected method")
		}
		unverified, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
		if err != nil {
			return nil, err
		}
		iss, _ := unverified.Claims.GetIssuer()
		return keysByIssuer[iss], nil
	})
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, tok.Claims)
}
