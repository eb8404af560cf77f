// Package libs sets a session cookie without Secure from a token signed by
// each JWT library, one file per library: the token result of every
// modelled signing call reaches the cookie.
package libs

import (
	"net/http"
	"os"
	"time"
)

var secret = []byte(os.Getenv("SESSION_SECRET"))

var expiry = time.Now().Add(time.Hour)

func setSession(w http.ResponseWriter, name, value string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true}) // want `JWT from \(\*jwt.Token\).SignedString is set in a cookie without Secure`
}
