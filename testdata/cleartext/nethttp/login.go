// Package nethttp is a net/http login API on golang-jwt v5. It exercises
// cleartext on session cookies: a literal without Secure, Secure: false,
// a cookie filled field by field, a token that reaches the cookie through
// a struct field and a helper's parameter; and on look-alikes that are
// fine: a CSRF cookie, Secure from the configuration, Secure: true.
package nethttp

import (
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type config struct {
	SecureCookies bool
	Domain        string
}

var cfg = config{SecureCookies: os.Getenv("INSECURE_COOKIES") == "", Domain: os.Getenv("COOKIE_DOMAIN")}

var secret = []byte(os.Getenv("SESSION_SECRET"))

type tokenPair struct {
	Access  string
	Refresh string
}

func sign(sub string, ttl time.Duration) (string, error) {
	claims := jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(ttl))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
}

func issuePair(sub string) (*tokenPair, error) {
	access, err := sign(sub, 15*time.Minute)
	if err != nil {
		return nil, err
	}
	refresh, err := sign(sub, 24*time.Hour)
	if err != nil {
		return nil, err
	}
	return &tokenPair{Access: access, Refresh: refresh}, nil
}

func login(w http.ResponseWriter, r *http.Request) {
	tok, err := sign(r.FormValue("user"), time.Hour)
	if err != nil {
		http.Error(w, "cannot sign", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "session", Value: tok, Path: "/"}) // want `JWT from \(\*jwt.Token\).SignedString is set in a cookie without Secure, so browsers also send it over plain HTTP: set Secure: true`
}

func loginPair(w http.ResponseWriter, r *http.Request) {
	pair, err := issuePair(r.FormValue("user"))
	if err != nil {
		http.Error(w, "cannot sign", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{ // want `JWT from \(\*jwt.Token\).SignedString is set in a cookie without Secure`
		Name:     "access_token",
		Value:    pair.Access,
		Path:     "/",
		HttpOnly: true,
		Secure:   false,
	})
	setRefreshCookie(w, pair.Refresh)
}

// setRefreshCookie gets the token as a parameter from loginPair.
func setRefreshCookie(w http.ResponseWriter, value string) {
	c := new(http.Cookie) // want `JWT from \(\*jwt.Token\).SignedString is set in a cookie without Secure`
	c.Name = "refresh_token"
	c.Value = value
	c.Path = "/auth/refresh"
	c.Expires = time.Now().Add(24 * time.Hour)
	http.SetCookie(w, c)
}

// Negatives.

func loginConfigured(w http.ResponseWriter, r *http.Request) {
	tok, err := sign(r.FormValue("user"), time.Hour)
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "session", Value: tok, Path: "/", Domain: cfg.Domain, Secure: cfg.SecureCookies, HttpOnly: true})
}

func loginSecure(w http.ResponseWriter, r *http.Request) {
	tok, err := sign(r.FormValue("user"), time.Hour)
	if err != nil {
		return
	}
	cookie := http.Cookie{Name: "session", Value: tok, Path: "/"}
	cookie.Secure = true
	cookie.HttpOnly = true
	http.SetCookie(w, &cookie)
}

func csrf(w http.ResponseWriter, token string) {
	// A CSRF token is no JWT: it may be read by the page's script.
	http.SetCookie(w, &http.Cookie{Name: "csrf", Value: token, Path: "/"})
}

func theme(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: r.FormValue("theme")})
	csrf(w, r.Header.Get("X-CSRF-Seed"))
}
