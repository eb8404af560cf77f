// Package ginjwt uses gin-jwt. // want package:`keyuses\(.*\)`
// It exercises sharedkey on a secret whose environment lookup falls back
// to a constant (reported at the constant), on one secret for access and
// refresh tokens (reported), and on a refresh key of its own (silent).
package ginjwt

import (
	"os"

	jwt "github.com/appleboy/gin-jwt/v2"
)

func secret() []byte {
	s := os.Getenv("ACCESS_SECRET")
	if s == "" {
		s = "local-development-access-secret!!" // want `jwt key of jwt.GinJWTMiddleware.Key falls back to a string literal \(tokens.go:\d+\) when environment variable ACCESS_SECRET is unset`
	}
	return []byte(s)
}

var shared = []byte(os.Getenv("JWT_SECRET"))

var refreshKey = []byte(os.Getenv("REFRESH_SECRET"))

func sessionMiddleware() (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{Realm: "session", Key: secret()})
}

var accessTokenConfig = jwt.GinJWTMiddleware{Realm: "access", Key: shared}

var refreshTokenConfig = jwt.GinJWTMiddleware{Realm: "refresh", Key: shared} // want `jwt key var shared is used for refresh tokens by jwt.GinJWTMiddleware.Key and for access tokens at tokens.go:\d+`

func middlewares() (access, refresh *jwt.GinJWTMiddleware, err error) {
	if access, err = jwt.New(&accessTokenConfig); err != nil {
		return nil, nil, err
	}
	refresh, err = jwt.New(&refreshTokenConfig)
	return access, refresh, err
}

// Negatives.

var rotatedRefreshTokenConfig = jwt.GinJWTMiddleware{Realm: "refresh2", Key: refreshKey}

var _ = middlewares
