// Sessions on github.com/dgrijalva/jwt-go: a login handler whose map
// claims lack exp, a session with ExpiresAt, jwt.New with an asserted
// claims map without exp, and a helper building StandardClaims.
package session

import (
	"encoding/json"
	"net/http"
	"os"
	"time"

	jwt "github.com/dgrijalva/jwt-go"
)

var key = []byte(os.Getenv("SESSION_KEY"))

func Login(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"user": user, "iat": time.Now().Unix()}) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
	signed, err := token.SignedString(key)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]string{"token": signed})
}

func Remember(user string) (string, error) {
	token := jwt.New(jwt.SigningMethodHS512) // want `jwt.New mints a token whose claims never get an exp claim`
	claims := token.Claims.(jwt.MapClaims)
	claims["user"] = user
	claims["remember"] = true
	return token.SignedString(key)
}

type Session struct {
	ID string `json:"sid"`
	jwt.StandardClaims
}

func newSession(id, user string) Session {
	return Session{ID: id, StandardClaims: jwt.StandardClaims{Subject: user}}
}

func Start(id, user string) (string, error) {
	s := newSession(id, user)
	s.ExpiresAt = time.Now().Add(8 * time.Hour).Unix()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, s).SignedString(key)
}

func StartForever(id, user string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, newSession(id, user)).SignedString(key) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}

func Resume(raw string) (*Session, error) {
	var s Session
	_, err := jwt.ParseWithClaims(raw, &s, func(*jwt.Token) (interface{}, error) { return key, nil })
	return &s, err
}

// jwtCustomClaims are written positionally, as in many examples.
type jwtCustomClaims struct {
	Name  string `json:"name"`
	Admin bool   `json:"admin"`
	jwt.StandardClaims
}

func Positional(name string) (string, error) {
	claims := &jwtCustomClaims{
		name,
		true,
		jwt.StandardClaims{
			ExpiresAt: time.Now().Add(time.Hour * 72).Unix(),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

func PositionalForever(name string) (string, error) {
	claims := &jwtCustomClaims{name, false, jwt.StandardClaims{Subject: name}}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}

// Ticket always encodes its exp field (no omitempty): a zero value is an
// expiry in 1970, not a token that never expires.
type Ticket struct {
	Seat    string `json:"seat"`
	Expires int64  `json:"exp"`
}

func (t Ticket) Valid() error {
	if time.Now().Unix() > t.Expires {
		return jwt.NewValidationError("ticket expired", jwt.ValidationErrorExpired)
	}
	return nil
}

func Print(seat string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, Ticket{Seat: seat}).SignedString(key)
}
