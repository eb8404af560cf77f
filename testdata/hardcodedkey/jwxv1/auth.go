// Package jwxv1 signs and verifies session tokens with lestrrat-go/jwx v1,
// whose keys are positional: jwt.Sign(tok, alg, key), jws.Sign and
// jws.Verify(buf, alg, key), and jwt.WithVerify(alg, key) for parsing.
// It exercises hardcodedkey on each, on a raw key wrapped by jwk.New, and
// the negatives: keys from the environment, generated RSA keys and key sets.
package jwxv1

import (
	"crypto/rand"
	"crypto/rsa"
	"os"
	"time"

	"github.com/lestrrat-go/jwx/jwa"
	"github.com/lestrrat-go/jwx/jwk"
	"github.com/lestrrat-go/jwx/jws"
	"github.com/lestrrat-go/jwx/jwt"
)

const sessionSecret = "session-token-hmac-secret-in-source-code"

var refreshSecret = []byte("refresh-token-hmac-secret-in-source")

// Session mints a session token.
func Session(sub string) ([]byte, error) {
	tok := jwt.New()
	if err := tok.Set(jwt.SubjectKey, sub); err != nil {
		return nil, err
	}
	if err := tok.Set(jwt.ExpirationKey, time.Now().Add(15*time.Minute)); err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwa.HS256, []byte(sessionSecret)) // want `hardcoded JWT signing key: jwt.Sign signs with const sessionSecret`
}

// Check parses and verifies a session token.
func Check(raw string) (jwt.Token, error) {
	return jwt.ParseString(raw, jwt.WithVerify(jwa.HS256, []byte(sessionSecret)), jwt.WithValidate(true)) // want `hardcoded JWT verification key: jwt.WithVerify returns const sessionSecret`
}

// Refresh mints a refresh token with a key wrapped as a JWK.
func Refresh(sub string) ([]byte, error) {
	key, err := jwk.New(refreshSecret)
	if err != nil {
		return nil, err
	}
	tok, err := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(24 * time.Hour)).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwa.HS512, key) // want `hardcoded JWT signing key: jwt.Sign signs with var refreshSecret`
}

// SignPayload signs a raw JWS payload.
func SignPayload(payload []byte) ([]byte, error) {
	return jws.Sign(payload, jwa.HS256, []byte("jws-payload-signing-secret-value!")) // want `hardcoded JWT signing key: jws.Sign signs with a string literal`
}

// Negatives.

func SessionFromEnv(sub string) ([]byte, error) {
	tok, err := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(time.Hour)).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwa.HS256, []byte(os.Getenv("SESSION_SECRET")))
}

func CheckFromEnv(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithVerify(jwa.HS256, []byte(os.Getenv("SESSION_SECRET"))), jwt.WithValidate(true))
}

func SessionRSA(sub string) ([]byte, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	tok, err := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(time.Hour)).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwa.RS256, priv)
}

func VerifyWithSet(raw []byte, set jwk.Set) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKeySet(set), jwt.WithValidate(true))
}
