package testsflag

import (
	"errors"
	"os"
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

var testKey = []byte("secret")

func TestFlow(t *testing.T) {
	secret := os.Getenv("TEST_JWT_SECRET")
	if secret == "" {
		secret = "test-fallback-secret-for-local-runs"
	}
	access, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "u", "typ": "access"}).SignedString([]byte(secret))
	refresh, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "u", "typ": "refresh"}).SignedString([]byte(secret))
	tok, _, err := jwt.NewParser().ParseUnverified(access, jwt.MapClaims{})
	if err != nil {
		t.Fatal(err)
	}
	if tok.Claims.(jwt.MapClaims)["sub"] != "u" || refresh == "" {
		t.Fatal(errors.New("claims"))
	}
	if _, err := jwt.New(jwt.SigningMethodHS256).SignedString(testKey); err != nil {
		t.Fatal(err)
	}
}
