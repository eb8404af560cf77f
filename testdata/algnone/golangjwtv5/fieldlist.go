// A verifier keeps its accepted algorithms in a struct field set by a
// composite literal and hands the field to WithValidMethods later: the
// "none" in the literal is reported where it is written.
package golangjwtv5

import "github.com/golang-jwt/jwt/v5"

type fieldVerifier struct {
	methods []string
	key     []byte
}

func newFieldVerifier(key []byte, debug bool) *fieldVerifier {
	if debug {
		return &fieldVerifier{methods: []string{"HS256", "none"}, key: key} // want `jwt.WithValidMethods allows "none"`
	}
	return &fieldVerifier{methods: []string{"HS256"}, key: key}
}

func (v *fieldVerifier) verify(raw string) error {
	_, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return v.key, nil },
		jwt.WithValidMethods(v.methods), jwt.WithExpirationRequired())
	return err
}
