// Package echojwt configures echo-jwt with its own keyfunc. It exercises
// unverified on Config.KeyFunc: a keyfunc that returns a key chosen by kid
// from keys of several types without checking the algorithm (reported:
// echo-jwt checks no algorithm when given a keyfunc), and one that checks
// token.Method (silent).
package echojwt

import (
	"errors"

	jwt "github.com/golang-jwt/jwt/v5"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
)

var keys = map[string]interface{}{}

func routes(e *echo.Echo) {
	e.Group("/api", echojwt.WithConfig(echojwt.Config{
		KeyFunc: func(t *jwt.Token) (interface{}, error) { // want `echojwt.Config.KeyFunc does not pin the signing algorithm: the keyfunc returns an interface\{\} key`
			kid, _ := t.Header["kid"].(string)
			return keys[kid], nil
		},
	}))
	e.Group("/v2", echojwt.WithConfig(echojwt.Config{
		KeyFunc: func(t *jwt.Token) (interface{}, error) {
			if _, ok := t.Method.(*jwt.SigningMethodRSA); !ok {
				return nil, errors.New("unexpected signing method")
			}
			kid, _ := t.Header["kid"].(string)
			return keys[kid], nil
		},
	}))
}
