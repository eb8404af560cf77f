// Package golangjwtv3 verifies RS256 tokens with github.com/golang-jwt/jwt
// v3 (+incompatible), which gets no more fixes; v4 is its drop-in
// replacement, so the rewrite is offered.
package golangjwtv3

import (
	"crypto/rsa"
	"os"

	"github.com/golang-jwt/jwt" // want `github.com/golang-jwt/jwt is unsupported \(v3: no more security fixes\); use github.com/golang-jwt/jwt/v4: go get github.com/golang-jwt/jwt/v4`
)

func publicKey() (*rsa.PublicKey, error) {
	pem, err := os.ReadFile(os.Getenv("JWT_PUBLIC_KEY_FILE"))
	if err != nil {
		return nil, err
	}
	return jwt.ParseRSAPublicKeyFromPEM(pem)
}

func Verify(raw string) (jwt.MapClaims, error) {
	pub, err := publicKey()
	if err != nil {
		return nil, err
	}
	claims := jwt.MapClaims{}
	p := &jwt.Parser{ValidMethods: []string{"RS256"}}
	if _, err := p.ParseWithClaims(raw, claims, func(*jwt.Token) (interface{}, error) { return pub, nil }); err != nil {
		return nil, err
	}
	return claims, nil
}
