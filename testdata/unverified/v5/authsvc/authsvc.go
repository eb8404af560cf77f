// Package authsvc is a token service wrapping golang-jwt v5. It exercises
// wrapper facts: functions that hand the parse's token or claims to their
// callers together with the parse error (Parse, Claims, Decode) are
// wrappers, judged at their call sites; a function that returns claims only
// after a successful parse (Verified) is not; one that returns claims with
// a nil error after discarding the parse error (Subject) is reported here.
package authsvc

import (
	"errors"
	"fmt"

	"github.com/golang-jwt/jwt/v5"
)

// UserClaims are the claims of an access token.
type UserClaims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

// Service verifies access tokens.
type Service struct {
	secret []byte
}

// New returns a Service verifying with secret.
func New(secret []byte) *Service { return &Service{secret: secret} }

func (s *Service) keyfunc(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, errors.New("unexpected signing method")
	}
	return s.secret, nil
}

// Parse returns the token and the parse error as they are.
func (s *Service) Parse(raw string) (*jwt.Token, error) { // want Parse:"wrapper\\(token of jwt.Parse\\)" Parse:"verifies\\(param 0\\)"
	return jwt.Parse(raw, s.keyfunc, jwt.WithValidMethods([]string{"HS256"}))
}

// Claims returns the claims with the parse error; the caller must check it.
func (s *Service) Claims(raw string) (*UserClaims, error) { // want Claims:"wrapper\\(claims of jwt.ParseWithClaims\\)" Claims:"verifies\\(param 0\\)"
	c := &UserClaims{}
	_, err := jwt.ParseWithClaims(raw, c, s.keyfunc, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil {
		return c, fmt.Errorf("authsvc: %w", err)
	}
	return c, nil
}

// Verified returns the claims only when the token verified.
func (s *Service) Verified(raw string) (*UserClaims, error) { // want Verified:"verifies\\(param 0\\)"
	c := &UserClaims{}
	if _, err := jwt.ParseWithClaims(raw, c, s.keyfunc, jwt.WithValidMethods([]string{"HS256"})); err != nil {
		return nil, err
	}
	return c, nil
}

// Decode returns claims without verifying them.
func Decode(raw string) (jwt.MapClaims, error) { // want Decode:"wrapper\\(unverified of \\(\\*jwt.Parser\\).ParseUnverified\\)"
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims)
	return claims, err
}

// Issuer reads the issuer of an unverified token, for choosing the key.
func Issuer(raw string) (string, error) {
	tok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // want `claims of \(\*jwt.Parser\).ParseUnverified are used but the token's signature is never verified`
	if err != nil {
		return "", err
	}
	return tok.Claims.GetIssuer()
}
