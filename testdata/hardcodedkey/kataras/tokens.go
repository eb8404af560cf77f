// Package kataras signs and verifies tokens with github.com/kataras/jwt.
// It exercises hardcodedkey on the key arguments of Sign and Verify, on
// both keys given to Keys.Register, on a Key literal, and the negatives:
// keys from the environment, public keys and generated keys.
package kataras

import (
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"time"

	"github.com/kataras/jwt"
)

var sharedKey = []byte("kataras-shared-hmac-key-for-tokens")

const privatePEM = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIDtp6onq6be3YygFMQwBqdDzMMqdDXFakUEI14mZ1290
-----END PRIVATE KEY-----`

const publicPEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAIXzqq9gKvhc3WLMJg9iruQ92q9xHmQ8lcBGyDNEa5po=
-----END PUBLIC KEY-----`

type userClaims struct {
	Username string `json:"username"`
}

// Login signs a token for user.
func Login(user string) ([]byte, error) {
	return jwt.Sign(jwt.HS256, sharedKey, userClaims{Username: user}, jwt.MaxAge(15*time.Minute)) // want `hardcoded JWT signing key: jwt.Sign signs with var sharedKey`
}

// Check verifies a token.
func Check(token []byte) (userClaims, error) {
	var c userClaims
	verified, err := jwt.Verify(jwt.HS256, sharedKey, token) // want `hardcoded JWT verification key: jwt.Verify returns var sharedKey`
	if err != nil {
		return c, err
	}
	return c, verified.Claims(&c)
}

// keys holds the key pairs by kid.
func keys() (jwt.Keys, error) {
	priv, err := jwt.ParsePrivateKeyEdDSA([]byte(privatePEM))
	if err != nil {
		return nil, err
	}
	pub, err := jwt.ParsePublicKeyEdDSA([]byte(publicPEM))
	if err != nil {
		return nil, err
	}
	ks := jwt.Keys{}
	ks.Register(jwt.EdDSA, "api", pub, priv)                                                                                   // want `hardcoded JWT private key: \(\*jwt.Keys\).Register signs with const privatePEM`
	ks.Register(jwt.HS256, "legacy", []byte("legacy-hmac-key-registered-by-kid"), []byte("legacy-hmac-key-registered-by-kid")) // want `hardcoded JWT signing key: \(\*jwt.Keys\).Register signs with a string literal` `hardcoded JWT verification key: \(\*jwt.Keys\).Register returns a string literal`
	return ks, nil
}

var adminKey = &jwt.Key{ID: "admin", Alg: jwt.HS512, Private: []byte("admin-hmac-key-in-a-key-literal-xx"), MaxAge: time.Hour} // want `hardcoded JWT key: jwt.Key.Private is set to a string literal`

var _, _ = keys, adminKey

// Negatives.

func LoginFromEnv(user string) ([]byte, error) {
	return jwt.Sign(jwt.HS256, []byte(os.Getenv("JWT_SECRET")), userClaims{Username: user}, jwt.MaxAge(time.Hour))
}

func LoginEdDSA(user string) ([]byte, ed25519.PublicKey, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	tok, err := jwt.Sign(jwt.EdDSA, priv, userClaims{Username: user}, jwt.MaxAge(time.Hour))
	return tok, pub, err
}

func CheckPublic(token []byte) error {
	pub, err := jwt.ParsePublicKeyEdDSA([]byte(publicPEM))
	if err != nil {
		return err
	}
	_, err = jwt.Verify(jwt.EdDSA, pub, token)
	return err
}
