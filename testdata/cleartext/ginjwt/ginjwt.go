// Package ginjwt configures gin-jwt to send its tokens in a cookie: without
// SecureCookie (reported, fixed), with SecureCookie from the settings and
// without SendCookie (not reported).
package ginjwt

import (
	"os"
	"time"

	jwt "github.com/appleboy/gin-jwt/v2"
)

var key = []byte(os.Getenv("JWT_KEY"))

var production = os.Getenv("ENV") == "production"

func Middleware() (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{ // want `jwt.GinJWTMiddleware sets its JWTs in a cookie \(SendCookie\) without SecureCookie, so browsers also send them over plain HTTP: set SecureCookie: true`
		Realm:      "console",
		Key:        key,
		Timeout:    time.Hour,
		MaxRefresh: 24 * time.Hour,
		SendCookie: true,
		CookieName: "jwt",
	})
}

// Negatives.

func Configured() (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{Realm: "api", Key: key, Timeout: time.Hour, SendCookie: true, SecureCookie: production, CookieHTTPOnly: true})
}

func HeaderOnly() (*jwt.GinJWTMiddleware, error) {
	return jwt.New(&jwt.GinJWTMiddleware{Realm: "api", Key: key, Timeout: time.Hour, TokenLookup: "header: Authorization"})
}
