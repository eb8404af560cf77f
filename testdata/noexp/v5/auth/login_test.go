// Tests mint tokens without exp on purpose; _test.go files are not
// reported.
package auth

import (
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

func TestVerifyRejectsForeignKey(t *testing.T) {
	raw, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "x"}).SignedString([]byte("another-key-of-32-bytes-length!!"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := jwt.Parse(raw, keyFunc); err == nil {
		t.Fatal("foreign key accepted")
	}
}
