// Package clean uses golang-jwt the way jwtvet asks: the key comes from the
// environment, the algorithm is pinned and an expiry is required. jwtvet
// reports nothing here.
package clean

import (
	"errors"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var errNoKey = errors.New("clean: JWT_SECRET is not set")

func key() ([]byte, error) {
	k := os.Getenv("JWT_SECRET")
	if k == "" {
		return nil, errNoKey
	}
	return []byte(k), nil
}

// Mint signs a token for user that expires in 15 minutes.
func Mint(user string) (string, error) {
	k, err := key()
	if err != nil {
		return "", err
	}
	claims := jwt.RegisteredClaims{
		Subject:   user,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute)),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(k)
}

// Subject verifies tokenString and returns its subject.
func Subject(tokenString string) (string, error) {
	k, err := key()
	if err != nil {
		return "", err
	}
	claims := &jwt.RegisteredClaims{}
	tok, err := jwt.ParseWithClaims(tokenString, claims, func(*jwt.Token) (any, error) {
		return k, nil
	}, jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}), jwt.WithExpirationRequired())
	if err != nil {
		return "", err
	}
	if !tok.Valid {
		return "", errors.New("clean: invalid token")
	}
	return claims.Subject, nil
}
