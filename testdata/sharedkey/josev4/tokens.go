// Package josev4 uses go-jose v4. // want package:`keyuses\(.*\)`
// It exercises sharedkey on a secret whose environment lookup falls back
// to a constant (reported at the constant), on one secret for access and
// refresh tokens (reported), and on a refresh key of its own (silent).
package josev4

import (
	"os"

	jose "github.com/go-jose/go-jose/v4"
)

func secret() []byte {
	s := os.Getenv("ACCESS_SECRET")
	if s == "" {
		s = "local-development-access-secret!!" // want `jwt key of jose.SigningKey.Key falls back to a string literal \(tokens.go:\d+\) when environment variable ACCESS_SECRET is unset`
	}
	return []byte(s)
}

var shared = []byte(os.Getenv("JWT_SECRET"))

var refreshKey = []byte(os.Getenv("REFRESH_SECRET"))

func issueSession() (jose.Signer, error) {
	return jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: secret()}, nil)
}

func issueAccessToken() (jose.Signer, error) {
	return jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: shared}, nil)
}

func issueRefreshToken() (jose.Signer, error) {
	return jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: shared}, nil) // want `jwt key var shared is used for refresh tokens by jose.SigningKey.Key and for access tokens at tokens.go:\d+`
}

// Negatives.

func rotateRefreshToken() (jose.Signer, error) {
	return jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: refreshKey}, nil)
}
