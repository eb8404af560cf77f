// Package jwtauth protects a chi router with go-chi/jwtauth. It exercises
// hardcodedkey on both keys of jwtauth.New, and the negatives: keys from
// the environment and a public verification key.
package jwtauth

import (
	"crypto/rand"
	"crypto/rsa"
	"net/http"
	"os"
	"time"

	"github.com/go-chi/jwtauth/v5"
)

var tokenAuth *jwtauth.JWTAuth

func init() {
	tokenAuth = jwtauth.New("HS256", []byte("chi-jwtauth-secret-from-the-readme"), nil) // want `hardcoded JWT signing key: jwtauth.New signs with a string literal`
}

const partnerSecret = "partner-verify-only-secret-value!"

// Partner verifies partner tokens with a separate key.
func Partner(signKey []byte) *jwtauth.JWTAuth {
	return jwtauth.New("HS512", signKey, []byte(partnerSecret)) // want `hardcoded JWT verification key: jwtauth.New returns const partnerSecret`
}

// Routes wires the verifier.
func Routes(mux *http.ServeMux, h http.Handler) {
	mux.Handle("/api/", jwtauth.Verifier(tokenAuth)(jwtauth.Authenticator(tokenAuth)(h)))
}

// Login mints a token.
func Login(user string) (string, error) {
	claims := map[string]interface{}{"user_id": user}
	jwtauth.SetExpiryIn(claims, 15*time.Minute)
	_, s, err := tokenAuth.Encode(claims)
	return s, err
}

// Negatives.

func FromEnv() *jwtauth.JWTAuth {
	return jwtauth.New("HS256", []byte(os.Getenv("JWT_SECRET")), nil)
}

func RSA() (*jwtauth.JWTAuth, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	return jwtauth.New("RS256", priv, &priv.PublicKey), nil
}
