// Package form3tech uses the archived fork github.com/form3tech-oss/jwt-go
// with a list audience: StandardClaims.Audience is a []string there and a
// string in golang-jwt v4, so the rewrite would not compile and no fix is
// offered.
package form3tech

import (
	"os"
	"time"

	"github.com/form3tech-oss/jwt-go" // want `github.com/form3tech-oss/jwt-go is archived; use github.com/golang-jwt/jwt/v4: go get github.com/golang-jwt/jwt/v4`
)

var key = []byte(os.Getenv("API_SECRET"))

func Mint(user string, audiences []string) (string, error) {
	claims := jwt.StandardClaims{
		Subject:   user,
		Audience:  audiences,
		ExpiresAt: time.Now().Add(15 * time.Minute).Unix(),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS512, claims).SignedString(key)
}
