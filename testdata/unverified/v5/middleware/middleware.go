// Package middleware exercises unverified on HTTP middleware built on
// golang-jwt v5: error checks that dominate the claims (if err != nil with a
// return, err || !Valid, switch, if-init, Valid alone, a helper that
// handles the error) and claims only written to the log stay silent;
// claims read after an unchecked, logged or discarded error are reported.
package middleware

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/golang-jwt/jwt/v5/request"
)

type ctxKey struct{}

// UserClaims are the claims of an access token.
type UserClaims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

var secret = []byte(os.Getenv("JWT_SECRET"))

func keyfunc(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, errors.New("unexpected signing method")
	}
	return secret, nil
}

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func withSubject(r *http.Request, sub any) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), ctxKey{}, sub))
}

// RequireUser returns on error before reading the claims.
func RequireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, err := jwt.Parse(bearer(r), keyfunc, jwt.WithValidMethods([]string{"HS256"}))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		claims := token.Claims.(jwt.MapClaims)
		next.ServeHTTP(w, withSubject(r, claims["sub"]))
	})
}

// RequireRole checks err and token.Valid together; the claims value
// passed to ParseWithClaims is read afterwards.
func RequireRole(role string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims := &UserClaims{}
		token, err := jwt.ParseWithClaims(bearer(r), claims, keyfunc)
		if err != nil || !token.Valid {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if claims.Role != role {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// ValidOnly relies on token.Valid, which v5 sets only after verification.
func ValidOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, _ := jwt.Parse(bearer(r), keyfunc)
		if token == nil || !token.Valid {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, withSubject(r, token.Claims.(jwt.MapClaims)["sub"]))
	})
}

// ReadmeStyle is the shape of the library's README: the claims are used
// inside "ok && token.Valid".
func ReadmeStyle(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(bearer(r), keyfunc)
	if claims, ok := token.Claims.(jwt.MapClaims); ok && token.Valid {
		log.Println("user", claims["sub"])
		return
	}
	log.Println("rejected:", err)
}

// SwitchCheck handles the error in a tagless switch.
func SwitchCheck(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.ParseWithClaims(bearer(r), &UserClaims{}, keyfunc)
	switch {
	case err != nil:
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	case !token.Valid:
		http.Error(w, "invalid", http.StatusUnauthorized)
		return
	}
	c := token.Claims.(*UserClaims)
	w.Write([]byte(c.Subject))
}

// IfInit parses in the if statement's init.
func IfInit(w http.ResponseWriter, r *http.Request) {
	if token, err := jwt.Parse(bearer(r), keyfunc); err == nil && token.Valid {
		w.Write([]byte(token.Claims.(jwt.MapClaims)["sub"].(string)))
	} else {
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// ElseBranch uses the claims in the else of "if err != nil".
func ElseBranch(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(bearer(r), keyfunc)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
	} else {
		log.Println(token.Claims)
	}
}

// OKVar keeps the outcome in a boolean first.
func OKVar(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(bearer(r), keyfunc)
	ok := err == nil && token.Valid
	if !ok {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	log.Println(token.Claims)
}

func failed(w http.ResponseWriter, err error) bool {
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return true
	}
	return false
}

// HelperCheck lets a helper of its own handle the error.
func HelperCheck(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(bearer(r), keyfunc)
	if failed(w, err) {
		return
	}
	log.Println(token.Claims)
}

// Batch skips the tokens that fail.
func Batch(raws []string) []string {
	var subs []string
	for _, raw := range raws {
		token, err := jwt.Parse(raw, keyfunc)
		if err != nil {
			continue
		}
		sub, _ := token.Claims.GetSubject()
		subs = append(subs, sub)
	}
	return subs
}

// FromRequest uses the request helper and checks its error.
func FromRequest(w http.ResponseWriter, r *http.Request) {
	token, err := request.ParseFromRequest(r, request.OAuth2Extractor, keyfunc)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	log.Println(token.Claims)
}

// HeaderOnly reads nothing of the claims after a failed parse.
func HeaderOnly(r *http.Request) string {
	token, _ := jwt.Parse(bearer(r), keyfunc)
	if token == nil {
		return ""
	}
	kid, _ := token.Header["kid"].(string)
	return kid
}

// LogOnly logs the error and carries on with the claims.
func LogOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, err := jwt.Parse(bearer(r), keyfunc) // want `claims of jwt.Parse are used on a path where its error may be non-nil`
		if err != nil {
			log.Printf("token: %v", err)
		}
		claims := token.Claims.(jwt.MapClaims)
		next.ServeHTTP(w, withSubject(r, claims["sub"]))
	})
}

// NoReturn writes the error response but forgets to return.
func NoReturn(w http.ResponseWriter, r *http.Request) {
	claims := &UserClaims{}
	_, err := jwt.ParseWithClaims(bearer(r), claims, keyfunc) // want `claims of jwt.ParseWithClaims are used on a path where its error may be non-nil`
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	}
	if claims.Role == "admin" {
		w.Write([]byte("welcome"))
	}
}

// CheckedTooLate reads the subject before looking at the error.
func CheckedTooLate(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(bearer(r), keyfunc) // want `claims of jwt.Parse are used before its error is checked`
	sub := token.Claims.(jwt.MapClaims)["sub"]
	w.Header().Set("X-User", fmt.Sprint(sub))
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
}

// Discarded drops the error.
func Discarded(w http.ResponseWriter, r *http.Request) {
	token, _ := jwt.ParseWithClaims(bearer(r), &UserClaims{}, keyfunc) // want `error of jwt.ParseWithClaims is discarded but its claims are used`
	claims := token.Claims.(*UserClaims)
	w.Write([]byte(claims.Role))
}

// RequestDiscarded drops the error of the request helper.
func RequestDiscarded(w http.ResponseWriter, r *http.Request) {
	token, _ := request.ParseFromRequest(r, request.AuthorizationHeaderExtractor, keyfunc) // want `error of request.ParseFromRequest is discarded`
	sub, _ := token.Claims.GetSubject()
	next(w, withSubject(r, sub))
}

func next(w http.ResponseWriter, r *http.Request) {}

// LogRejected shows the claims of a rejected token in the log only.
func LogRejected(w http.ResponseWriter, r *http.Request) {
	claims := &UserClaims{}
	_, err := jwt.ParseWithClaims(bearer(r), claims, keyfunc)
	if err != nil {
		log.Printf("rejected token for %q: %v", claims.Subject, err)
		http.Error(w, fmt.Sprintf("token rejected: %v", err), http.StatusUnauthorized)
		return
	}
	next(w, withSubject(r, claims.Subject))
}

var previousSecret = []byte(os.Getenv("JWT_PREVIOUS_SECRET"))

// Rotation falls back to the previous secret and checks both parses.
func Rotation(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(bearer(r), keyfunc)
	if err != nil {
		token, err = jwt.Parse(bearer(r), func(t *jwt.Token) (interface{}, error) {
			if t.Method != jwt.SigningMethodHS256 {
				return nil, errors.New("unexpected alg")
			}
			return previousSecret, nil
		})
		if err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
	}
	sub, _ := token.Claims.GetSubject()
	next(w, withSubject(r, sub))
}
