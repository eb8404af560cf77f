// Package kataras exercises weakkey on github.com/kataras/jwt: HMAC keys of
// Sign and Verify checked against their algorithm, a weak secret given to
// Keys.Register, a small PEM RSA key, and the negatives.
package kataras

import (
	"time"

	"github.com/kataras/jwt"
)

var hs512Key = []byte("a-forty-eight-byte-key-good-enough-for-hs384!!!!")

const smallRSA = `
-----BEGIN RSA PRIVATE KEY-----
MIICXQIBAAKBgQCqpdiiTPmFwBRqKWDgvnH+eDqb4BOYOhW3bLvNZt0pUK41n/tr
HX+pwzeahdO+YCMDmHaCQ7FlMV6KVOaVFKw9RxaRsT8F49TAp2/KALXECuTqOV6v
1ggt2eGs3Cf5byK8H2qo3hmu4ATiQVQQvx8++rgmdgOE7pWoFjH4SrrkQQIDAQAB
AoGAUIAUBdxSCWpnNv12Gg89L1IAM/Aszi74d6LvpSHVStwoklt5+znbM3ZIELj4
/mHToqqVnTXZxWbYtmD+tW0fIrOEb5MIKlo32LzotJFWtSrtzBnmYKYvEJo6abmf
NJLqoz88YngOmyvFGIP/ywqbJ9eR0dlGO5RMSlcRiQDNrAECQQDehTFKnA89vcZE
qUy5xSP8/iV/mnSfoD3ukCYiyRKT9CkzNrYaFd7+HimOWaJvkuGfndTyZXTfczky
arn5RQJxAkEAxFKvIud7P+PhI/9ICHpTZXwOsIm/9fxu5fX6OGLKwEsbb6JUcFb8
4CTBswJBcZRcJBLJuK2ffVUfATmMAMlG0QJAKgmllz/GTVa1xzDossvAkcH9mY63
a5SdPp1y5u1vmg3tXqR+YI0zNHTESwU5/7QS9dGecjCilLgy3Qh2m9XisQJBALxz
VjReGXwJxarlOIMS0QzgmcUyZTa9+sH5bRhFFLSjJBHzs7QmfBS4k8q+ho19STlD
Y6lH2InZdKqbT93NV5ECQQCAOx2BDC2l6NWKzRpMIqpA2ugl03gPw6PGkkoAigp0
Vjh1xv2BGS0NKXPHEVmh2OD0KG2RMH9kBTkZZZUmB2C0
-----END RSA PRIVATE KEY-----
`

type claims struct {
	User string `json:"user"`
}

func Sign(user string) ([]byte, error) {
	return jwt.Sign(jwt.HS512, hs512Key, claims{User: user}, jwt.MaxAge(time.Hour)) // want `short HS512 key: jwt.Sign uses var hs512Key \(keys.go:\d+\), 48 bytes long; HS512 needs at least 64`
}

func Verify(tok []byte) error {
	_, err := jwt.Verify(jwt.HS256, []byte("jwt-secret"), tok) // want `weak JWT secret: jwt.Verify uses a string literal`
	return err
}

func Keys() jwt.Keys {
	ks := jwt.Keys{}
	ks.Register(jwt.HS256, "k1", []byte("0123456789"), []byte("0123456789")) // want `short HS256 key: \(\*jwt.Keys\).Register uses a string literal \(keys.go:\d+\), 10 bytes long` `short HS256 key: \(\*jwt.Keys\).Register uses a string literal \(keys.go:\d+\), 10 bytes long`
	return ks
}

func SignRSA(user string) ([]byte, error) {
	priv, err := jwt.ParsePrivateKeyRSA([]byte(smallRSA))
	if err != nil {
		return nil, err
	}
	return jwt.Sign(jwt.RS256, priv, claims{User: user}, jwt.MaxAge(time.Hour)) // want `RSA private key in const smallRSA \(keys.go:\d+\) is 1024 bits, too small for JWT signatures: jwt.Sign needs at least 2048`
}

// Negatives.

func SignHS384(user string) ([]byte, error) {
	return jwt.Sign(jwt.HS384, hs512Key, claims{User: user}, jwt.MaxAge(time.Hour))
}
