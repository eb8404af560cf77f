package libs

import (
	"net/http"

	"github.com/lestrrat-go/jwx/jwa"
	"github.com/lestrrat-go/jwx/jwt"
)

func loginJWXv1(w http.ResponseWriter, user string) {
	t, err := jwt.NewBuilder().Subject(user).Expiration(expiry).Build()
	if err != nil {
		return
	}
	signed, err := jwt.Sign(t, jwa.HS256, secret)
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "x1", Value: string(signed)}) // want `JWT from jwt.Sign is set in a cookie without Secure`
}
