// Package derived makes its keys at run time and keeps them in fields or
// passes them on, on golang-jwt v5. It exercises weakkey on a 1024-bit RSA
// key stored by a constructor, 16 crypto/rand bytes stored in a field, a
// math/rand fill assigned to a field in another method, and a small RSA
// key passed to a signing helper. The negatives: a 2048-bit key in a
// field, 32 random bytes in a field, and a helper one of whose callers
// passes a key of unknown size.
package derived

import (
	"crypto/rand"
	"crypto/rsa"
	mrand "math/rand"

	"github.com/golang-jwt/jwt/v5"
)

func claims(sub string) jwt.MapClaims { return jwt.MapClaims{"sub": sub, "exp": 1} }

type Signer struct{ key *rsa.PrivateKey }

func NewSigner() (*Signer, error) {
	k, err := rsa.GenerateKey(rand.Reader, 1024) // want `rsa.GenerateKey makes a 1024-bit key that \(\*jwt.Token\).SignedString uses: too small for JWT signatures`
	if err != nil {
		return nil, err
	}
	return &Signer{key: k}, nil
}

func (s *Signer) Sign(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims(sub)).SignedString(s.key)
}

type Session struct{ hmacKey []byte }

func NewSession() (*Session, error) {
	buf := make([]byte, 16) // want `short HS256 key: the key \(\*jwt.Token\).SignedString uses is 16 random bytes; HS256 needs at least 32`
	if _, err := rand.Read(buf); err != nil {
		return nil, err
	}
	return &Session{hmacKey: buf}, nil
}

func (s *Session) Token(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(s.hmacKey)
}

type Cookie struct{ key []byte }

func (c *Cookie) Setup() {
	b := make([]byte, 64) // want `predictable JWT key: the key \(\*jwt.Token\).SignedString uses is filled by math/rand`
	mrand.Read(b)
	c.key = b
}

func (c Cookie) Token(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS512, claims(sub)).SignedString(c.key)
}

func signWith(k *rsa.PrivateKey, sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims(sub)).SignedString(k)
}

func DevToken() (string, error) {
	k, err := rsa.GenerateKey(rand.Reader, 1536) // want `rsa.GenerateKey makes a 1536-bit key that \(\*jwt.Token\).SignedString uses`
	if err != nil {
		return "", err
	}
	return signWith(k, "dev")
}

// Negative: a 2048-bit key in a field.
type Issuer struct{ key *rsa.PrivateKey }

func NewIssuer() (*Issuer, error) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	return &Issuer{key: k}, nil
}

func (i *Issuer) Sign(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims(sub)).SignedString(i.key)
}

// Negative: 32 random bytes in a field.
type Ephemeral struct{ key []byte }

func NewEphemeral() (*Ephemeral, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	return &Ephemeral{key: b}, nil
}

func (e *Ephemeral) Token(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(e.key)
}

// Negative: one caller's key has a size chosen at run time.
func signEither(k *rsa.PrivateKey) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims("x")).SignedString(k)
}

func Either(bits int) (string, error) {
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		return "", err
	}
	sized, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		return "", err
	}
	if _, err := signEither(sized); err != nil {
		return "", err
	}
	return signEither(small)
}

// A field filled in place.
type Vault struct{ secret []byte }

func NewVault() (*Vault, error) {
	v := &Vault{secret: make([]byte, 20)} // want `short HS256 key: the key \(\*jwt.Token\).SignedString uses is 20 random bytes`
	if _, err := rand.Read(v.secret); err != nil {
		return nil, err
	}
	return v, nil
}

func (v *Vault) Token(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(v.secret)
}
