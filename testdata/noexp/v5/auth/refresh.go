// Refresh flow in golang-jwt v5: parsing refresh tokens with and without
// jwt.WithExpirationRequired, options from variables and helpers, long
// leeway, validation switched off, and a refreshed token that reuses the
// parsed claims.
package auth

import (
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func keyFunc(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected method %v", t.Header["alg"])
	}
	return signingKey, nil
}

// ParseRefresh accepts refresh tokens without exp.
func ParseRefresh(refresh string) (*UserClaims, error) {
	claims := &UserClaims{}
	_, err := jwt.ParseWithClaims(refresh, claims, keyFunc, jwt.WithValidMethods([]string{"HS256"})) // want `jwt.ParseWithClaims accepts tokens that have no exp claim, and such tokens never expire: add jwt.WithExpirationRequired\(\)`
	if err != nil {
		return nil, err
	}
	return claims, nil
}

// ParseAccess requires exp.
func ParseAccess(access string) (*UserClaims, error) {
	claims := &UserClaims{}
	_, err := jwt.ParseWithClaims(access, claims, keyFunc,
		jwt.WithValidMethods([]string{"HS256"}),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(30*time.Second),
	)
	return claims, err
}

// Verify has no options at all.
func Verify(raw string) (jwt.MapClaims, error) {
	token, err := jwt.Parse(raw, keyFunc) // want `jwt.Parse accepts tokens that have no exp claim`
	if err != nil {
		return nil, err
	}
	claims, ok := token.Claims.(jwt.MapClaims)
	if !ok {
		return nil, errors.New("bad claims")
	}
	return claims, nil
}

// lenientParser allows two hours of clock skew.
var lenientParser = jwt.NewParser(jwt.WithLeeway(2*time.Hour), jwt.WithExpirationRequired()) // want `jwt.WithLeeway\(2h0m0s\) accepts tokens for 2h0m0s after they expire: use a leeway below 1h0m0s, of seconds or a few minutes`

// strictParser is built from an options slice without exp required.
func strictParser() *jwt.Parser {
	opts := []jwt.ParserOption{
		jwt.WithValidMethods([]string{"HS256"}),
		jwt.WithIssuer("auth.example.com"),
	}
	opts = append(opts, jwt.WithIssuedAt())
	return jwt.NewParser(opts...) // want `jwt.NewParser accepts tokens that have no exp claim`
}

var requiredOpts = []jwt.ParserOption{jwt.WithExpirationRequired(), jwt.WithValidMethods([]string{"HS256"})}

// RequiredFromVar takes its options from a package variable that requires exp.
func RequiredFromVar(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keyFunc, requiredOpts...)
}

func parserOptions() []jwt.ParserOption {
	return []jwt.ParserOption{jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired()}
}

// RequiredFromHelper takes its options from a helper that requires exp.
func RequiredFromHelper(raw string) (*jwt.Token, error) {
	return jwt.NewParser(parserOptions()...).Parse(raw, keyFunc)
}

// WithCallerOptions parses with options it cannot see.
func WithCallerOptions(raw string, opts ...jwt.ParserOption) (*jwt.Token, error) {
	return jwt.Parse(raw, keyFunc, opts...)
}

// Inspect switches claims validation off.
func Inspect(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keyFunc, jwt.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation switches off claims validation, so expired tokens are accepted: remove it`
}

// Refresh re-signs the claims of a parsed refresh token: they carry the
// refresh token's exp.
func Refresh(refresh string) (string, error) {
	var claims UserClaims
	if _, err := jwt.ParseWithClaims(refresh, &claims, keyFunc, jwt.WithExpirationRequired()); err != nil {
		return "", err
	}
	claims.IssuedAt = jwt.NewNumericDate(time.Now())
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
}

// SlidingSession extends a parsed token by a fresh expiry.
func SlidingSession(raw string) (string, error) {
	token, err := jwt.Parse(raw, keyFunc, jwt.WithExpirationRequired(), jwt.WithLeeway(5*time.Minute))
	if err != nil {
		return "", err
	}
	claims := token.Claims.(jwt.MapClaims)
	claims["exp"] = time.Now().Add(15 * time.Minute).Unix()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
}
