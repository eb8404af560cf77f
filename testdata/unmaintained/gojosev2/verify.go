// Package gojosev2 verifies tokens with gopkg.in/go-jose/go-jose.v2:
// jwt.ParseSigned takes the accepted algorithms in go-jose v4, so no fix.
package gojosev2

import (
	"time"

	"gopkg.in/go-jose/go-jose.v2/jwt" // want `gopkg.in/go-jose/go-jose.v2 is obsolete \(go-jose v2 is no longer maintained\); use github.com/go-jose/go-jose/v4: go get github.com/go-jose/go-jose/v4`
)

func Verify(raw string, key any) (*jwt.Claims, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return nil, err
	}
	var c jwt.Claims
	if err := tok.Claims(key, &c); err != nil {
		return nil, err
	}
	return &c, c.Validate(jwt.Expected{Time: time.Now()})
}
