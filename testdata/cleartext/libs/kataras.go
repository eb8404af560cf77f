package libs

import (
	"net/http"
	"time"

	"github.com/kataras/jwt"
)

func loginKataras(w http.ResponseWriter, user string) {
	tok, err := jwt.Sign(jwt.HS256, secret, map[string]any{"sub": user}, jwt.MaxAge(time.Hour))
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "kt", Value: string(tok)}) // want `JWT from jwt.Sign is set in a cookie without Secure`
}
