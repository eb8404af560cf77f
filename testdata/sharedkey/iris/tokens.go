// Package iris uses iris middleware/jwt. // want package:`keyuses\(.*\)`
// It exercises sharedkey on a secret whose environment lookup falls back
// to a constant (reported at the constant), on one secret for access and
// refresh tokens (reported), and on a refresh key of its own (silent).
package iris

import (
	"os"
	"time"

	"github.com/kataras/iris/v12/middleware/jwt"
)

func secret() []byte {
	s := os.Getenv("ACCESS_SECRET")
	if s == "" {
		s = "local-development-access-secret!!" // want `jwt signing key of jwt.NewSigner falls back to a string literal \(tokens.go:\d+\) when environment variable ACCESS_SECRET is unset`
	}
	return []byte(s)
}

var shared = []byte(os.Getenv("JWT_SECRET"))

var refreshKey = []byte(os.Getenv("REFRESH_SECRET"))

func sessionSigner() *jwt.Signer {
	return jwt.NewSigner(jwt.HS256, secret(), time.Hour)
}

var accessTokenSigner = jwt.NewSigner(jwt.HS256, shared, 15*time.Minute)

var refreshTokenSigner = jwt.NewSigner(jwt.HS256, shared, 24*time.Hour) // want `jwt key var shared is used for refresh tokens by jwt.NewSigner and for access tokens at tokens.go:\d+`

// Negatives.

var rotatedRefreshTokenSigner = jwt.NewSigner(jwt.HS256, refreshKey, 24*time.Hour)
