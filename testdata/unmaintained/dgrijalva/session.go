// Package dgrijalva issues and checks session tokens with the archived
// github.com/dgrijalva/jwt-go and its request helper. Everything it uses
// exists alike in github.com/golang-jwt/jwt/v4, so the import rewrite is
// offered (one finding for the file, one fix rewriting both imports).
package dgrijalva

import (
	"errors"
	"net/http"
	"os"
	"time"

	jwt "github.com/dgrijalva/jwt-go" // want `github.com/dgrijalva/jwt-go is archived \(CVE-2020-26160\); use github.com/golang-jwt/jwt/v4: go get github.com/golang-jwt/jwt/v4`
	"github.com/dgrijalva/jwt-go/request"
)

type sessionClaims struct {
	Role string `json:"role"`
	jwt.StandardClaims
}

var secret = []byte(os.Getenv("SESSION_SECRET"))

func issue(user, role string) (string, error) {
	c := sessionClaims{Role: role, StandardClaims: jwt.StandardClaims{
		Subject:   user,
		Audience:  "console",
		ExpiresAt: time.Now().Add(time.Hour).Unix(),
	}}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(secret)
}

func fromRequest(r *http.Request) (*sessionClaims, error) {
	var c sessionClaims
	tok, err := request.ParseFromRequest(r, request.AuthorizationHeaderExtractor, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errors.New("unexpected signing method")
		}
		return secret, nil
	}, request.WithClaims(&c))
	if err != nil || !tok.Valid {
		return nil, errors.New("invalid session")
	}
	if !c.VerifyAudience("console", true) {
		return nil, errors.New("wrong audience")
	}
	return &c, nil
}
