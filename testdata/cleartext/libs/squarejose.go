package libs

import (
	"net/http"

	jose "gopkg.in/square/go-jose.v2"
	"gopkg.in/square/go-jose.v2/jwt"
)

func loginSquare(w http.ResponseWriter, user string) {
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: secret}, nil)
	if err != nil {
		return
	}
	tok, err := jwt.Signed(s).Claims(jwt.Claims{Subject: user, Expiry: jwt.NewNumericDate(expiry)}).CompactSerialize()
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "sq", Value: tok}) // want `JWT from \(\*jwt.Builder\).CompactSerialize is set in a cookie without Secure`
}
