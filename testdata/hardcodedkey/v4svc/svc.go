// Package v4svc uses golang-jwt v4 with a keyfunc variable of type
// jwt.Keyfunc and a request extractor.
package v4svc

import (
	"net/http"

	"github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v4/request"
)

const hmacKey = "v4-hmac-key-in-a-constant-0000000"

var lookup jwt.Keyfunc = func(t *jwt.Token) (interface{}, error) {
	return []byte(hmacKey), nil // want `hardcoded JWT verification key: jwt.Keyfunc returns const hmacKey`
}

func Authenticate(r *http.Request) (*jwt.Token, error) {
	return request.ParseFromRequest(r, request.OAuth2Extractor, lookup)
}

func Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: sub}).SignedString([]byte(hmacKey)) // want `hardcoded JWT signing key`
}
