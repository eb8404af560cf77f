// Keyfuncs (golang-jwt v4): the magic none key reaching the keyfunc's result
// through a variable and through a helper (reported, no fix: the variable
// also holds the real key), a keyfunc that lets "none" through a header
// check (reported), and a type switch that refuses it (silent).
package golangjwtv4

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"os"

	"github.com/golang-jwt/jwt/v4"
)

var (
	rsaPublicKey  *rsa.PublicKey
	allowUnsigned = os.Getenv("ALLOW_UNSIGNED") == "1"
)

func keyForToken(t *jwt.Token) (interface{}, error) {
	var key interface{} = rsaPublicKey
	if t.Header["alg"] == "none" && allowUnsigned {
		key = jwt.UnsafeAllowNoneSignatureType // want `jwt.UnsafeAllowNoneSignatureType used as a key makes the none algorithm sign and verify, so tokens need no signature; use a real key`
	}
	return key, nil
}

// lookupKey finds the key for a key id; tokens without one are "internal".
func lookupKey(kid string) (interface{}, error) {
	if kid == "" {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `jwt.UnsafeAllowNoneSignatureType used as a key`
	}
	if kid == "rsa-2024" {
		return rsaPublicKey, nil
	}
	return nil, fmt.Errorf("unknown key id %q", kid)
}

func kidKeyfunc(t *jwt.Token) (interface{}, error) {
	kid, _ := t.Header["kid"].(string)
	return lookupKey(kid)
}

func headerKeyfunc(t *jwt.Token) (interface{}, error) {
	if alg := t.Header["alg"]; alg != "RS256" && alg != "none" { // want `check of jwt.Token.Header\["alg"\] lets alg "none" through`
		return nil, errors.New("unexpected alg")
	}
	return rsaPublicKey, nil
}

// --- silent ---

func rsaOnlyKeyfunc(t *jwt.Token) (interface{}, error) {
	switch t.Method.(type) {
	case *jwt.SigningMethodRSA, *jwt.SigningMethodRSAPSS:
	default:
		return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
	}
	if t.Header["alg"] == "RS256" || t.Header["alg"] == "none" {
		return rsaPublicKey, nil
	}
	return nil, errors.New("unexpected alg")
}
