// Package handler reaches the token service through an interface it
// declares, and writes Set-Cookie headers by hand: a token without the
// Secure attribute (reported), one with it and a non-token header (not
// reported).
package handler

import (
	"fmt"
	"net/http"

	"jwtvet.test/fixtures/cleartext/authsvc"
)

// TokenIssuer is what the handler needs from the token service.
type TokenIssuer interface {
	Generate(user string) (string, error)
	Describe() (string, error)
}

type Handler struct{ tokens TokenIssuer }

func New() *Handler { return &Handler{tokens: authsvc.New()} }

func (h *Handler) Login(w http.ResponseWriter, r *http.Request) {
	tok, err := h.tokens.Generate(r.FormValue("user"))
	if err != nil {
		http.Error(w, "cannot sign in", http.StatusInternalServerError)
		return
	}
	w.Header().Add("Set-Cookie", "session="+tok+"; Path=/; HttpOnly") // want `JWT from \(\*jwt.Token\).SignedString is set in a Set-Cookie header without the Secure attribute`
}

func (h *Handler) LoginStruct(w http.ResponseWriter, r *http.Request) {
	tok, err := h.tokens.Generate(r.FormValue("user"))
	if err != nil {
		return
	}
	ck := http.Cookie{Name: "session", Value: tok, Path: "/"} // want `JWT from \(\*jwt.Token\).SignedString is set in a cookie without Secure`
	w.Header().Set("Set-Cookie", ck.String())
}

// Negatives.

func (h *Handler) LoginSecure(w http.ResponseWriter, r *http.Request) {
	tok, err := h.tokens.Generate(r.FormValue("user"))
	if err != nil {
		return
	}
	w.Header().Add("Set-Cookie", fmt.Sprintf("session=%s; Path=/; Secure; HttpOnly", tok))
}

func (h *Handler) Algorithm(w http.ResponseWriter, r *http.Request) {
	alg, _ := h.tokens.Describe()
	w.Header().Add("Set-Cookie", "alg="+alg)
	http.SetCookie(w, &http.Cookie{Name: "alg", Value: alg})
}
