// Package gateway exercises unverified on the form3tech-oss fork of
// jwt-go: an auth gateway whose keyfunc picks keys of any type from a map
// by kid (reported), a pinned variant, and a standard claims check.
package gateway

import (
	"fmt"
	"net/http"

	jwt "github.com/form3tech-oss/jwt-go"
)

// Gateway verifies upstream tokens.
type Gateway struct {
	keys map[string]interface{}
}

func (g *Gateway) key(t *jwt.Token) (interface{}, error) {
	kid, _ := t.Header["kid"].(string)
	k, ok := g.keys[kid]
	if !ok {
		return nil, fmt.Errorf("unknown kid %q", kid)
	}
	return k, nil
}

func (g *Gateway) pinnedKey(t *jwt.Token) (interface{}, error) {
	switch t.Method.(type) {
	case *jwt.SigningMethodRSA, *jwt.SigningMethodECDSA:
	default:
		return nil, fmt.Errorf("unexpected method %s", t.Method.Alg())
	}
	return g.key(t)
}

// ServeHTTP checks the bearer token of every request.
func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	claims := &jwt.StandardClaims{}
	token, err := jwt.ParseWithClaims(r.Header.Get("Authorization"), claims, g.key) // want `jwt.ParseWithClaims does not pin the signing algorithm: its keyfunc returns an interface\{\} key`
	if err != nil || !token.Valid {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.Header().Set("X-User", claims.Subject)
}

// Pinned checks the method first.
func (g *Gateway) Pinned(w http.ResponseWriter, r *http.Request) {
	claims := &jwt.StandardClaims{}
	if _, err := jwt.ParseWithClaims(r.Header.Get("Authorization"), claims, g.pinnedKey); err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.Header().Set("X-User", claims.Subject)
}
