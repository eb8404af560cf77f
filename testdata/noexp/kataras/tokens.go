// Package kataras signs tokens with github.com/kataras/jwt. It exercises
// noexp on jwt.Sign without MaxAge and with claims that carry no exp (a
// struct without an expiry field, a map: reported, the map fixed), and the
// negatives: MaxAge, jwt.Claims with Expiry, a map with "exp".
package kataras

import (
	"time"

	"github.com/kataras/jwt"
)

type userClaims struct {
	Username string `json:"username"`
	Admin    bool   `json:"admin"`
}

type sessionClaims struct {
	jwt.Claims
	Username string `json:"username"`
}

func login(key []byte, user string) ([]byte, error) {
	return jwt.Sign(jwt.HS256, key, userClaims{Username: user}) // want `jwt.Sign mints a token whose claims never get an exp claim`
}

func loginMap(key []byte, user string) ([]byte, error) {
	return jwt.Sign(jwt.HS256, key, map[string]interface{}{"username": user}) // want `jwt.Sign mints a token whose claims never get an exp claim`
}

func session(key []byte, user string) ([]byte, error) {
	return jwt.Sign(jwt.HS256, key, sessionClaims{Username: user}, jwt.MaxAge(0)) // want `jwt.Sign mints a token whose claims never get an exp claim`
}

// Negatives.

func loginMaxAge(key []byte, user string) ([]byte, error) {
	return jwt.Sign(jwt.HS256, key, userClaims{Username: user}, jwt.MaxAge(15*time.Minute))
}

func sessionExpiry(key []byte, user string) ([]byte, error) {
	c := sessionClaims{Username: user}
	c.Expiry = time.Now().Add(time.Hour).Unix()
	return jwt.Sign(jwt.HS256, key, c)
}

func loginMapExp(key []byte, user string) ([]byte, error) {
	return jwt.Sign(jwt.HS256, key, map[string]interface{}{"username": user, "exp": time.Now().Add(time.Hour).Unix()})
}
