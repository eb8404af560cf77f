// Negatives of package single: a key per kind. // want package:`keyuses\(.*refresh@single/service.go:\d+.*\)`
package single

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var (
	accessSecret  = []byte(os.Getenv("ACCESS_SECRET"))
	refreshSecret = []byte(os.Getenv("REFRESH_SECRET"))
)

// Tokens uses one secret per kind.
func Tokens(user string) (string, string, error) {
	accessToken, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user}).SignedString(accessSecret)
	if err != nil {
		return "", "", err
	}
	refreshToken, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user}).SignedString(refreshSecret)
	return accessToken, refreshToken, err
}

func signWith(claims jwt.Claims, key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Pair passes each kind its own key.
func Pair(user string) (string, string) {
	accessToken, _ := signWith(jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Minute).Unix()}, accessSecret)
	refreshToken, _ := signWith(jwt.MapClaims{"sub": user}, refreshSecret)
	return accessToken, refreshToken
}

// ParseAccessToken and ParseRefreshToken verify with their own keys.
func ParseAccessToken(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) { return accessSecret, nil }, jwt.WithValidMethods([]string{"HS256"}))
}

// ParseRefreshToken verifies a refresh token.
func ParseRefreshToken(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) { return refreshSecret, nil }, jwt.WithValidMethods([]string{"HS256"}))
}

// A handler that refreshes: its name says refresh but it mints access
// tokens only, and nothing else uses this key.
func RefreshHandler(user string) { // want RefreshHandler:`signer\(key=-1, kind=any\)`
	token, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user}).SignedString([]byte(os.Getenv("SESSION_JWT_KEY")))
	_ = token
}

var sessionKey = []byte(os.Getenv("SESSION_KEY"))

// NewAccessToken and VerifyToken: "verify" is what the function does, not
// a kind of token.
func NewAccessToken(user string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user}).SignedString(sessionKey)
}

// VerifyToken verifies any token.
func VerifyToken(s string) (*jwt.Token, error) { // want VerifyToken:`signer\(key=-1, kind=any\)`
	return jwt.Parse(s, func(*jwt.Token) (any, error) { return sessionKey, nil }, jwt.WithValidMethods([]string{"HS256"}))
}
