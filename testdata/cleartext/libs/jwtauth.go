package libs

import (
	"net/http"

	"github.com/go-chi/jwtauth/v5"
)

var tokenAuth = jwtauth.New("HS256", secret, nil)

func loginJWTAuth(w http.ResponseWriter, user string) {
	claims := map[string]any{"sub": user}
	jwtauth.SetExpiry(claims, expiry)
	_, tok, err := tokenAuth.Encode(claims)
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "ja", Value: tok}) // want `JWT from \(\*jwtauth.JWTAuth\).Encode is set in a cookie without Secure`
}
