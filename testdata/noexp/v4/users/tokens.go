// User tokens in golang-jwt v4: StandardClaims and RegisteredClaims,
// embedded or alone, with and without ExpiresAt, and a refresh handler.
// v4 parses are not reported for a missing exp requirement: v4 has no
// option to require it.
package users

import (
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v4"
)

var secret = []byte(os.Getenv("USERS_JWT_SECRET"))

// LegacyClaims embed the deprecated StandardClaims.
type LegacyClaims struct {
	Username string `json:"username"`
	jwt.StandardClaims
}

// ModernClaims embed RegisteredClaims through a pointer.
type ModernClaims struct {
	Username string `json:"username"`
	*jwt.RegisteredClaims
}

func LegacyLogin(username string) (string, error) {
	claims := LegacyClaims{Username: username}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
	return token.SignedString(secret)
}

func LegacyLoginWithIssuer(username string) (string, error) {
	claims := LegacyClaims{
		Username: username,
		StandardClaims: jwt.StandardClaims{
			Issuer: "users",
		},
	}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
	return token.SignedString(secret)
}

func LegacyLoginExpiring(username string) (string, error) {
	claims := LegacyClaims{
		Username: username,
		StandardClaims: jwt.StandardClaims{
			ExpiresAt: time.Now().Add(time.Hour).Unix(),
			Issuer:    "users",
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
}

func ModernLogin(username string) (string, error) {
	claims := ModernClaims{Username: username}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}

func ModernLoginExpiring(username string) (string, error) {
	claims := ModernClaims{
		Username:         username,
		RegisteredClaims: &jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
}

func BareStandard(username string) (string, error) {
	std := &jwt.StandardClaims{Subject: username}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, std).SignedString(secret) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}

func BareStandardLater(username string, ttl time.Duration) (string, error) {
	std := jwt.StandardClaims{Subject: username}
	std.ExpiresAt = time.Now().Add(ttl).Unix()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, std).SignedString(secret)
}

func keyFunc(*jwt.Token) (interface{}, error) { return secret, nil }

// RefreshHandler parses with the default v4 rules (exp checked when
// present) and issues a new token with an expiry.
func RefreshHandler(w http.ResponseWriter, r *http.Request) {
	var claims LegacyClaims
	tok, err := jwt.ParseWithClaims(r.FormValue("refresh_token"), &claims, keyFunc)
	if err != nil || !tok.Valid {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	claims.ExpiresAt = time.Now().Add(15 * time.Minute).Unix()
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	_, _ = w.Write([]byte(signed))
}
