package libs

import (
	"net/http"

	jose "github.com/go-jose/go-jose/v3"
	"github.com/go-jose/go-jose/v3/jwt"
)

func loginJoseV3(w http.ResponseWriter, user string) {
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: secret}, nil)
	if err != nil {
		return
	}
	tok, err := jwt.Signed(s).Claims(jwt.Claims{Subject: user, Expiry: jwt.NewNumericDate(expiry)}).CompactSerialize()
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "j3", Value: tok}) // want `JWT from \(\*jwt.Builder\).CompactSerialize is set in a cookie without Secure`
}
