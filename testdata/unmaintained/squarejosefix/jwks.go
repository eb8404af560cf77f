// Package squarejosefix serves a JWKS document with gopkg.in/square/go-jose.v2:
// JSONWebKey and JSONWebKeySet are the same in go-jose v4, so the rewrite
// is offered.
package squarejosefix

import (
	"crypto/rsa"
	"encoding/json"
	"net/http"

	"gopkg.in/square/go-jose.v2" // want `gopkg.in/square/go-jose.v2 is obsolete \(moved to github.com/go-jose/go-jose\); use github.com/go-jose/go-jose/v4: go get github.com/go-jose/go-jose/v4`
)

func JWKSHandler(pub *rsa.PublicKey, kid string) http.HandlerFunc {
	set := jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: pub, KeyID: kid, Algorithm: string(jose.RS256), Use: "sig"}}}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(set)
	}
}
