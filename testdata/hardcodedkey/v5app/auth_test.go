// Tests sign with literal keys: not reported by default.
package v5app

import (
	"testing"

	jwt "github.com/golang-jwt/jwt/v5"
)

func TestIssue(t *testing.T) {
	s, err := jwt.New(jwt.SigningMethodHS256).SignedString([]byte("test-only-secret-of-the-unit-tests"))
	if err != nil || s == "" {
		t.Fatal(err)
	}
}
