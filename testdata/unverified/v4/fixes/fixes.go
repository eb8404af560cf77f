// want package:"signs\\(HS256\\)"

// Package fixes exercises the v4.5 fixes: package-level Parse and
// ParseWithClaims take parser options, so WithValidMethods is added there
// (with HS256, the algorithm the package signs with), and a discarded
// error gets its check.
package fixes

import (
	"errors"
	"os"

	"github.com/golang-jwt/jwt/v4"
)

var keys = map[string]interface{}{"current": []byte(os.Getenv("KEY_CURRENT"))}

// Mint signs with HS256.
func Mint(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: sub}).SignedString(keys["current"])
}

func lookup(t *jwt.Token) (interface{}, error) {
	kid, _ := t.Header["kid"].(string)
	if k, ok := keys[kid]; ok {
		return k, nil
	}
	return nil, errors.New("unknown kid")
}

// Subject verifies with a key from the ring but does not pin the method.
func Subject(raw string) (string, error) { // want Subject:"verifies\\(param 0\\)"
	tok, err := jwt.ParseWithClaims(raw, &jwt.RegisteredClaims{}, lookup) // want `jwt.ParseWithClaims does not pin the signing algorithm: .* add jwt.WithValidMethods\(\[\]string\{"HS256"\}\)`
	if err != nil {
		return "", err
	}
	return tok.Claims.(*jwt.RegisteredClaims).Subject, nil
}

// Audience discards the error.
func Audience(raw string) ([]string, error) { // want Audience:"verifies\\(param 0\\)"
	claims := jwt.MapClaims{}
	_, _ = jwt.ParseWithClaims(raw, claims, lookup, jwt.WithValidMethods([]string{"HS256"})) // want `error of jwt.ParseWithClaims is discarded but its claims are used`
	aud, _ := claims["aud"].([]string)
	return aud, nil
}
