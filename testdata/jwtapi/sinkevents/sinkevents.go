// Package sinkevents holds the transport calls, verifications and
// audience reads jwtapi reads for the cleartext and noaud rules.
package sinkevents

import (
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte("0123456789abcdef0123456789abcdef")

func keyfunc(*jwt.Token) (any, error) { return secret, nil }

func respond(w http.ResponseWriter, g *gin.Context, tok string) {
	http.SetCookie(w, &http.Cookie{Name: "t", Value: tok}) // want `set-cookie cookie=&http.Cookie\{…\} value=- secure=- key=- url=- request=-`
	g.SetCookie("t", tok, 0, "/", "", false, true)         // want `set-cookie cookie=- value=tok secure=false key=- url=- request=- by-fields`
	w.Header().Set("Set-Cookie", "t="+tok)                 // want `set-header cookie=- value="t=" \+ tok secure=- key="Set-Cookie" url=- request=- response-header`
}

func send(tok string) error {
	req, err := http.NewRequest("GET", "http://api.example.com/x", nil) // want `new-request cookie=- value=- secure=- key=- url="http://api.example.com/x" request=-`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok)        // want `set-header cookie=- value="Bearer " \+ tok secure=- key="Authorization" url=- request=req`
	req.AddCookie(&http.Cookie{Name: "t", Value: tok})    // want `request-cookie cookie=&http.Cookie\{…\} value=- secure=- key=- url=- request=req`
	_, err = http.Get("http://api.example.com/?t=" + tok) // want `send-request cookie=- value=- secure=- key=- url="http://api.example.com/\?t=" \+ tok request=-`
	return err
}

func verify(raw, aud string) error {
	tok, err := jwt.Parse(raw, keyfunc, jwt.WithAudience(aud)) // want `verifies: audience options, keys \[keyfunc\]`
	if err != nil {
		return err
	}
	auds, err := tok.Claims.GetAudience() // want `audience read tok.Claims.GetAudience`
	if err != nil || !slices.Contains(auds, aud) {
		return err
	}
	claims := jwt.MapClaims{}
	_, err = jwt.ParseWithClaims(raw, claims, keyfunc) // want `verifies: audience options, keys \[keyfunc\]`
	_ = claims["aud"]                                  // want `audience read claims\["aud"\]`
	_ = claims["sub"]
	return err
}
