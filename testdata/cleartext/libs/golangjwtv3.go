package libs

import (
	"net/http"

	jwt "github.com/golang-jwt/jwt"
)

func loginV3(w http.ResponseWriter, user string) {
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.StandardClaims{Subject: user, ExpiresAt: expiry.Unix()}).SignedString(secret)
	if err != nil {
		return
	}
	setSession(w, "v3", tok)
}
