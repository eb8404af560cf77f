// Package v5app is an HTTP auth service on golang-jwt v5. It exercises
// hardcodedkey on signing calls, keyfuncs (literal, named, method, in
// another package), config literals, constants, and the negatives: keys
// from the environment, public keys, and fallbacks.
package v5app

import (
	"net/http"
	"os"
	"time"

	jwt "github.com/golang-jwt/jwt/v5"

	"jwtvet.test/fixtures/hardcodedkey/secrets"
)

var jwtSecret = []byte("v5-package-level-secret-never-rotated")

const issuerKey = "constant-issuer-key-for-admin-tokens"

type server struct {
	signingKey []byte
}

type settings struct {
	TokenSecret string
	TTL         time.Duration
}

func issue(user string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: user, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	return tok.SignedString(jwtSecret) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with var jwtSecret \(auth.go:\d+\)`
}

func issueAdmin() (string, error) {
	return jwt.New(jwt.SigningMethodHS384).SignedString([]byte(issuerKey)) // want `hardcoded JWT signing key: .* const issuerKey`
}

func issueInline() (string, error) {
	t := jwt.New(jwt.SigningMethodHS256)
	return t.SignedString([]byte("inline-literal-secret-in-a-handler")) // want `hardcoded JWT signing key: .* a string literal`
}

func issueFromSettings() (string, error) {
	cfg := settings{TokenSecret: "settings-literal-secret-for-tokens", TTL: time.Minute}
	return jwt.New(jwt.SigningMethodHS256).SignedString([]byte(cfg.TokenSecret)) // want `hardcoded JWT signing key`
}

func issueShared() (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString(secrets.SigningKey()) // want `hardcoded JWT signing key: .* func secrets.SigningKey\(\)|a string literal`
}

func issueDefaults() (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString([]byte(secrets.Defaults.JWTSecret)) // want `hardcoded JWT signing key`
}

func signRaw(signingString string) ([]byte, error) {
	return jwt.SigningMethodHS512.Sign(signingString, jwtSecret) // want `hardcoded JWT signing key: \(\*jwt.SigningMethodHMAC\).Sign`
}

// keyFunc is a named keyfunc returning the constant.
func keyFunc(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, jwt.ErrSignatureInvalid
	}
	return jwtSecret, nil // want `hardcoded JWT verification key: jwt.Keyfunc returns var jwtSecret`
}

func (s *server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, err := jwt.Parse(r.Header.Get("Authorization"), func(t *jwt.Token) (any, error) {
			return []byte(issuerKey), nil // want `hardcoded JWT verification key`
		}, jwt.WithValidMethods([]string{"HS256"}))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Negative cases below.

func issueFromEnv(user string) (string, error) {
	key := []byte(os.Getenv("JWT_SECRET"))
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user}).SignedString(key)
}

func (s *server) issue() (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString(s.signingKey)
}

func issueWith(key []byte) (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString(key)
}

func issueBilling() (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString(secrets.FromEnv())
}

func verifyWithPublicKey(tok string) error {
	pub, err := jwt.ParseRSAPublicKeyFromPEM([]byte(secrets.PublicKeyPEM))
	if err != nil {
		return err
	}
	_, err = jwt.Parse(tok, func(t *jwt.Token) (any, error) { return pub, nil }, jwt.WithValidMethods([]string{"RS256"}))
	return err
}

func issueWithFallback() (string, error) {
	secret := os.Getenv("JWT_SECRET")
	if secret == "" {
		secret = "fallback-belongs-to-the-sharedkey-rule"
	}
	return jwt.New(jwt.SigningMethodHS256).SignedString([]byte(secret))
}

func loadKeyFromFile() (string, error) {
	key, err := os.ReadFile("/run/secrets/jwt")
	if err != nil {
		return "", err
	}
	return jwt.New(jwt.SigningMethodHS256).SignedString(key)
}

var rotated = []byte("initial-value-replaced-at-startup-00")

func Configure(k []byte) { rotated = k }

func issueRotated() (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString(rotated)
}

func suppressed() (string, error) {
	//jwtvet:ignore hardcodedkey fixed key of the local demo server, never deployed
	return jwt.New(jwt.SigningMethodHS256).SignedString([]byte("demo-only-secret-for-local-runs-1234"))
}

// The none marker is algnone's concern, not a hardcoded secret.
func debugKeyfunc(t *jwt.Token) (any, error) {
	return jwt.UnsafeAllowNoneSignatureType, nil
}
