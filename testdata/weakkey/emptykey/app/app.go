// Package app signs and verifies tokens with secrets from the environment.
// golang-jwt and echo-jwt accept an empty key, so a secret nothing checks
// is reported; required tags, empty checks with a fatal exit, LookupEnv,
// and libraries that refuse an empty key (go-jose v4, jwx) are fine.
package app

import (
	"flag"
	"log"
	"os"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/golang-jwt/jwt/v5"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
	"github.com/lestrrat-go/jwx/v2/jwa"
	jwxjwt "github.com/lestrrat-go/jwx/v2/jwt"

	"jwtvet.test/fixtures/weakkey/emptykey/config"
)

var sessionSecret = flag.String("session-secret", "", "HMAC secret for sessions")

// Auth verifies with the config's JWT secret, whose default is empty.
func Auth(cfg *config.Config, raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, jwt.ErrSignatureInvalid
		}
		return []byte(cfg.JWTSecret), nil // want `JWT key may be empty: jwt.Keyfunc uses field JWTSecret, filled by its env tag "JWT_SECRET", which nothing checks before use`
	}, jwt.WithValidMethods([]string{"HS256"}))
}

// Webhook signs with a secret Load reads but never checks.
func Webhook(cfg *config.Config, sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString([]byte(cfg.WebhookSecret)) // want `JWT key may be empty: .* uses field WebhookSecret, set from environment variable WEBHOOK_SECRET`
}

// Checked secrets: a required tag, a validate tag, an empty check in Load
// (on the field, or on the variable read before it is stored), a default
// in the tag.
func Checked(cfg *config.Config, sub string) ([]string, error) {
	var out []string
	for _, k := range []string{cfg.RefreshSecret, cfg.AdminSecret, cfg.APISecret} {
		s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString([]byte(k))
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	a, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString([]byte(cfg.RefreshSecret))
	b, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString([]byte(cfg.AdminSecret))
	c, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString([]byte(cfg.APISecret))
	d, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString([]byte(cfg.DevSecret))
	e, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString([]byte(cfg.SignSecret))
	return append(out, a, b, c, d, e), nil
}

// Inline reads the variable at the sink.
func Inline(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		return []byte(os.Getenv("JWT_SECRET")), nil // want `JWT key may be empty: jwt.Keyfunc uses environment variable JWT_SECRET`
	}, jwt.WithValidMethods([]string{"HS256"}))
}

// Session signs with a flag nobody checks.
func Session(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString([]byte(*sessionSecret)) // want `JWT key may be empty: .* uses a value read from the environment`
}

// Fatal refuses to start without a long enough secret.
func Fatal(sub string) (string, error) {
	secret := os.Getenv("SIGNING_SECRET")
	if len(secret) < 32 {
		log.Fatal("SIGNING_SECRET must be at least 32 bytes")
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString([]byte(secret))
}

// Lookup tells an unset variable apart.
func Lookup(sub string) (string, error) {
	secret, ok := os.LookupEnv("LOOKUP_SECRET")
	if !ok {
		log.Fatal("LOOKUP_SECRET is not set")
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString([]byte(secret))
}

// Echo configures echo-jwt, which verifies with golang-jwt.
func Echo(e *echo.Echo) {
	e.Use(echojwt.WithConfig(echojwt.Config{SigningKey: []byte(os.Getenv("ECHO_SECRET"))})) // want `JWT key may be empty: echojwt.Config.SigningKey uses environment variable ECHO_SECRET`
}

// Jose signs with go-jose v4, which refuses an HS256 key under 32 bytes.
func Jose() (jose.Signer, error) {
	return jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte(os.Getenv("JOSE_SECRET"))}, nil)
}

// JWX signs with jwx v2, which refuses an empty key.
func JWX(tok jwxjwt.Token) ([]byte, error) {
	return jwxjwt.Sign(tok, jwxjwt.WithKey(jwa.HS256, []byte(os.Getenv("JWX_SECRET"))))
}

// init checks at startup for the variable Middleware reads again.
func init() {
	if os.Getenv("MIDDLEWARE_SECRET") == "" {
		log.Fatal("MIDDLEWARE_SECRET is required")
	}
}

// Middleware reads the variable init checked.
func Middleware(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		return []byte(os.Getenv("MIDDLEWARE_SECRET")), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
}
