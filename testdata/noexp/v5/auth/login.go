// Login and API-key handlers of a golang-jwt v5 service: tokens minted from
// jwt.MapClaims, with and without "exp", including exp written after the
// literal, through the token, and claims built with jwt.New.
package auth

import (
	"encoding/json"
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var signingKey = []byte(os.Getenv("JWT_SECRET"))

type credentials struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

func writeToken(w http.ResponseWriter, signed string) {
	_ = json.NewEncoder(w).Encode(map[string]string{"token": signed})
}

// LoginHandler forgets the expiry: the token is valid forever.
func LoginHandler(w http.ResponseWriter, r *http.Request) {
	var creds credentials
	if err := json.NewDecoder(r.Body).Decode(&creds); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{ // want `jwt.NewWithClaims mints a token whose claims never get an exp claim, so it never expires: add an expiry, e.g. 15 minutes from now`
		"sub":  creds.Username,
		"role": "user",
		"iat":  time.Now().Unix(),
	})
	signed, err := token.SignedString(signingKey)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeToken(w, signed)
}

// APIKeyToken signs in one expression.
func APIKeyToken(clientID string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": clientID}).SignedString(signingKey) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}

// SessionToken sets exp in the literal.
func SessionToken(user string) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": user,
		"exp": time.Now().Add(time.Hour).Unix(),
	})
	return token.SignedString(signingKey)
}

// RememberMeToken writes exp after building the map.
func RememberMeToken(user string, remember bool) (string, error) {
	claims := jwt.MapClaims{"sub": user}
	ttl := 30 * time.Minute
	if remember {
		ttl = 7 * 24 * time.Hour
	}
	claims["exp"] = time.Now().Add(ttl).Unix()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
}

// ServiceToken writes exp through the token's claims.
func ServiceToken(service string) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS512, jwt.MapClaims{"sub": service})
	token.Claims.(jwt.MapClaims)["exp"] = time.Now().Add(5 * time.Minute).Unix()
	return token.SignedString(signingKey)
}

// LegacyToken builds claims with jwt.New and sets exp on the asserted map.
func LegacyToken(user string) (string, error) {
	token := jwt.New(jwt.SigningMethodHS256)
	claims := token.Claims.(jwt.MapClaims)
	claims["sub"] = user
	claims["exp"] = time.Now().Add(time.Hour).Unix()
	return token.SignedString(signingKey)
}

// AdminToken builds claims with jwt.New and never sets exp.
func AdminToken(user string) (string, error) {
	token := jwt.New(jwt.SigningMethodHS256) // want `jwt.New mints a token whose claims never get an exp claim`
	claims := token.Claims.(jwt.MapClaims)
	claims["sub"] = user
	claims["admin"] = true
	return token.SignedString(signingKey)
}

// ImpersonationToken replaces the claims of a jwt.New token with a map
// that has exp.
func ImpersonationToken(admin, target string) (string, error) {
	token := jwt.New(jwt.SigningMethodHS256)
	token.Claims = jwt.MapClaims{"sub": target, "act": admin, "exp": time.Now().Add(10 * time.Minute).Unix()}
	return token.SignedString(signingKey)
}

// DeviceToken fills a made map without exp.
func DeviceToken(deviceID string) (string, error) {
	claims := make(jwt.MapClaims)
	claims["sub"] = deviceID
	claims["typ"] = "device"
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
	return token.SignedString(signingKey)
}

// CustomClaimsToken copies caller-supplied claims: any key may be "exp".
func CustomClaimsToken(user string, extra map[string]any) (string, error) {
	claims := jwt.MapClaims{"sub": user}
	for k, v := range extra {
		claims[k] = v
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
}

// ForwardedToken signs claims it receives.
func ForwardedToken(claims jwt.MapClaims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
}

// UnsignedToken returns the token: the caller may still add exp.
func UnsignedToken(user string) *jwt.Token {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user})
}

// ExpiringMap sets exp from a conversion of a plain map.
func ExpiringMap(user string) (string, error) {
	m := map[string]any{"sub": user, "exp": time.Now().Add(time.Minute).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims(m)).SignedString(signingKey)
}

// PlainMap converts a plain map without exp.
func PlainMap(user string) (string, error) {
	m := map[string]any{"sub": user}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims(m)).SignedString(signingKey) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}

// WebhookToken is a one-off token the partner accepts only once; the
// missing expiry is documented and suppressed.
func WebhookToken(id string) (string, error) {
	//jwtvet:ignore noexp the partner rejects replays by jti and keeps no clock
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"jti": id}).SignedString(signingKey)
}
