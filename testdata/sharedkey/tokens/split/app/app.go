// Package app wires the token packages together. // want package:`keyuses\(.*\)`
// Exercises: the conflict between two imported packages, reported at the
// import of the second.
package app

import (
	"jwtvet.test/fixtures/sharedkey/tokens/split/access"
	"jwtvet.test/fixtures/sharedkey/tokens/split/refresh" // want `jwt key var keys.Secret is used for refresh tokens by \(\*jwt.Token\).SignedString at refresh/refresh.go:\d+ and for access tokens at access/access.go:\d+: one kind of token passes for the other; give each token kind its own secret`
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
