// Package iris checks tokens with iris middleware/jwt outside the
// middleware. Verifier.VerifyToken returns no token when verification
// fails, so a dropped error is no trusted claim: nothing is reported.
package iris

import (
	"github.com/kataras/iris/v12/middleware/jwt"
)

type claims struct {
	Username string `json:"username"`
}

// Negatives.

// username drops the verification error; a failed VerifyToken returns nil.
func username(v *jwt.Verifier, token []byte) string {
	verified, _ := v.VerifyToken(token)
	var c claims
	_ = verified.Claims(&c)
	return c.Username
}

func checked(v *jwt.Verifier, token []byte) (string, error) {
	verified, err := v.VerifyToken(token)
	if err != nil {
		return "", err
	}
	var c claims
	err = verified.Claims(&c)
	return c.Username, err
}
