// Package refresh exercises the sentinel shapes on golang-jwt v5 refresh
// flows. Testing only errors.Is(err, jwt.ErrTokenExpired) and then using
// the claims lets every other failure, a bad signature among them, through
// (the shape behind CVE-2024-51744): reported. Accepting expired tokens
// for a refresh while returning on every other error is correct in v5,
// which validates the claims only after the signature verified: silent.
package refresh

import (
	"encoding/json"
	"errors"
	"net/http"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

type refreshClaims struct {
	SessionID string `json:"sid"`
	jwt.RegisteredClaims
}

var refreshSecret = []byte(os.Getenv("REFRESH_SECRET"))

func keyfunc(t *jwt.Token) (interface{}, error) {
	if t.Method != jwt.SigningMethodHS256 {
		return nil, errors.New("unexpected alg")
	}
	return refreshSecret, nil
}

func issue(w http.ResponseWriter, sub, sid string) {
	json.NewEncoder(w).Encode(map[string]string{"sub": sub, "sid": sid})
}

// ExpiredOnly tells expired tokens apart and trusts everything else.
func ExpiredOnly(w http.ResponseWriter, r *http.Request) {
	claims := &refreshClaims{}
	_, err := jwt.ParseWithClaims(r.FormValue("refresh_token"), claims, keyfunc) // want `error of jwt.ParseWithClaims is only tested for jwt.ErrTokenExpired before its claims are used, so other failures such as a bad signature fall through`
	if errors.Is(err, jwt.ErrTokenExpired) {
		http.Error(w, "refresh token expired", http.StatusUnauthorized)
		return
	}
	issue(w, claims.Subject, claims.SessionID)
}

// SignatureOnly tests one sentinel, so an expired token goes through
// along with anything malformed.
func SignatureOnly(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(r.FormValue("refresh_token"), keyfunc) // want `error of jwt.Parse is only tested for jwt.ErrTokenSignatureInvalid`
	if errors.Is(err, jwt.ErrTokenSignatureInvalid) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	sub, _ := token.Claims.GetSubject()
	issue(w, sub, "")
}

// AllowExpired accepts an expired refresh token but returns on any other
// error: in v5 an expiry error comes only after the signature verified.
func AllowExpired(w http.ResponseWriter, r *http.Request) {
	claims := &refreshClaims{}
	_, err := jwt.ParseWithClaims(r.FormValue("refresh_token"), claims, keyfunc)
	if err != nil && !errors.Is(err, jwt.ErrTokenExpired) {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	issue(w, claims.Subject, claims.SessionID)
}

// InsideExpired reads the claims of an expired token in the expiry branch.
func InsideExpired(w http.ResponseWriter, r *http.Request) {
	claims := &refreshClaims{}
	_, err := jwt.ParseWithClaims(r.FormValue("refresh_token"), claims, keyfunc)
	if errors.Is(err, jwt.ErrTokenExpired) {
		issue(w, claims.Subject, claims.SessionID)
		return
	}
	if err != nil {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Classified sorts the errors in a switch before using the claims.
func Classified(w http.ResponseWriter, r *http.Request) {
	claims := &refreshClaims{}
	_, err := jwt.ParseWithClaims(r.FormValue("refresh_token"), claims, keyfunc)
	switch {
	case errors.Is(err, jwt.ErrTokenExpired):
		http.Error(w, "expired", http.StatusUnauthorized)
		return
	case err != nil:
		http.Error(w, "invalid", http.StatusUnauthorized)
		return
	}
	issue(w, claims.Subject, claims.SessionID)
}

// Nested handles the sentinel inside the error branch.
func Nested(w http.ResponseWriter, r *http.Request) {
	claims := &refreshClaims{}
	if _, err := jwt.ParseWithClaims(r.FormValue("refresh_token"), claims, keyfunc); err != nil {
		if errors.Is(err, jwt.ErrTokenExpired) {
			http.Error(w, "expired", http.StatusUnauthorized)
			return
		}
		http.Error(w, "invalid", http.StatusUnauthorized)
		return
	}
	issue(w, claims.Subject, claims.SessionID)
}
