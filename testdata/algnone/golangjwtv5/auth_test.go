// Tests: forging an unsigned token to check that the server refuses it is not
// reported (signing with none in a _test.go file); a test keyfunc that
// returns the magic none key is reported and fixed.
package golangjwtv5

import (
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

func TestStrictKeyfuncRejectsUnsigned(t *testing.T) {
	forged, err := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": "mallory"}).SignedString(jwt.UnsafeAllowNoneSignatureType)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := jwt.Parse(forged, strictKeyfunc); err == nil {
		t.Fatal("unsigned token accepted")
	}
}

func TestLegacyClaims(t *testing.T) {
	forged, _ := jwt.SigningMethodNone.Sign("e30.e30", jwt.UnsafeAllowNoneSignatureType)
	_ = forged
	tok, err := jwt.Parse("eyJhbGciOiJub25lIn0.e30.", func(*jwt.Token) (any, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `keyfunc returns jwt.UnsafeAllowNoneSignatureType`
	})
	if err != nil || !tok.Valid {
		t.Fatal(err)
	}
}
