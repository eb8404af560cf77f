// Package notinbuild signs with the archived dgrijalva/jwt-go in a program
// that imports no package of its replacement: rewriting the import would
// not compile before a go get, so the finding offers no fix.
package notinbuild

import (
	"os"
	"time"

	"github.com/dgrijalva/jwt-go" // want `github.com/dgrijalva/jwt-go is archived`
)

func Sign(user string) (string, error) {
	claims := jwt.StandardClaims{Subject: user, ExpiresAt: time.Now().Add(15 * time.Minute).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(os.Getenv("SESSION_KEY")))
}
