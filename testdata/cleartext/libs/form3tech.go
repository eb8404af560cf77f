package libs

import (
	"net/http"

	jwt "github.com/form3tech-oss/jwt-go"
)

func loginForm3tech(w http.ResponseWriter, user string) {
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.StandardClaims{Subject: user, ExpiresAt: expiry.Unix()}).SignedString(secret)
	if err != nil {
		return
	}
	setSession(w, "f3", tok)
}
