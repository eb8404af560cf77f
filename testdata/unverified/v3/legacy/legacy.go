// Package legacy exercises unverified on golang-jwt v3
// (github.com/golang-jwt/jwt). v3 validates the claims before it checks the
// signature and ORs the bits together, so a token that is expired and
// badly signed carries both: claims used under "ve.Errors&
// ValidationErrorExpired != 0" alone are reported, claims used when the
// bits equal ValidationErrorExpired exactly are not. v3's Parse takes no
// options: pin findings suggest Parser.ValidMethods and carry no fix.
package legacy

import (
	"crypto/rsa"
	"fmt"
	"io/ioutil"
	"net/http"

	"github.com/golang-jwt/jwt"
)

var (
	verifyKey   *rsa.PublicKey
	verifyBytes []byte
	hmacKey     []byte
)

// Load reads the RSA public key from disk.
func Load(path string) error {
	var err error
	if verifyBytes, err = ioutil.ReadFile(path); err != nil {
		return err
	}
	verifyKey, err = jwt.ParseRSAPublicKeyFromPEM(verifyBytes)
	return err
}

func typedKey(t *jwt.Token) (interface{}, error) {
	return verifyKey, nil
}

// RSAOnly returns the typed public key without a method check: the
// library keeps an HMAC token from verifying with it.
func RSAOnly(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(r.Header.Get("Authorization"), typedKey)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, token.Claims)
}

// PEMBytes hands the PEM text to the library as the key.
func PEMBytes(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(r.Header.Get("Authorization"), func(t *jwt.Token) (interface{}, error) { // want `jwt.Parse does not pin the signing algorithm: its keyfunc returns a PEM public key as \[\]byte.*; restrict the parser.s algorithms \(WithValidMethods or Parser.ValidMethods\) or check token.Method in the keyfunc`
		return verifyBytes, nil
	})
	if err == nil && token.Valid {
		fmt.Fprintln(w, token.Claims)
	}
}

// PinnedParser restricts the methods on the parser.
func PinnedParser(w http.ResponseWriter, r *http.Request) {
	p := &jwt.Parser{ValidMethods: []string{"RS256"}}
	token, err := p.Parse(r.Header.Get("Authorization"), func(t *jwt.Token) (interface{}, error) {
		return verifyBytes, nil
	})
	if err == nil && token.Valid {
		fmt.Fprintln(w, token.Claims)
	}
}

// ExpiredBranch refreshes on the expired bit alone.
func ExpiredBranch(w http.ResponseWriter, r *http.Request) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(r.FormValue("token"), claims, typedKey) // want `claims of jwt.ParseWithClaims are used when the error only matches jwt.ValidationErrorExpired, which this library also reports for tokens with a bad signature`
	if err != nil {
		if ve, ok := err.(*jwt.ValidationError); ok && ve.Errors&jwt.ValidationErrorExpired != 0 {
			fmt.Fprintln(w, "refresh", claims["sub"])
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, claims["sub"])
}

// ExactlyExpired refreshes only when expiry is the sole failure.
func ExactlyExpired(w http.ResponseWriter, r *http.Request) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(r.FormValue("token"), claims, typedKey)
	if err != nil {
		ve, ok := err.(*jwt.ValidationError)
		if ok && ve.Errors == jwt.ValidationErrorExpired {
			fmt.Fprintln(w, "refresh", claims["sub"])
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, claims["sub"])
}

// Classic is the dgrijalva-era README shape: only Valid matters.
func Classic(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(r.Header.Get("Authorization"), typedKey)
	if token.Valid {
		fmt.Fprintln(w, token.Claims.(jwt.MapClaims)["sub"])
	} else if ve, ok := err.(*jwt.ValidationError); ok {
		if ve.Errors&jwt.ValidationErrorMalformed != 0 {
			http.Error(w, "malformed", http.StatusBadRequest)
		} else if ve.Errors&(jwt.ValidationErrorExpired|jwt.ValidationErrorNotValidYet) != 0 {
			http.Error(w, "timing", http.StatusUnauthorized)
		} else {
			http.Error(w, "invalid", http.StatusUnauthorized)
		}
	}
}

// Unchecked reads the claims without looking at err or Valid.
func Unchecked(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(r.Header.Get("Authorization"), typedKey) // want `claims of jwt.Parse are used before its error is checked`
	claims, _ := token.Claims.(jwt.MapClaims)
	fmt.Fprintln(w, claims["sub"], err)
}

// Peek decodes without verifying.
func Peek(raw string) string {
	tok, _, err := new(jwt.Parser).ParseUnverified(raw, jwt.MapClaims{}) // want `claims of \(\*jwt.Parser\).ParseUnverified are used`
	if err != nil {
		return ""
	}
	return fmt.Sprint(tok.Claims.(jwt.MapClaims)["sub"])
}
