// Package cristalhq uses cristalhq/jwt v4. // want package:`keyuses\(.*\)`
// It exercises sharedkey on a secret whose environment lookup falls back
// to a constant (reported at the constant), on one secret for access and
// refresh tokens (reported), and on a refresh key of its own (silent).
package cristalhq

import (
	"os"

	"github.com/cristalhq/jwt/v4"
)

func secret() []byte {
	s := os.Getenv("ACCESS_SECRET")
	if s == "" {
		s = "local-development-access-secret!!" // want `jwt signing key of jwt.NewSignerHS falls back to a string literal \(tokens.go:\d+\) when environment variable ACCESS_SECRET is unset`
	}
	return []byte(s)
}

var shared = []byte(os.Getenv("JWT_SECRET"))

var refreshKey = []byte(os.Getenv("REFRESH_SECRET"))

func sessionSigner() (jwt.Signer, error) {
	return jwt.NewSignerHS(jwt.HS256, secret())
}

var accessTokenSigner, _ = jwt.NewSignerHS(jwt.HS256, shared)

var refreshTokenSigner, _ = jwt.NewSignerHS(jwt.HS256, shared) // want `jwt key var shared is used for refresh tokens by jwt.NewSignerHS and for access tokens at tokens.go:\d+`

// Negatives.

var rotatedRefreshTokenSigner, _ = jwt.NewSignerHS(jwt.HS256, refreshKey)
