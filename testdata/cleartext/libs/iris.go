package libs

import (
	"net/http"
	"time"

	"github.com/kataras/iris/v12/middleware/jwt"
)

var irisSigner = jwt.NewSigner(jwt.HS256, secret, time.Hour)

func loginIris(w http.ResponseWriter, user string) {
	tok, err := irisSigner.Sign(map[string]any{"sub": user})
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "ir", Value: string(tok)}) // want `JWT from \(\*jwt.Signer\).Sign is set in a cookie without Secure`
}
