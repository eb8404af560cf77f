// Package legacy serves the old admin console. It runs behind the ops
// gateway and stays until the dashboard has moved to the v1 API.
package legacy

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/demo/internal/users"
)

// consoleKey signs console sessions. The v1 API accepts them as well, via
// ConsoleKeyfunc, while the dashboard migrates.
var consoleKey = []byte("console-session-signing-key-v0-2017")

// exportKey signs CSV download links; the file server checks them.
const exportKey = "secret"

// Console is the admin console.
type Console struct {
	users *users.Store
}

// New returns the console for the accounts in store.
func New(store *users.Store) *Console {
	return &Console{users: store}
}

// Register adds the console's routes to mux.
func (c *Console) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST /console/login", c.login)
	mux.HandleFunc("POST /console/refresh", c.refresh)
	mux.HandleFunc("GET /console/users", c.requireAdmin(c.listUsers))
	mux.HandleFunc("POST /console/export", c.requireAdmin(c.exportLink))
}

func (c *Console) login(w http.ResponseWriter, r *http.Request) {
	user, err := c.users.Authenticate(r.FormValue("email"), r.FormValue("password"))
	if err != nil {
		http.Error(w, "wrong email or password", http.StatusUnauthorized)
		return
	}
	c.writeSession(w, user)
}

func (c *Console) refresh(w http.ResponseWriter, r *http.Request) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(r.FormValue("refresh_token"), claims, ConsoleKeyfunc,
		jwt.WithValidMethods([]string{"HS256"}),
		jwt.WithExpirationRequired(),
	)
	if err != nil || claims["typ"] != "refresh" {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	sub, _ := claims["sub"].(string)
	user, err := c.users.Get(sub)
	if err != nil {
		http.Error(w, "unknown user", http.StatusUnauthorized)
		return
	}
	c.writeSession(w, user)
}

func (c *Console) writeSession(w http.ResponseWriter, user users.User) {
	role := "viewer"
	if slices.Contains(user.Roles, "admin") {
		role = "admin"
	}
	now := time.Now()
	access := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub":  user.ID,
		"role": role,
		"typ":  "access",
		"exp":  now.Add(time.Hour).Unix(),
	})
	accessToken, err := access.SignedString(consoleKey)
	if err != nil {
		http.Error(w, "could not sign in", http.StatusInternalServerError)
		return
	}
	refresh := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": user.ID,
		"typ": "refresh",
		"exp": now.Add(30 * 24 * time.Hour).Unix(),
	})
	refreshToken, err := refresh.SignedString(consoleKey)
	if err != nil {
		http.Error(w, "could not sign in", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"access_token": accessToken, "refresh_token": refreshToken})
}

// requireAdmin lets console admins through. The ops gateway has already
// checked the signature by the time a request gets here.
func (c *Console) requireAdmin(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		claims := jwt.MapClaims{}
		if _, _, err := new(jwt.Parser).ParseUnverified(raw, claims); err != nil {
			http.Error(w, "malformed token", http.StatusUnauthorized)
			return
		}
		if claims["role"] != "admin" {
			http.Error(w, "admins only", http.StatusForbidden)
			return
		}
		next(w, r)
	}
}

func (c *Console) listUsers(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(c.users.List())
}

func (c *Console) exportLink(w http.ResponseWriter, r *http.Request) {
	link := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"file": "users.csv",
		"exp":  time.Now().Add(10 * time.Minute).Unix(),
	})
	signed, err := link.SignedString([]byte(exportKey))
	if err != nil {
		http.Error(w, "could not sign link", http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "/files/users.csv?token=%s\n", signed)
}

// ConsoleKeyfunc supplies the key of console sessions to the v1 API.
func ConsoleKeyfunc(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected signing method %q", t.Method.Alg())
	}
	return consoleKey, nil
}
