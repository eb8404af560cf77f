// Package jwxv1 verifies tokens with github.com/lestrrat-go/jwx v1, whose
// API v3 reworked: reported, no fix.
package jwxv1

import (
	"github.com/lestrrat-go/jwx/jwa" // want `github.com/lestrrat-go/jwx is unmaintained \(v1\); use github.com/lestrrat-go/jwx/v3: go get github.com/lestrrat-go/jwx/v3`
	"github.com/lestrrat-go/jwx/jwt"
)

func Verify(raw []byte, key []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithVerify(jwa.HS256, key), jwt.WithValidate(true))
}
