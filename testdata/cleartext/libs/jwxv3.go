package libs

import (
	"net/http"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jws"
)

func loginJWSv3(w http.ResponseWriter, payload []byte) {
	signed, err := jws.Sign(payload, jws.WithKey(jwa.HS256(), secret))
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "x3", Value: string(signed)}) // want `JWT from jws.Sign is set in a cookie without Secure`
}
