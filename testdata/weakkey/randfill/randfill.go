// Package randfill fills its keys with random bytes in shapes other than
// one Read call, on golang-jwt v5. It exercises weakkey on a key filled
// byte by byte from a time-seeded math/rand generator, in a function and
// in a function literal that initialises a package variable, on
// math/rand.Read in such a literal, and on letters picked by math/rand.
// The negatives: crypto/rand in a function-literal initialiser, math/rand
// used next to a crypto/rand key for something else, a byte loop that
// copies a checked secret, and a checked environment key read in a
// function-literal initialiser.
package randfill

import (
	crand "crypto/rand"
	"math/rand"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func claims(sub string) jwt.MapClaims { return jwt.MapClaims{"sub": sub, "exp": 1} }

func ByteLoop(sub string) (string, error) {
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	b := make([]byte, 64) // want `predictable JWT key: the key \(\*jwt.Token\).SignedString uses is filled by math/rand`
	for i := range b {
		b[i] = byte(r.Intn(256))
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS512, claims(sub)).SignedString(b)
}

var previewKey = func() []byte {
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	b := make([]byte, 64) // want `predictable JWT key: the key \(\*jwt.Token\).SignedString uses is filled by math/rand`
	for i := range b {
		b[i] = byte(r.Intn(256))
	}
	return b
}()

func Preview(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS512, claims(sub)).SignedString(previewKey)
}

var linkKey = func() []byte {
	b := make([]byte, 64) // want `predictable JWT key: the key \(\*jwt.Token\).SignedString uses is filled by math/rand`
	rand.Read(b)
	return b
}()

func Link(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS512, claims(sub)).SignedString(linkKey)
}

const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func Letters(sub string) (string, error) {
	b := make([]byte, 64) // want `predictable JWT key: the key \(\*jwt.Token\).SignedString uses is filled by math/rand`
	for i := range b {
		b[i] = letters[rand.Intn(len(letters))]
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS512, claims(sub)).SignedString(b)
}

// Negative: crypto/rand fills the key in the literal.
var sessionKey = func() []byte {
	b := make([]byte, 64)
	if _, err := crand.Read(b); err != nil {
		panic(err)
	}
	return b
}()

func Session(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS512, claims(sub)).SignedString(sessionKey)
}

// Negative: math/rand picks a jitter and fills a request id; the key is
// crypto/rand.
func Jittered(sub string) (string, error) {
	key := make([]byte, 64)
	if _, err := crand.Read(key); err != nil {
		return "", err
	}
	id := make([]byte, 8)
	for i := range id {
		id[i] = byte(rand.Intn(256))
	}
	time.Sleep(time.Duration(rand.Intn(50)) * time.Millisecond)
	return jwt.NewWithClaims(jwt.SigningMethodHS512, jwt.MapClaims{"sub": sub, "rid": string(id), "exp": 1}).SignedString(key)
}

// Negative: a byte loop that copies a checked secret, no random source.
func Copied(sub string) (string, error) {
	secret := os.Getenv("COPIED_JWT_SECRET")
	if len(secret) < 64 {
		panic("COPIED_JWT_SECRET must hold 64 bytes or more")
	}
	b := make([]byte, len(secret))
	for i := range b {
		b[i] = secret[i]
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS512, claims(sub)).SignedString(b)
}

// Negative: the environment key is checked inside the literal.
var apiKey = func() []byte {
	k := os.Getenv("API_JWT_SECRET")
	if len(k) < 64 {
		panic("API_JWT_SECRET must hold 64 bytes or more")
	}
	return []byte(k)
}()

func API(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS512, claims(sub)).SignedString(apiKey)
}
