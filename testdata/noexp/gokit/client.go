// Package gokit signs outgoing requests with go-kit auth/jwt. It exercises
// noexp on NewSigner, whose claims are fixed when the middleware is built:
// without ExpiresAt (reported, without a fix: an expiry written there would
// be a fixed date) and with it (silent: the expiry is the caller's choice).
package gokit

import (
	"time"

	kitjwt "github.com/go-kit/kit/auth/jwt"
	"github.com/go-kit/kit/endpoint"
	jwt "github.com/golang-jwt/jwt/v4"
)

func client(key []byte, next endpoint.Endpoint) endpoint.Endpoint {
	return kitjwt.NewSigner("k1", key, jwt.SigningMethodHS256, jwt.RegisteredClaims{Issuer: "billing"})(next) // want `kitjwt.NewSigner signs claims fixed when it is built, and they have no exp claim, so its tokens never expire`
}

// Negatives.

func clientExp(key []byte, next endpoint.Endpoint) endpoint.Endpoint {
	return kitjwt.NewSigner("k1", key, jwt.SigningMethodHS256, jwt.RegisteredClaims{Issuer: "billing", ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))})(next)
}
