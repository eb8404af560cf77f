package libs

import (
	"net/http"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

func loginJWXv2(w http.ResponseWriter, user string) {
	t, err := jwt.NewBuilder().Subject(user).Expiration(expiry).Build()
	if err != nil {
		return
	}
	signed, err := jwt.Sign(t, jwt.WithKey(jwa.HS256, secret))
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "x2", Value: string(signed)}) // want `JWT from jwt.Sign is set in a cookie without Secure`
}
