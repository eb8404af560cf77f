package libs

import (
	"net/http"

	jose "github.com/go-jose/go-jose/v3"
	"github.com/ory/fosite/token/jwt"
)

func loginFosite(w http.ResponseWriter, user string) {
	tok, err := jwt.NewWithClaims(jose.HS256, jwt.MapClaims{"sub": user, "exp": expiry.Unix()}).SignedString(secret)
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "fo", Value: tok}) // want `JWT from \(\*jwt.Token\).SignedString is set in a cookie without Secure`
}
