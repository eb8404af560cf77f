package auth_test

import (
	"crypto/rand"
	"crypto/rsa"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/demo/internal/auth"
)

// Fixed keys keep failures reproducible.
var (
	testAccessKey  = []byte("unit-test-access-signing-key-0001")
	testRefreshKey = []byte("unit-test-refresh-signing-key-0001")
)

func status(t *testing.T, v *auth.Verifier, token string) int {
	t.Helper()
	h := v.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := auth.ClaimsFrom(r.Context()); !ok {
			t.Error("no claims in the request context")
		}
	}))
	req := httptest.NewRequest(http.MethodGet, "/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code
}

func TestVerifier(t *testing.T) {
	issuer := auth.NewIssuer("test", testAccessKey, testRefreshKey, time.Minute, time.Hour)
	verifier := auth.NewVerifier("test", testAccessKey, false)

	access, err := issuer.IssueAccess("u1", []string{"admin"})
	if err != nil {
		t.Fatal(err)
	}
	if got := status(t, verifier, access); got != http.StatusOK {
		t.Errorf("access token: status %d, want 200", got)
	}

	refresh, err := issuer.IssueRefresh("u1")
	if err != nil {
		t.Fatal(err)
	}
	if got := status(t, verifier, refresh); got != http.StatusUnauthorized {
		t.Errorf("refresh token used as access token: status %d, want 401", got)
	}

	expired, err := jwt.NewWithClaims(jwt.SigningMethodHS256, auth.AccessClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    "test",
			Subject:   "u1",
			Audience:  jwt.ClaimStrings{auth.AccessAudience},
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(-time.Hour)),
		},
	}).SignedString(testAccessKey)
	if err != nil {
		t.Fatal(err)
	}
	if got := status(t, verifier, expired); got != http.StatusUnauthorized {
		t.Errorf("expired token: status %d, want 401", got)
	}
}

func TestPartnerVerifier(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	partners := auth.NewPartnerVerifier("demo-api", map[string]*rsa.PublicKey{"p1": &key.PublicKey})

	sign := func(kid string) string {
		token := jwt.NewWithClaims(jwt.SigningMethodRS256, jwt.RegisteredClaims{
			Issuer:    "partner-one",
			Audience:  jwt.ClaimStrings{"demo-api"},
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Minute)),
		})
		token.Header["kid"] = kid
		signed, err := token.SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return signed
	}

	claims, err := partners.Verify(sign("p1"))
	if err != nil {
		t.Fatalf("known key: %v", err)
	}
	if claims.Issuer != "partner-one" {
		t.Errorf("issuer %q, want partner-one", claims.Issuer)
	}
	if _, err := partners.Verify(sign("p2")); err == nil {
		t.Error("unknown key ID accepted")
	}
}

func TestPartnerKeys(t *testing.T) {
	t.Setenv("PARTNER_DEV_KEY", "")
	keys, err := auth.PartnerKeys()
	if err != nil {
		t.Fatal(err)
	}
	if keys["acme-2024"].N.BitLen() != 2048 {
		t.Errorf("acme key has %d bits", keys["acme-2024"].N.BitLen())
	}
}
