// Package ginjwt configures appleboy/gin-jwt. It exercises hardcodedkey on
// GinJWTMiddleware.Key and on a KeyFunc, and the negatives: a key from
// the environment and an RSA key file.
package ginjwt

import (
	"os"
	"time"

	jwt "github.com/appleboy/gin-jwt/v2"
	gojwt "github.com/golang-jwt/jwt/v4"
)

const ginSecret = "gin-jwt-secret-key-from-the-readme"

// Middleware builds the auth middleware.
func Middleware() (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{
		Realm:      "api",
		Key:        []byte(ginSecret), // want `hardcoded JWT key: jwt.GinJWTMiddleware.Key is set to const ginSecret`
		Timeout:    15 * time.Minute,
		MaxRefresh: time.Hour,
	})
}

// Legacy builds a middleware with its own keyfunc.
func Legacy() (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{
		Realm: "legacy",
		KeyFunc: func(t *gojwt.Token) (interface{}, error) {
			return []byte(ginSecret), nil // want `hardcoded JWT verification key: jwt.Keyfunc returns const ginSecret`
		},
	})
}

// Negatives.

func FromEnv() (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{Realm: "api", Key: []byte(os.Getenv("GIN_JWT_KEY")), Timeout: time.Hour})
}

func RSAFiles() (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{Realm: "api", SigningAlgorithm: "RS256", PrivKeyFile: "/etc/keys/jwt.pem", PubKeyFile: "/etc/keys/jwt.pub"})
}
