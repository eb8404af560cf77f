// A token-minting command (golang-jwt v3): jwt.NewWithClaims with
// jwt.SigningMethodNone (reported); RS256 minting (silent).
package golangjwtv3

import (
	"crypto/rsa"
	"time"

	"github.com/golang-jwt/jwt"
)

func mintUnsigned(sub string) (string, error) {
	claims := jwt.StandardClaims{Subject: sub, ExpiresAt: time.Now().Add(time.Hour).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodNone, claims).SignedString(jwt.UnsafeAllowNoneSignatureType) // want `jwt.NewWithClaims with the none signing method`
}

func mint(sub string, key *rsa.PrivateKey) (string, error) {
	claims := jwt.StandardClaims{Subject: sub, ExpiresAt: time.Now().Add(time.Hour).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims).SignedString(key)
}
