// Package flowsens holds code that only looks like a shared secret when // want package:`keyuses\(.*\)`
// read without its order, on golang-jwt v5. Negatives: a literal default
// that is a sentinel, compared against and replaced by a random key before
// use; access and refresh secrets loaded by one function (two results, one
// method setting two fields) and kept apart.
package flowsens

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const unsetSecret = "CHANGE_ME"

var sessionSecret = loadSessionSecret()

func loadSessionSecret() string {
	s := os.Getenv("SESSION_JWT_SECRET")
	if s == "" {
		s = unsetSecret
	}
	if s == unsetSecret {
		b := make([]byte, 32)
		if _, err := rand.Read(b); err != nil {
			panic(err)
		}
		s = hex.EncodeToString(b)
	}
	return s
}

func issueSession(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": time.Now().Add(time.Hour).Unix()}).SignedString([]byte(sessionSecret))
}

func claims(sub string, ttl time.Duration) jwt.RegisteredClaims {
	return jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(ttl))}
}

func loadPair() ([]byte, []byte) {
	access := []byte(os.Getenv("PAIR_ACCESS_SECRET"))
	refresh := []byte(os.Getenv("PAIR_REFRESH_SECRET"))
	return access, refresh
}

var accessKey, refreshKey = loadPair()

func newAccessToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Minute)).SignedString(accessKey)
}

func newRefreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, 720*time.Hour)).SignedString(refreshKey)
}

type keyPair struct{ access, refresh []byte }

func (k *keyPair) load() {
	k.access = []byte(os.Getenv("KP_ACCESS_SECRET"))
	k.refresh = []byte(os.Getenv("KP_REFRESH_SECRET"))
}

func (k *keyPair) generateAccessToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Minute)).SignedString(k.access)
}

func (k *keyPair) generateRefreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, 720*time.Hour)).SignedString(k.refresh)
}

var _ = []any{issueSession, newAccessToken, newRefreshToken, (*keyPair).load, (*keyPair).generateAccessToken, (*keyPair).generateRefreshToken}
