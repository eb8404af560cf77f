package dgrijalva

import (
	"errors"

	"github.com/dgrijalva/jwt-go" // want `github.com/dgrijalva/jwt-go is archived \(CVE-2020-26160\); use github.com/golang-jwt/jwt/v4: go get github.com/golang-jwt/jwt/v4`
)

// A second file of the package: it shares sessionClaims with session.go,
// so both files are rewritten together.
func refresh(old string) (string, error) {
	var c sessionClaims
	tok, err := jwt.ParseWithClaims(old, &c, func(t *jwt.Token) (interface{}, error) {
		if t.Method != jwt.SigningMethodHS256 {
			return nil, errors.New("unexpected signing method")
		}
		return secret, nil
	})
	if err != nil || !tok.Valid {
		var ve *jwt.ValidationError
		if errors.As(err, &ve) && ve.Errors&jwt.ValidationErrorExpired != 0 {
			return "", errors.New("expired")
		}
		return "", err
	}
	return issue(c.Subject, c.Role)
}
