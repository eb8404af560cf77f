// Package session mints and checks the session tokens of a small web
// service. It is the fixture of the golangci-lint plugin test: the functions
// below misuse golang-jwt in ways jwtvet reports, and a comment
// "// fixture: RULE..." names the rules jwtvet reports on the line after it
// once suppression comments are taken away.
package session

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func claimsFor(user string) jwt.RegisteredClaims {
	return jwt.RegisteredClaims{
		Subject:   user,
		Issuer:    "session",
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute)),
	}
}

// Mint signs a session token with a key written into the source.
func Mint(user string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(user))
	// fixture: hardcodedkey
	return tok.SignedString([]byte("q7Vd2LmX9pRt4KwZ8nBc3HsY6fJa1GeU5oTi0MvQ"))
}

// MintWeak signs with the placeholder secret of countless tutorials: a key in
// the source and too short, two findings on one line.
func MintWeak(user string) (string, error) {
	// fixture: hardcodedkey weakkey
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(user)).SignedString([]byte("secret"))
}

// MintUnsigned issues a token anyone can forge.
func MintUnsigned(user string) (string, error) {
	// fixture: algnone
	return jwt.NewWithClaims(jwt.SigningMethodNone, claimsFor(user)).SignedString(jwt.UnsafeAllowNoneSignatureType)
}

// Verify accepts unsigned tokens: its keyfunc allows the none algorithm.
func Verify(tokenString string) (*jwt.RegisteredClaims, error) {
	claims := &jwt.RegisteredClaims{}
	_, err := jwt.ParseWithClaims(tokenString, claims, func(*jwt.Token) (any, error) {
		// fixture: algnone
		return jwt.UnsafeAllowNoneSignatureType, nil
	}, jwt.WithExpirationRequired())
	if err != nil {
		return nil, fmt.Errorf("session: %w", err)
	}
	return claims, nil
}

// MintDemo signs tokens for the public demo, whose key is published on
// purpose; golangci-lint's nolint comment silences jwtvet on that line.
func MintDemo(user string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(user))
	// fixture: hardcodedkey
	return tok.SignedString([]byte("Demo-Only-Key-8f2c41d9e07b3a56c8d1f4e2")) //nolint:jwtvet // the demo key is public by design
}

// MintLegacy carries a nolint comment that names the jwtvet rule instead of
// the linter: golangci-lint knows no linter "hardcodedkey", warns, and
// reports the line.
func MintLegacy(user string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(user))
	// fixture: hardcodedkey
	return tok.SignedString([]byte("Legacy-Key-2c7e9a4f1b8d3e6a0f5c2b9d")) //nolint:hardcodedkey // not a linter name
}

// MintPreview signs tokens that production services reject; jwtvet's own
// suppression comment silences the one rule on that line.
func MintPreview(user string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(user))
	// fixture: hardcodedkey
	return tok.SignedString([]byte("Preview-Key-5b9e2d7c1a4f8e3b6d0c9a7f")) //jwtvet:ignore hardcodedkey preview tokens are rejected by every service
}
