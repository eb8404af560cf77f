// Package form3techfix uses github.com/form3tech-oss/jwt-go without the
// list audience: the rewrite to golang-jwt v4 compiles and is offered.
package form3techfix

import (
	"fmt"
	"os"

	jwt "github.com/form3tech-oss/jwt-go" // want `github.com/form3tech-oss/jwt-go is archived; use github.com/golang-jwt/jwt/v4: go get github.com/golang-jwt/jwt/v4`
)

var key = []byte(os.Getenv("API_SECRET"))

func Subject(raw string) (string, error) {
	claims := jwt.MapClaims{}
	tok, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected alg %v", t.Header["alg"])
		}
		return key, nil
	})
	if err != nil || !tok.Valid {
		return "", fmt.Errorf("invalid token: %w", err)
	}
	sub, _ := claims["sub"].(string)
	return sub, nil
}
