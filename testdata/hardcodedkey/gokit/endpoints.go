// Package gokit protects go-kit endpoints with auth/jwt. It exercises
// hardcodedkey on NewSigner's key and on the keyfunc given to NewParser,
// and the negatives: keys from flags and the environment.
package gokit

import (
	"context"
	"flag"
	"os"
	"time"

	kitjwt "github.com/go-kit/kit/auth/jwt"
	"github.com/go-kit/kit/endpoint"
	jwt "github.com/golang-jwt/jwt/v4"
)

var kid = "svc-1"

var serviceKey = []byte("go-kit-service-to-service-secret!!")

// Client signs outgoing requests.
func Client(next endpoint.Endpoint) endpoint.Endpoint {
	claims := jwt.RegisteredClaims{Issuer: "billing", ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}
	return kitjwt.NewSigner(kid, serviceKey, jwt.SigningMethodHS256, claims)(next) // want `hardcoded JWT signing key: jwt.NewSigner signs with var serviceKey`
}

func keys(token *jwt.Token) (interface{}, error) {
	return serviceKey, nil // want `hardcoded JWT verification key: jwt.Keyfunc returns var serviceKey`
}

// Server checks incoming requests.
func Server(next endpoint.Endpoint) endpoint.Endpoint {
	return kitjwt.NewParser(keys, jwt.SigningMethodHS256, kitjwt.StandardClaimsFactory)(next)
}

// Negatives.

var keyFlag = flag.String("jwt-key", "", "HMAC key for service tokens")

func ClientFromFlag(next endpoint.Endpoint) endpoint.Endpoint {
	claims := jwt.RegisteredClaims{Issuer: "billing", ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}
	return kitjwt.NewSigner(kid, []byte(*keyFlag), jwt.SigningMethodHS256, claims)(next)
}

func ServerFromEnv(next endpoint.Endpoint) endpoint.Endpoint {
	key := []byte(os.Getenv("SERVICE_KEY"))
	return kitjwt.NewParser(func(*jwt.Token) (interface{}, error) { return key, nil }, jwt.SigningMethodHS256, kitjwt.MapClaimsFactory)(next)
}

var _ = context.Background
