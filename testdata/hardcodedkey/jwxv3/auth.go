// Package jwxv3 signs and verifies access tokens with lestrrat-go/jwx v3. It
// exercises hardcodedkey on jwt.WithKey and jws.WithKey passed to Sign
// and Parse (directly and through an option variable), on raw keys
// wrapped by jwk.Import, and the negatives: keys from the environment,
// generated RSA keys and key sets.
package jwxv3

import (
	"crypto/rand"
	"crypto/rsa"
	"os"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

const accessSecret = "access-token-hmac-secret-in-source-code"

var refreshSecret = []byte("refresh-token-hmac-secret-in-source")

// Access mints an access token.
func Access(sub string) ([]byte, error) {
	tok, err := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(15 * time.Minute)).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256(), []byte(accessSecret))) // want `hardcoded JWT signing key: jwt.WithKey signs with const accessSecret`
}

// Verify parses and verifies an access token.
func Verify(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.HS256(), []byte(accessSecret)), jwt.WithValidate(true)) // want `hardcoded JWT verification key: jwt.WithKey returns const accessSecret`
}

// Refresh mints a refresh token with a key wrapped as a JWK.
func Refresh(sub string) ([]byte, error) {
	key, err := jwk.Import(refreshSecret)
	if err != nil {
		return nil, err
	}
	tok, err := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(24 * time.Hour)).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS512(), key)) // want `hardcoded JWT signing key: jwt.WithKey signs with var refreshSecret`
}

// refreshOpts is built once and reused by every refresh check.
var refreshOpts = []jwt.ParseOption{jwt.WithKey(jwa.HS512(), refreshSecret)} // want `hardcoded JWT key: jwt.WithKey is set to var refreshSecret`

// CheckRefresh verifies a refresh token.
func CheckRefresh(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, refreshOpts...)
}

// SignPayload signs a raw JWS payload.
func SignPayload(payload []byte) ([]byte, error) {
	return jws.Sign(payload, jws.WithKey(jwa.HS256(), []byte("jws-payload-signing-secret-value!"))) // want `hardcoded JWT signing key: jws.WithKey signs with a string literal`
}

// Negatives.

func AccessFromEnv(sub string) ([]byte, error) {
	tok, err := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(time.Hour)).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256(), []byte(os.Getenv("ACCESS_SECRET"))))
}

func AccessRSA(sub string) ([]byte, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	tok, err := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(time.Hour)).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.RS256(), priv))
}

func VerifyWithSet(raw []byte, set jwk.Set) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKeySet(set))
}
