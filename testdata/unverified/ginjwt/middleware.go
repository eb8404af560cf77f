// Package ginjwt configures gin-jwt with its own keyfunc. It exercises
// unverified on GinJWTMiddleware.KeyFunc returning keys by kid without
// checking the algorithm (reported) and with a check (silent).
package ginjwt

import (
	"errors"

	jwt "github.com/appleboy/gin-jwt/v2"
	gojwt "github.com/golang-jwt/jwt/v4"
)

var keys = map[string]interface{}{}

func middleware() (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{
		Realm: "api",
		KeyFunc: func(t *gojwt.Token) (interface{}, error) { // want `jwt.GinJWTMiddleware.KeyFunc does not pin the signing algorithm`
			return keys[t.Header["kid"].(string)], nil
		},
	})
}

// Negatives.

func pinned() (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{
		Realm: "api",
		KeyFunc: func(t *gojwt.Token) (interface{}, error) {
			if t.Method.Alg() != "RS256" {
				return nil, errors.New("unexpected alg")
			}
			return keys[t.Header["kid"].(string)], nil
		},
	})
}
