// A legacy service on github.com/dgrijalva/jwt-go: a keyfunc that returns the
// magic none key when the header says "none" (reported once, at the key, and
// fixed), a lower-cased allow-list with "none" (reported), a sliced array of
// algorithms with "none" in a jwt.Parser (reported, fixed), and unsigned
// minting (reported); an RSA-pinning keyfunc (silent).
package dgrijalva

import (
	"crypto/rsa"
	"errors"
	"strings"

	jwt "github.com/dgrijalva/jwt-go"
)

var publicKey *rsa.PublicKey

func legacyKeyfunc(token *jwt.Token) (interface{}, error) {
	if token.Header["alg"] == "none" {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `keyfunc returns jwt.UnsafeAllowNoneSignatureType`
	}
	return publicKey, nil
}

func loweredKeyfunc(token *jwt.Token) (interface{}, error) {
	alg, _ := token.Header["alg"].(string)
	alg = strings.ToLower(alg)
	if alg != "rs256" && alg != "none" { // want `check of jwt.Token.Header\["alg"\] lets alg "none" through`
		return nil, errors.New("unexpected alg")
	}
	return publicKey, nil
}

var supported = [...]string{"RS256", "RS512", "none"} // want `jwt.Parser.ValidMethods allows "none"`

func parse(raw string) (*jwt.Token, error) {
	p := &jwt.Parser{ValidMethods: supported[:]}
	return p.Parse(raw, legacyKeyfunc)
}

func mintForTests(sub string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": sub}) // want `jwt.NewWithClaims with the none signing method`
	return tok.SignedString(jwt.UnsafeAllowNoneSignatureType)
}

// --- silent ---

func rsaKeyfunc(token *jwt.Token) (interface{}, error) {
	if _, ok := token.Method.(*jwt.SigningMethodRSA); !ok {
		return nil, errors.New("unexpected signing method")
	}
	return publicKey, nil
}
