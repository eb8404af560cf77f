// Package josev3 exercises weakkey on github.com/go-jose/go-jose/v3: HMAC keys checked against the
// algorithm of their SigningKey literal, a well-known secret, a small RSA
// key, and the negatives: keys long enough for their algorithm and a
// 2048-bit RSA key.
package josev3

import (
	"crypto/rand"
	"crypto/rsa"
	"time"

	jose "github.com/go-jose/go-jose/v3"
	"github.com/go-jose/go-jose/v3/jwt"
)

var hs512Key = []byte("forty-byte-secret-fine-for-hs256-only!!!")

func sign(k jose.SigningKey, sub string) (string, error) {
	s, err := jose.NewSigner(k, nil)
	if err != nil {
		return "", err
	}
	return jwt.Signed(s).Claims(jwt.Claims{Subject: sub, Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))}).CompactSerialize()
}

func Short(sub string) (string, error) {
	return sign(jose.SigningKey{Algorithm: jose.HS256, Key: []byte("sixteen-byte-key")}, sub) // want `short HS256 key: jose.SigningKey.Key uses a string literal \(keys.go:\d+\), 16 bytes long; HS256 needs at least 32 random bytes`
}

func ForHS512(sub string) (string, error) {
	return sign(jose.SigningKey{Algorithm: jose.HS512, Key: hs512Key}, sub) // want `short HS512 key: jose.SigningKey.Key uses var hs512Key \(keys.go:\d+\), 40 bytes long; HS512 needs at least 64`
}

func Weak(raw string) (jwt.Claims, error) {
	var c jwt.Claims
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return c, err
	}
	err = tok.Claims([]byte("changeme"), &c) // want `weak JWT secret: \(\*jwt.JSONWebToken\).Claims uses a string literal`
	return c, err
}

func SmallRSA(sub string) (string, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 1024) // want `rsa.GenerateKey makes a 1024-bit key that jose.SigningKey.Key uses: too small for JWT signatures; use at least 2048 bits`
	if err != nil {
		return "", err
	}
	return sign(jose.SigningKey{Algorithm: jose.RS256, Key: priv}, sub)
}

// Negatives.

func LongEnough(sub string) (string, error) {
	return sign(jose.SigningKey{Algorithm: jose.HS256, Key: hs512Key}, sub)
}

func RSA2048(sub string) (string, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return "", err
	}
	return sign(jose.SigningKey{Algorithm: jose.RS256, Key: priv}, sub)
}
