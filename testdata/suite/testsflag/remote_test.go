package testsflag

import (
	"testing"

	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"
)

// A test of tokens from a mock identity provider, whose audience the test
// does not care about: noaud stays silent unless -noaud.tests is set.
func TestProviderToken(t *testing.T) {
	k, err := keyfunc.NewDefault([]string{"http://127.0.0.1:8081/jwks.json"})
	if err != nil {
		t.Skip(err)
	}
	if _, err := jwt.Parse("x.y.z", k.Keyfunc, jwt.WithExpirationRequired()); err == nil {
		t.Fatal("want error")
	}
}
