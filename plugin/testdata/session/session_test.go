package session

import (
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

// A key fixed in a test is reported only with hardcodedkey's tests flag.
func TestMintedTokenParses(t *testing.T) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor("alice"))
	// fixture: hardcodedkey
	s, err := tok.SignedString([]byte("Test-Signing-Key-3e8a1c6f9b2d7e4a0c5f"))
	if err != nil {
		t.Fatal(err)
	}
	if s == "" {
		t.Fatal("empty token")
	}
}
