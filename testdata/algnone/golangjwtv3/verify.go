// Verification with golang-jwt v3 (github.com/golang-jwt/jwt): "none" in a
// jwt.Parser{ValidMethods: ...} literal (reported, fixed), a keyfunc whose
// switch returns the magic none key (reported, fixed), and keyfuncs that
// reject "none" by comparing with jwt.SigningMethodNone.Alg() or by
// pinning RSA (silent).
package golangjwtv3

import (
	"crypto/rsa"
	"errors"
	"fmt"

	"github.com/golang-jwt/jwt"
)

var verifyKey *rsa.PublicKey

var parser = jwt.Parser{ValidMethods: []string{"RS256", "none"}, SkipClaimsValidation: false} // want `jwt.Parser.ValidMethods allows "none"`

func keyfunc(token *jwt.Token) (interface{}, error) {
	alg, ok := token.Header["alg"].(string)
	if !ok {
		return nil, errors.New("alg header missing")
	}
	switch alg {
	case "RS256":
		return verifyKey, nil
	case "none":
		return jwt.UnsafeAllowNoneSignatureType, nil // want `keyfunc returns jwt.UnsafeAllowNoneSignatureType`
	default:
		return nil, fmt.Errorf("unexpected alg %q", alg)
	}
}

func Authenticate(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	if _, err := parser.ParseWithClaims(raw, claims, keyfunc); err != nil {
		return nil, err
	}
	return claims, nil
}

// --- silent ---

func strictKeyfunc(token *jwt.Token) (interface{}, error) {
	if token.Method.Alg() == jwt.SigningMethodNone.Alg() {
		return nil, errors.New("unsigned tokens are not accepted")
	}
	if _, ok := token.Method.(*jwt.SigningMethodRSA); !ok {
		return nil, fmt.Errorf("unexpected signing method %v", token.Header["alg"])
	}
	return verifyKey, nil
}
