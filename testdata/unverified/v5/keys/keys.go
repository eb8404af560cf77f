// Package keys is a helper package exporting keyfuncs for golang-jwt v5.
// It exercises the facts unverified exports: keyfuncs and keyfunc
// factories that pin the algorithm (Method assertion, Alg() comparison,
// the "alg" header, a method-check helper), and ones that do not (an
// interface{} key from a key set, a PEM public key as []byte).
package keys

import (
	"errors"
	"fmt"
	"sync"

	"github.com/golang-jwt/jwt/v5"
)

var errUnknownKey = errors.New("unknown key id")

// PinnedHMAC returns a keyfunc that only accepts HS256.
func PinnedHMAC(secret []byte) jwt.Keyfunc { // want PinnedHMAC:"keyfunc\\(pins\\)"
	return func(t *jwt.Token) (interface{}, error) {
		if t.Method.Alg() != jwt.SigningMethodHS256.Alg() {
			return nil, fmt.Errorf("unexpected alg %s", t.Method.Alg())
		}
		return secret, nil
	}
}

// JWKS is a set of public keys indexed by kid, of whatever types the
// provider publishes.
type JWKS struct {
	mu   sync.RWMutex
	keys map[string]interface{}
}

// NewJWKS returns an empty key set.
func NewJWKS() *JWKS { return &JWKS{keys: map[string]interface{}{}} }

// Add stores a key.
func (j *JWKS) Add(kid string, key interface{}) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.keys[kid] = key
}

// Keyfunc picks the key by kid and leaves the algorithm to the token.
func (j *JWKS) Keyfunc(t *jwt.Token) (interface{}, error) { // want Keyfunc:"keyfunc\\(no pin, key any\\)"
	kid, _ := t.Header["kid"].(string)
	j.mu.RLock()
	defer j.mu.RUnlock()
	key, ok := j.keys[kid]
	if !ok {
		return nil, errUnknownKey
	}
	return key, nil
}

// StrictKeyfunc checks the "alg" header before the lookup.
func (j *JWKS) StrictKeyfunc(t *jwt.Token) (interface{}, error) { // want StrictKeyfunc:"keyfunc\\(pins\\)"
	if alg, _ := t.Header["alg"].(string); alg != "RS256" {
		return nil, fmt.Errorf("unexpected alg %q", alg)
	}
	kid, _ := t.Header["kid"].(string)
	return j.Lookup(kid)
}

// Lookup returns the key stored under kid.
func (j *JWKS) Lookup(kid string) (interface{}, error) {
	j.mu.RLock()
	defer j.mu.RUnlock()
	if k, ok := j.keys[kid]; ok {
		return k, nil
	}
	return nil, errUnknownKey
}

// CheckMethod rejects tokens not signed with RSA.
func CheckMethod(t *jwt.Token) error { // want CheckMethod:"checksmethod\\(\\[0\\]\\)"
	if _, ok := t.Method.(*jwt.SigningMethodRSA); !ok {
		return fmt.Errorf("unexpected signing method %v", t.Header["alg"])
	}
	return nil
}

// LogToken looks at the token without checking anything.
func LogToken(t *jwt.Token) { // want LogToken:"checksmethod\\(\\[\\]\\)"
	fmt.Println("kid", t.Header["kid"])
}

const publicPEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1G6j0xi2SX4Lv2/scB6m
1m/blm0FzO0i/pasXx9pGbjFuCxDHks/skFod2QDbA7pshj/HGLIW4h+heB7CUYH
7nS73jjHSKhAuVShSifZLIso0+4WIPQRh7B4Fa88JFHTTXlaxm7h1MG6E/2PqEJP
PomTZilIXyeGdem4QWpc4NoC+Le+HR6w9bkd4CIQwYbxZX8nykBfAaJq97MMTp5C
EHh/242kLDHStFCdulr7Gtd33N3y4Sxc6RIZ7PBZT2LtS5y+0CXTVXywPm+QQIcC
/QIpXJ/o0/1RnsdiZNVuj5Km1N3VFV5J5hyW2BoAeKNGKfcfbPv/buvOrP/9hO6W
uQIDAQAB
-----END PUBLIC KEY-----`

// PEMKeyfunc hands the PEM text itself to the library: an HS256 token
// signed with that text as the secret verifies.
var PEMKeyfunc jwt.Keyfunc = func(t *jwt.Token) (interface{}, error) { // want PEMKeyfunc:"keyfunc\\(no pin, key pem-public\\)"
	return []byte(publicPEM), nil
}

// RSAKeyfunc decodes the PEM and returns a typed RSA key: the library's
// typed keys keep an HMAC token from verifying with it.
func RSAKeyfunc(t *jwt.Token) (interface{}, error) { // want RSAKeyfunc:"keyfunc\\(no pin, key typed\\)"
	return jwt.ParseRSAPublicKeyFromPEM([]byte(publicPEM))
}
