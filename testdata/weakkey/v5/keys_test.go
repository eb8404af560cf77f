// Test keys are fixtures: not reported by default.
package v5

import (
	"crypto/rand"
	"crypto/rsa"
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

func TestSmallKeysInTests(t *testing.T) {
	priv, _ := rsa.GenerateKey(rand.Reader, 1024)
	if _, err := jwt.New(jwt.SigningMethodRS256).SignedString(priv); err != nil {
		t.Fatal(err)
	}
	if _, err := jwt.New(jwt.SigningMethodHS256).SignedString([]byte("secret")); err != nil {
		t.Fatal(err)
	}
}
