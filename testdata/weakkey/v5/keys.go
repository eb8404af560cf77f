// Package v5 exercises weakkey on golang-jwt v5: short and well-known
// constant secrets per algorithm, short and predictable runtime keys,
// small RSA keys, and the negatives (long keys, 2048/4096-bit RSA, keys
// of run-time origin, RSA keys with ES/RS algorithms).
package v5

import (
	"crypto/rand"
	"crypto/rsa"
	mrand "math/rand"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

var shortKey = []byte("only-twenty-bytes!!!")

const hs512Key = "forty-bytes-is-fine-for-hs256-not-hs512"

func signShort() (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "u"}).SignedString(shortKey) // want `short HS256 key: \(\*jwt.Token\).SignedString uses var shortKey \(keys.go:\d+\), 20 bytes long; HS256 needs at least 32 random bytes`
}

func signHS512() (string, error) {
	return jwt.New(jwt.SigningMethodHS512).SignedString([]byte(hs512Key)) // want `short HS512 key: .* 39 bytes long; HS512 needs at least 64`
}

func signHS256Long() (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString([]byte(hs512Key))
}

func signWeak() (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString([]byte("your-256-bit-secret")) // want `weak JWT secret: .* a string literal`
}

func signRepeated() (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString([]byte("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")) // want `weak JWT secret`
}

func keyfunc(t *jwt.Token) (any, error) {
	return []byte("changeme"), nil // want `weak JWT secret: jwt.Keyfunc uses`
}

func runtimeShort() (string, error) {
	key := make([]byte, 16) // want `short HS256 key: the key \(\*jwt.Token\).SignedString uses is 16 random bytes; HS256 needs at least 32`
	if _, err := rand.Read(key); err != nil {
		return "", err
	}
	return jwt.New(jwt.SigningMethodHS256).SignedString(key)
}

func runtimePredictable() (string, error) {
	key := make([]byte, 64) // want `predictable JWT key: .* math/rand`
	mrand.Read(key)
	return jwt.New(jwt.SigningMethodHS256).SignedString(key)
}

func smallRSA() (string, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 1024) // want `rsa.GenerateKey makes a 1024-bit key that \(\*jwt.Token\).SignedString uses`
	if err != nil {
		return "", err
	}
	return jwt.New(jwt.SigningMethodRS256).SignedString(priv)
}

func smallRSAVerify(tok string) error {
	priv, err := rsa.GenerateKey(rand.Reader, 512) // want `rsa.GenerateKey makes a 512-bit key that jwt.Keyfunc uses`
	if err != nil {
		return err
	}
	_, err = jwt.Parse(tok, func(t *jwt.Token) (any, error) { return &priv.PublicKey, nil }, jwt.WithValidMethods([]string{"RS256"}))
	return err
}

// Negative cases.

func goodRandom() (string, error) {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return "", err
	}
	return jwt.New(jwt.SigningMethodHS256).SignedString(key)
}

func goodRSA() (string, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 4096)
	if err != nil {
		return "", err
	}
	return jwt.New(jwt.SigningMethodRS256).SignedString(priv)
}

func rsaNotForJWT() *rsa.PrivateKey {
	k, _ := rsa.GenerateKey(rand.Reader, 1024)
	return k
}

func fromEnv() (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString([]byte(os.Getenv("S"))) // want `JWT key may be empty: \(\*jwt.Token\).SignedString uses environment variable S, which nothing checks before use`
}

func param(k []byte) (string, error) {
	return jwt.New(jwt.SigningMethodHS384).SignedString(k)
}
