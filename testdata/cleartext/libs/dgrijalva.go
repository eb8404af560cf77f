package libs

import (
	"net/http"

	jwt "github.com/dgrijalva/jwt-go"
)

func loginDgrijalva(w http.ResponseWriter, user string) {
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.StandardClaims{Subject: user, ExpiresAt: expiry.Unix()}).SignedString(secret)
	if err != nil {
		return
	}
	setSession(w, "dg", tok)
}
