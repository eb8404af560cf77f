// kataras/jwt: jwt.NONE used to sign (reported), to verify (reported), and
// registered for a kid (reported); HS256 signing and verification with a
// key from the environment (silent).
package kataras

import (
	"os"
	"time"

	"github.com/kataras/jwt"
)

type claims struct {
	User string `json:"user"`
}

func debugToken(user string) ([]byte, error) {
	return jwt.Sign(jwt.NONE, nil, claims{User: user}, jwt.MaxAge(time.Hour)) // want `jwt.Sign with the none algorithm mints an unsigned token that anyone can forge`
}

func acceptDebug(token []byte) (*jwt.VerifiedToken, error) {
	return jwt.Verify(jwt.NONE, nil, token) // want `jwt.Verify with the none algorithm accepts unsigned tokens that anyone can forge`
}

func keys() jwt.Keys {
	ks := jwt.Keys{}
	ks.Register(jwt.NONE, "debug", nil, nil) // want `jwt.Keys.Register with the none algorithm`
	return ks
}

var _ = keys

// Negatives.

func sign(user string) ([]byte, error) {
	return jwt.Sign(jwt.HS256, []byte(os.Getenv("JWT_SECRET")), claims{User: user}, jwt.MaxAge(time.Hour))
}

func verify(token []byte) (*jwt.VerifiedToken, error) {
	return jwt.Verify(jwt.HS256, []byte(os.Getenv("JWT_SECRET")), token)
}
