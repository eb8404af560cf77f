// want package:"signs\\(HS256,RS256\\)"

// Package fixes exercises the suggested fixes on golang-jwt v5: the
// inserted "if err != nil { return ... }" for each shape of results the
// enclosing function can have (none, pointers, strings and numbers, a
// struct of this package, a struct of an imported package, a func literal),
// a blank error renamed, a bare parse statement wrapped, and the shapes
// where no fix is offered. The package signs with HS256 and RS256, so a
// plain []byte secret without a pinned algorithm is reported too.
package fixes

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Claims are the claims of a session token.
type Claims struct {
	Email string `json:"email"`
	jwt.RegisteredClaims
}

// Session is what a handler keeps of a token.
type Session struct {
	Subject string
	Expires time.Time
}

var secret = []byte(os.Getenv("SESSION_SECRET"))

func keyfunc(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, errors.New("unexpected method")
	}
	return secret, nil
}

// MintSession signs session tokens with HS256.
func MintSession(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: sub}).SignedString(secret)
}

// MintService signs service tokens with RS256.
func MintService(key *rsa.PrivateKey, sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodRS256, jwt.RegisteredClaims{Subject: sub}).SignedString(key)
}

// Email records the address before looking at the error; it returns a
// pointer, so the fix returns nil and the error.
func Email(raw string) (*string, error) { // want Email:"wrapper\\(claims of jwt.ParseWithClaims\\)" Email:"verifies\\(param 0\\)"
	tok, err := jwt.ParseWithClaims(raw, &Claims{}, keyfunc) // want `claims of jwt.ParseWithClaims are used before its error is checked`
	email := tok.Claims.(*Claims).Email
	audit(email)
	return &email, err
}

func audit(email string) { fmt.Println("login", email) }

// Subject drops the error: the fix names it err.
func Subject(raw string) (string, int, error) { // want Subject:"verifies\\(param 0\\)"
	tok, _ := jwt.Parse(raw, keyfunc) // want `error of jwt.Parse is discarded but its claims are used`
	sub, err := tok.Claims.GetSubject()
	return sub, len(sub), err
}

// Load returns a struct of this package.
func Load(raw string) (Session, error) { // want Load:"verifies\\(param 0\\)"
	var claims Claims
	jwt.ParseWithClaims(raw, &claims, keyfunc) // want `error of jwt.ParseWithClaims is discarded but its claims are used`
	return Session{Subject: claims.Subject}, nil
}

// Expiry returns a struct of an imported package.
func Expiry(raw string) (time.Time, error) { // want Expiry:"verifies\\(param 0\\)"
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, keyfunc) // want `claims of jwt.ParseWithClaims are used before its error is checked`
	exp := claims.ExpiresAt
	return exp.Time, nil
}

// Handler is a func literal without results: the fix returns.
var Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.Parse(r.Header.Get("X-Session"), keyfunc) // want `claims of jwt.Parse are used before its error is checked`
	fmt.Fprintln(w, tok.Claims)
	_ = err
})

// Email2 returns no error: no fix.
func Email2(raw string) string { // want Email2:"verifies\\(param 0\\)"
	tok, _ := jwt.ParseWithClaims(raw, &Claims{}, keyfunc) // want `error of jwt.ParseWithClaims is discarded but its claims are used`
	return tok.Claims.(*Claims).Email
}

// Shadow already has an err of another type in scope: no rename.
func Shadow(raw string) (string, error) { // want Shadow:"verifies\\(param 0\\)"
	err := 0
	tok, _ := jwt.Parse(raw, keyfunc) // want `error of jwt.Parse is discarded but its claims are used`
	sub, _ := tok.Claims.GetSubject()
	return fmt.Sprint(sub, err), nil
}

// Legacy trusts a plain secret without pinning, while the package signs
// with two algorithm families.
func Legacy(raw string) (jwt.MapClaims, error) { // want Legacy:"verifies\\(param 0\\)"
	tok, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { // want `jwt.Parse does not pin the signing algorithm: its keyfunc returns a \[\]byte secret while this code signs with HS256, RS256 and never checks token.Method; add jwt.WithValidMethods\(\[\]string\{"HS256"\}\)`
		return secret, nil
	})
	if err != nil {
		return nil, err
	}
	return tok.Claims.(jwt.MapClaims), nil
}
