// Package jwxv2 exercises weakkey on lestrrat-go/jwx v2: HMAC keys in
// WithKey checked against its algorithm, a key wrapped by jwk.FromRaw, keys
// made at run time from crypto/rand and math/rand, a small RSA key, and
// the negatives.
package jwxv2

import (
	"crypto/rand"
	"crypto/rsa"
	mrand "math/rand"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

const hs384Key = "forty-byte-secret-fine-for-hs256-only!!!"

func token(sub string) jwt.Token {
	t, _ := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(time.Hour)).Build()
	return t
}

func Short(sub string) ([]byte, error) {
	return jwt.Sign(token(sub), jwt.WithKey(jwa.HS256, []byte("short-key"))) // want `short HS256 key: jwt.WithKey uses a string literal \(keys.go:\d+\), 9 bytes long; HS256 needs at least 32 random bytes`
}

func ForHS384(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.HS384, []byte(hs384Key))) // want `short HS384 key: jwt.WithKey uses const hs384Key \(keys.go:\d+\), 40 bytes long; HS384 needs at least 48`
}

func Wrapped(sub string) ([]byte, error) {
	k, err := jwk.FromRaw([]byte("secret"))
	if err != nil {
		return nil, err
	}
	return jwt.Sign(token(sub), jwt.WithKey(jwa.HS256, k)) // want `weak JWT secret: jwt.WithKey uses a string literal`
}

func RandomShort(sub string) ([]byte, error) {
	key := make([]byte, 16) // want `short HS256 key: the key jwt.WithKey uses is 16 random bytes; HS256 needs at least 32`
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	return jwt.Sign(token(sub), jwt.WithKey(jwa.HS256, key))
}

func Predictable(sub string) ([]byte, error) {
	key := make([]byte, 64) // want `predictable JWT key: the key jwt.WithKey uses is filled by math/rand`
	mrand.Read(key)
	return jwt.Sign(token(sub), jwt.WithKey(jwa.HS256, key))
}

func SmallRSA(sub string) ([]byte, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 1024) // want `rsa.GenerateKey makes a 1024-bit key that jwt.WithKey uses`
	if err != nil {
		return nil, err
	}
	return jwt.Sign(token(sub), jwt.WithKey(jwa.RS256, priv))
}

// Negatives.

func LongEnough(sub string) ([]byte, error) {
	return jwt.Sign(token(sub), jwt.WithKey(jwa.HS256, []byte(hs384Key)))
}

func RandomLong(sub string) ([]byte, error) {
	key := make([]byte, 64)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	return jwt.Sign(token(sub), jwt.WithKey(jwa.HS512, key))
}

func RSA4096(sub string) ([]byte, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 4096)
	if err != nil {
		return nil, err
	}
	return jwt.Sign(token(sub), jwt.WithKey(jwa.RS256, priv))
}
