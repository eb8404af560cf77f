// want package:"signs\\(HS256\\)"

// Package confusion exercises algorithm confusion with golang-jwt v5: a
// service that signs its own sessions with HS256 and verifies an identity
// provider's RS256 tokens. The pin fix must take the algorithm from the
// provider's key type, not from the session signer; an allow-list that
// mixes HMAC with RSA for keys of one source lets the public key verify an
// HMAC token signed with it.
package confusion

import (
	"crypto/rsa"
	"errors"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var (
	sessionSecret = []byte(os.Getenv("SESSION_SECRET"))
	idpPEM        = []byte(os.Getenv("IDP_PUBLIC_KEY"))
	idpKey        *rsa.PublicKey
	idpKeys       map[string]interface{}
	secretRing    map[string]interface{}
)

// Load decodes the provider's key and builds the key sets.
func Load() error {
	k, err := jwt.ParseRSAPublicKeyFromPEM(idpPEM)
	if err != nil {
		return err
	}
	idpKey = k
	idpKeys = map[string]interface{}{"idp-1": idpKey}
	secretRing = map[string]interface{}{"s1": sessionSecret}
	return nil
}

// MintSession signs the service's own session token.
func MintSession(sub string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(sessionSecret)
}

func byKid(t *jwt.Token) (interface{}, error) {
	kid, _ := t.Header["kid"].(string)
	if k, ok := idpKeys[kid]; ok {
		return k, nil
	}
	return nil, errors.New("unknown kid")
}

func pemKey(t *jwt.Token) (interface{}, error) {
	return idpPEM, nil
}

func fromRing(t *jwt.Token) (interface{}, error) {
	kid, _ := t.Header["kid"].(string)
	if k, ok := secretRing[kid]; ok {
		return k, nil
	}
	return nil, errors.New("unknown kid")
}

func typed(t *jwt.Token) (interface{}, error) {
	switch t.Method.(type) {
	case *jwt.SigningMethodHMAC:
		return sessionSecret, nil
	case *jwt.SigningMethodRSA:
		return idpKey, nil
	}
	return nil, errors.New("unexpected method")
}

func onlyRSA(t *jwt.Token) (interface{}, error) {
	return idpKey, nil
}

// provider verifies the provider's token without an allow-list: the pin
// is RS256, the type of the provider's keys, not the HS256 of the session
// signer.
func provider(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, byKid) // want `jwt.Parse does not pin the signing algorithm: .* add jwt.WithValidMethods\(\[\]string\{"RS256"\}\)`
}

// mixed accepts HS256 next to RS256 for keys picked from one key set.
func mixed(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, byKid, jwt.WithValidMethods([]string{"RS256", "HS256"})) // want `jwt.WithValidMethods mixes HMAC with public-key algorithms \(RS256, HS256\) while its keyfunc returns an interface\{\} key from one key set`
}

// pemBytes hands the provider's PEM to the parser for either family.
func pemBytes(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, pemKey, jwt.WithValidMethods([]string{"HS256", "RS256", "RS384"})) // want `jwt.WithValidMethods mixes HMAC with public-key algorithms \(HS256, RS256, RS384\) while its keyfunc returns a PEM public key as \[\]byte`
}

// typedBoth accepts both families but gives each method a key of its own
// type, from different sources: no confusion.
func typedBoth(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, typed, jwt.WithValidMethods([]string{"HS256", "RS256"}))
}

// ring mixes the families, but its key set holds only secrets.
func ring(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, fromRing, jwt.WithValidMethods([]string{"HS256", "RS256"}))
}

// rsaOnly returns a typed RSA key: golang-jwt refuses it for HMAC.
func rsaOnly(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, onlyRSA, jwt.WithValidMethods([]string{"HS256", "RS256"}))
}

// publicOnly lists public-key algorithms only.
func publicOnly(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, byKid, jwt.WithValidMethods([]string{"RS256", "ES256"}))
}

// oneSource gives each method a key, but both come from the same PEM: the
// HMAC branch uses the public key's text as the secret.
func oneSource(t *jwt.Token) (interface{}, error) {
	switch t.Method.(type) {
	case *jwt.SigningMethodHMAC:
		return idpPEM, nil
	case *jwt.SigningMethodRSA:
		return jwt.ParseRSAPublicKeyFromPEM(idpPEM)
	}
	return nil, errors.New("unexpected method")
}

func confused(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, oneSource) // want `jwt.Parse accepts HMAC and public-key methods for keys of one source: its keyfunc returns a PEM public key as \[\]byte on one path`
}

// rsaListed allows RSA only: the HMAC branch can never run.
func rsaListed(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, oneSource, jwt.WithValidMethods([]string{"RS256"}))
}
