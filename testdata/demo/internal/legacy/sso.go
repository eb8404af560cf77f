package legacy

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"os"
	"time"

	sso "github.com/dgrijalva/jwt-go"
)

// The old single sign-on still issues RS256 tokens for the console; it is
// verified here with the library the console was written against.

// SSOClaims are the claims of a single sign-on token.
type SSOClaims struct {
	Email string `json:"email"`
	sso.StandardClaims
}

// SSOKey loads the single sign-on's public key.
func SSOKey() (*rsa.PublicKey, error) {
	pem, err := os.ReadFile(os.Getenv("SSO_PUBLIC_KEY_FILE"))
	if err != nil {
		return nil, err
	}
	return sso.ParseRSAPublicKeyFromPEM(pem)
}

// VerifySSO checks a single sign-on token for the console.
func VerifySSO(raw string, key *rsa.PublicKey) (*SSOClaims, error) {
	claims := &SSOClaims{}
	p := &sso.Parser{ValidMethods: []string{"RS256"}}
	if _, err := p.ParseWithClaims(raw, claims, func(t *sso.Token) (interface{}, error) {
		if _, ok := t.Method.(*sso.SigningMethodRSA); !ok {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return key, nil
	}); err != nil {
		return nil, err
	}
	if !claims.VerifyExpiresAt(time.Now().Unix(), true) || !claims.VerifyAudience("console", true) {
		return nil, errors.New("sso token expired or not for the console")
	}
	return claims, nil
}
