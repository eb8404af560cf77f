// Package app wires the token packages together. // want package:`keyuses\(.*\)`
// Exercises: two packages that call one getter for two kinds of token,
// reported at the import of the second.
package app

import (
	"jwtvet.test/fixtures/sharedkey/getters/access"
	"jwtvet.test/fixtures/sharedkey/getters/refresh" // want `jwt key from keys.SigningKey\(\) is used for refresh tokens by \(\*jwt.Token\).SignedString at refresh/refresh.go:\d+ and for access tokens at access/access.go:\d+`
)

// Login returns both tokens.
func Login(user string) (string, string, error) {
	a, err := access.IssueAccessToken(user)
	if err != nil {
		return "", "", err
	}
	r, err := refresh.IssueRefreshToken(user)
	return a, r, err
}
