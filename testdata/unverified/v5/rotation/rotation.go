// Package rotation exercises key rotation on golang-jwt v5: a token that
// fails under the current key is parsed again under the previous one into
// the same claims value. Passing the claims as the destination of the
// retry writes them, it does not read them, so a retry followed by a check
// of the final error is silent; reading the claims when the retry's error
// is never checked is still reported.
package rotation

import (
	"errors"

	"github.com/golang-jwt/jwt/v5"
)

var opts = []jwt.ParserOption{jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired()}

func keyOf(k []byte) jwt.Keyfunc {
	return func(*jwt.Token) (any, error) { return k, nil }
}

// Retry reuses the claims value for the previous key and checks the last error.
func Retry(raw string, cur, prev []byte) (*jwt.RegisteredClaims, error) { // want Retry:"verifies\\(param 0\\)"
	var c jwt.RegisteredClaims
	_, err := jwt.ParseWithClaims(raw, &c, keyOf(cur), opts...)
	if err != nil && prev != nil {
		_, err = jwt.ParseWithClaims(raw, &c, keyOf(prev), opts...)
	}
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// RetryFresh parses the retry into a fresh value held by the same variable.
func RetryFresh(raw string, cur, prev []byte) (*jwt.RegisteredClaims, error) { // want RetryFresh:"verifies\\(param 0\\)"
	c := &jwt.RegisteredClaims{}
	_, err := jwt.ParseWithClaims(raw, c, keyOf(cur), opts...)
	if errors.Is(err, jwt.ErrTokenSignatureInvalid) {
		c = &jwt.RegisteredClaims{}
		_, err = jwt.ParseWithClaims(raw, c, keyOf(prev), opts...)
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// RetryUnchecked never checks the retry's error before reading the claims.
func RetryUnchecked(raw string, cur, prev []byte) string { // want RetryUnchecked:"verifies\\(param 0\\)"
	var c jwt.RegisteredClaims
	_, err := jwt.ParseWithClaims(raw, &c, keyOf(cur), opts...) // want `claims of jwt.ParseWithClaims are used on a path where its error may be non-nil`
	if err != nil {
		_, err = jwt.ParseWithClaims(raw, &c, keyOf(prev), opts...) // want `claims of jwt.ParseWithClaims are used before its error is checked`
	}
	return c.Subject
}
