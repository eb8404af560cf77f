package libs

import (
	"net/http"

	"github.com/cristalhq/jwt/v4"
)

func loginCristalhq(w http.ResponseWriter, user string) {
	signer, err := jwt.NewSignerHS(jwt.HS256, secret)
	if err != nil {
		return
	}
	tok, err := jwt.NewBuilder(signer).Build(jwt.RegisteredClaims{Subject: user, ExpiresAt: jwt.NewNumericDate(expiry)})
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "cr", Value: tok.String()}) // want `JWT from \(\*jwt.Token\).String is set in a cookie without Secure`
}
