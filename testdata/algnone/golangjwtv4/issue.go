// Token minting in an internal tool (golang-jwt v4): jwt.SigningMethodNone.Sign
// and jwt.New with the none method (reported); RS256 minting (silent).
package golangjwtv4

import (
	"crypto/rsa"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v4"
)

// unsignedJWT assembles a token by hand for the load tester.
func unsignedJWT(header, payload string) (string, error) {
	signingString := strings.Join([]string{header, payload}, ".")
	sig, err := jwt.SigningMethodNone.Sign(signingString, jwt.UnsafeAllowNoneSignatureType) // want `jwt.SigningMethodNone.Sign returns an empty signature`
	if err != nil {
		return "", err
	}
	return signingString + "." + sig, nil
}

func issueServiceToken(method string, key *rsa.PrivateKey) (string, error) {
	m := jwt.GetSigningMethod(method)
	if method == "" {
		m = jwt.SigningMethodNone
	}
	tok := jwt.New(m) // want `jwt.New with the none signing method`
	tok.Claims = jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}
	return tok.SignedString(key)
}

// --- silent ---

func issueRS256(key *rsa.PrivateKey, sub string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute))}
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims).SignedString(key)
}
