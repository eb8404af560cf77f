package testsflag

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

// A test that sets the session cookie the way a handler would, without
// Secure: cleartext reports it only with -cleartext.tests.
func TestSessionCookie(t *testing.T) {
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "u"}).SignedString([]byte(os.Getenv("TEST_JWT_SECRET")))
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	http.SetCookie(rec, &http.Cookie{Name: "session", Value: tok})
	if rec.Header().Get("Set-Cookie") == "" {
		t.Fatal("no cookie")
	}
}
