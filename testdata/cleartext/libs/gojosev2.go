package libs

import (
	"net/http"

	jose "gopkg.in/go-jose/go-jose.v2"
	"gopkg.in/go-jose/go-jose.v2/jwt"
)

func loginGoJoseV2(w http.ResponseWriter, user string) {
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: secret}, nil)
	if err != nil {
		return
	}
	tok, err := jwt.Signed(s).Claims(jwt.Claims{Subject: user, Expiry: jwt.NewNumericDate(expiry)}).CompactSerialize()
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "g2", Value: tok}) // want `JWT from \(\*jwt.Builder\).CompactSerialize is set in a cookie without Secure`
}
