// Package concat derives each token kind's key by concatenating a // want package:`keyuses\(access@concat/concat.go:57,access@concat/concat.go:68,refresh@concat/concat.go:61,refresh@concat/concat.go:72\)`
// per-record key with a per-kind secret, on golang-jwt v5. A concatenation
// is its own key: base+verification and base+reset differ, and so do
// base+"-access" and base+"-refresh", though they share a part. The
// positive: the same concatenation signs two kinds.
package concat

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type TokenConfig struct {
	Secret   string
	Duration time.Duration
}

// authOptions is embedded: its token configs are promoted fields of
// Collection, and still two keys.
type authOptions struct {
	VerificationToken  TokenConfig
	PasswordResetToken TokenConfig
}

type Collection struct {
	Name string
	authOptions
}

type Record struct {
	tokenKey   string
	collection *Collection
	email      string
}

func (r *Record) TokenKey() string { return r.tokenKey }

func sign(claims jwt.MapClaims, key string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(key))
}

// Negative: each kind has its own second part.
func (r *Record) NewVerificationToken() (string, error) {
	key := r.TokenKey() + r.collection.VerificationToken.Secret
	return sign(jwt.MapClaims{"email": r.email, "exp": 1}, key)
}

func (r *Record) NewPasswordResetToken() (string, error) {
	key := r.TokenKey() + r.collection.PasswordResetToken.Secret
	return sign(jwt.MapClaims{"email": r.email, "exp": 1}, key)
}

// Negative: one secret from the environment with a suffix per kind.
func AccessToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "typ": "access", "exp": 1}).SignedString([]byte(os.Getenv("SESSION_SECRET") + "-access"))
}

func RefreshToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "typ": "refresh", "exp": 1}).SignedString([]byte(os.Getenv("SESSION_SECRET") + "-refresh"))
}

// Positive: the same pepper on the same base for both kinds.
const pepper = "v2"

func (r *Record) Access() (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": r.email, "typ": "access", "exp": 1}).SignedString([]byte(r.TokenKey() + pepper))
}

func (r *Record) Refresh() (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": r.email, "typ": "refresh", "exp": 1}).SignedString([]byte(r.TokenKey() + pepper)) // want `jwt key concatenated at concat.go:72 is used for refresh tokens by \(\*jwt.Token\).SignedString and for access tokens at concat.go:68`
}
