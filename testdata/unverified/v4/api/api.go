// Package api exercises unverified on golang-jwt v4 (4.5): parsers pinned
// through Parser{ValidMethods} or an assignment to the field, an unpinned
// Parser literal (no fix: the literal takes no options), the
// ValidationError bit tests (v4.5 reports claims errors only after the
// signature verified, so using the claims in the expiry branch is fine,
// but falling through to them after that test alone is not), and the
// README's token.Valid idiom.
package api

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/golang-jwt/jwt/v4"
)

// AccessClaims are the claims of an access token.
type AccessClaims struct {
	Scopes []string `json:"scp"`
	jwt.RegisteredClaims
}

var (
	signingKey = []byte(os.Getenv("API_SIGNING_KEY"))
	keyring    = map[string]interface{}{}
	strict     = &jwt.Parser{ValidMethods: []string{"RS256", "ES256"}}
)

func keyfunc(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected signing method: %v", t.Header["alg"])
	}
	return signingKey, nil
}

// byKid returns whatever key the ring holds for the kid.
func byKid(t *jwt.Token) (interface{}, error) {
	kid, _ := t.Header["kid"].(string)
	if k, ok := keyring[kid]; ok {
		return k, nil
	}
	return nil, errors.New("unknown kid")
}

// Strict uses a parser with ValidMethods.
func Strict(w http.ResponseWriter, r *http.Request) {
	tok, err := strict.Parse(r.Header.Get("X-Token"), byKid)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, tok.Claims)
}

// Assigned sets ValidMethods on a parser of its own.
func Assigned(w http.ResponseWriter, r *http.Request) {
	p := new(jwt.Parser)
	p.ValidMethods = []string{"RS256"}
	tok, err := p.Parse(r.Header.Get("X-Token"), byKid)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, tok.Claims)
}

// Loose uses a parser literal without ValidMethods.
func Loose(w http.ResponseWriter, r *http.Request) {
	p := jwt.Parser{SkipClaimsValidation: false}
	tok, err := p.Parse(r.Header.Get("X-Token"), byKid) // want `\(\*jwt.Parser\).Parse does not pin the signing algorithm: its keyfunc returns an interface\{\} key .*; restrict the parser.s algorithms \(WithValidMethods or Parser.ValidMethods\) or check token.Method in the keyfunc`
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, tok.Claims)
}

// Readme is the v4 README's shape.
func Readme(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.ParseWithClaims(r.Header.Get("X-Token"), &AccessClaims{}, keyfunc)
	if claims, ok := token.Claims.(*AccessClaims); ok && token.Valid {
		fmt.Fprintln(w, claims.Scopes)
	} else if errors.Is(err, jwt.ErrTokenExpired) {
		w.WriteHeader(http.StatusUnauthorized)
	} else {
		log.Println("rejected:", err)
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// RefreshBits lets an expired token refresh, inside the expiry branch.
func RefreshBits(w http.ResponseWriter, r *http.Request) {
	claims := &AccessClaims{}
	_, err := jwt.ParseWithClaims(r.FormValue("token"), claims, keyfunc)
	if err != nil {
		ve, ok := err.(*jwt.ValidationError)
		if ok && ve.Errors&jwt.ValidationErrorExpired != 0 {
			fmt.Fprintln(w, "refresh for", claims.Subject)
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, "still valid for", claims.Subject)
}

// ExpiredBitOnly tests the expired bit and trusts any other failure.
func ExpiredBitOnly(w http.ResponseWriter, r *http.Request) {
	claims := &AccessClaims{}
	_, err := jwt.ParseWithClaims(r.FormValue("token"), claims, keyfunc) // want `error of jwt.ParseWithClaims is only tested for jwt.ValidationErrorExpired`
	if ve, ok := err.(*jwt.ValidationError); ok && ve.Errors&jwt.ValidationErrorExpired != 0 {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, claims.Scopes)
}

// ExpiredIsOnly tests ErrTokenExpired alone.
func ExpiredIsOnly(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(r.FormValue("token"), keyfunc) // want `error of jwt.Parse is only tested for jwt.ErrTokenExpired`
	if errors.Is(err, jwt.ErrTokenExpired) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	claims := token.Claims.(jwt.MapClaims)
	fmt.Fprintln(w, claims["scp"])
}
