// Package jwxv1 exercises weakkey on lestrrat-go/jwx v1, whose keys are
// positional: HMAC keys of jwt.Sign and jwt.WithVerify checked against the
// algorithm argument, a key wrapped by jwk.New, a small RSA key, and the
// negatives.
package jwxv1

import (
	"crypto/rand"
	"crypto/rsa"
	"time"

	"github.com/lestrrat-go/jwx/jwa"
	"github.com/lestrrat-go/jwx/jwk"
	"github.com/lestrrat-go/jwx/jwt"
)

const hs384Key = "forty-byte-secret-fine-for-hs256-only!!!"

func token(sub string) jwt.Token {
	t, _ := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(time.Hour)).Build()
	return t
}

func Short(sub string) ([]byte, error) {
	return jwt.Sign(token(sub), jwa.HS256, []byte("short-key")) // want `short HS256 key: jwt.Sign uses a string literal \(keys.go:\d+\), 9 bytes long; HS256 needs at least 32 random bytes`
}

func ForHS384(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithVerify(jwa.HS384, []byte(hs384Key)), jwt.WithValidate(true)) // want `short HS384 key: jwt.WithVerify uses const hs384Key \(keys.go:\d+\), 40 bytes long; HS384 needs at least 48`
}

func Wrapped(sub string) ([]byte, error) {
	k, err := jwk.New([]byte("secret"))
	if err != nil {
		return nil, err
	}
	return jwt.Sign(token(sub), jwa.HS256, k) // want `weak JWT secret: jwt.Sign uses a string literal`
}

// Negatives.

func LongRandom(sub string) ([]byte, error) {
	key := make([]byte, 64)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	return jwt.Sign(token(sub), jwa.HS512, key)
}

func RSA(sub string) ([]byte, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	return jwt.Sign(token(sub), jwa.RS256, priv)
}
