// Package web sets cookies from package tokens' results: through the
// TokenFact of tokens.Issue and of the field tokens.Pair.Access.
package web

import (
	"net/http"

	"jwtvet.test/fixtures/cleartext/tokens"
)

func Login(w http.ResponseWriter, r *http.Request) {
	b, err := tokens.Issue(r.FormValue("user"))
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "at", Value: string(b), HttpOnly: true}) // want `JWT from jwt.Sign is set in a cookie without Secure`
}

func LoginPair(w http.ResponseWriter, r *http.Request) {
	p, err := tokens.NewPair(r.FormValue("user"))
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "at", Value: p.Access}) // want `JWT from jwt.Sign is set in a cookie without Secure`
	// Negative: the kind is no token.
	http.SetCookie(w, &http.Cookie{Name: "kind", Value: p.Kind})
}
