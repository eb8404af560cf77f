// Package fixtures pins the real JWT libraries the rule fixtures use.
package fixtures

import (
	_ "github.com/dgrijalva/jwt-go"
	_ "github.com/form3tech-oss/jwt-go"
	_ "github.com/golang-jwt/jwt"
	_ "github.com/golang-jwt/jwt/v4"
	_ "github.com/golang-jwt/jwt/v4/request"
	_ "github.com/golang-jwt/jwt/v5"
	_ "github.com/golang-jwt/jwt/v5/request"
)
