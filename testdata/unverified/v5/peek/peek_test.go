// Tests decode the tokens they mint: ParseUnverified is not reported in
// _test.go files.
package peek

import (
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

func TestMint(t *testing.T) {
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "u1"}).SignedString([]byte("test-secret-test-secret-test-sec"))
	if err != nil {
		t.Fatal(err)
	}
	tok, _, err := jwt.NewParser().ParseUnverified(s, jwt.MapClaims{})
	if err != nil {
		t.Fatal(err)
	}
	if sub, _ := tok.Claims.GetSubject(); sub != "u1" {
		t.Fatalf("sub = %q", sub)
	}
}
