// go-kit auth/jwt: a parser pinned to the none method (reported) and a
// signer with it (reported); HS256 signer and parser (silent).
package gokit

import (
	"os"

	kitjwt "github.com/go-kit/kit/auth/jwt"
	"github.com/go-kit/kit/endpoint"
	jwt "github.com/golang-jwt/jwt/v4"
)

func acceptUnsigned(next endpoint.Endpoint) endpoint.Endpoint {
	return kitjwt.NewParser(func(*jwt.Token) (interface{}, error) { return []byte(os.Getenv("K")), nil }, jwt.SigningMethodNone, kitjwt.MapClaimsFactory)(next) // want `jwt.NewParser with the none algorithm accepts unsigned tokens`
}

func signUnsigned(next endpoint.Endpoint) endpoint.Endpoint {
	return kitjwt.NewSigner("k", nil, jwt.SigningMethodNone, jwt.MapClaims{"iss": "svc"})(next) // want `jwt.NewSigner with the none algorithm mints an unsigned token`
}

// Negatives.

func parser(next endpoint.Endpoint) endpoint.Endpoint {
	return kitjwt.NewParser(func(*jwt.Token) (interface{}, error) { return []byte(os.Getenv("K")), nil }, jwt.SigningMethodHS256, kitjwt.MapClaimsFactory)(next)
}
