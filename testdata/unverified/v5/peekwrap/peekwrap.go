// Package peekwrap reads an OpenID Connect ID token's claims with
// ParseUnverified, checks them, then verifies the same token against the
// provider's key before returning the claims. The function verifies; its
// callers trust verified claims. The positive: the same helper without the
// verification, whose callers use unverified claims.
package peekwrap

import (
	"errors"

	"github.com/golang-jwt/jwt/v5"
)

type Provider struct {
	clientID string
	key      func(kid string) (any, error)
}

// validateSignature verifies token with the provider's key for its kid.
func (p *Provider) validateSignature(token string) error {
	t, err := jwt.Parse(token, func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		return p.key(kid)
	}, jwt.WithValidMethods([]string{"RS256"}), jwt.WithExpirationRequired())
	if err != nil {
		return err
	}
	if !t.Valid {
		return errors.New("invalid id_token")
	}
	return nil
}

func (p *Provider) parseAndVerify(idToken string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(idToken, claims); err != nil {
		return nil, err
	}
	if err := jwt.NewValidator(jwt.WithAudience(p.clientID), jwt.WithExpirationRequired()).Validate(claims); err != nil {
		return nil, err
	}
	if err := p.validateSignature(idToken); err != nil {
		return nil, err
	}
	return claims, nil
}

func (p *Provider) Email(idToken string) (string, error) { // want Email:"verifies\\(param 0\\)"
	claims, err := p.parseAndVerify(idToken)
	if err != nil {
		return "", err
	}
	email, _ := claims["email"].(string)
	return email, nil
}

// Positive: the same helper without the verification.
func (p *Provider) parseOnly(idToken string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(idToken, claims); err != nil {
		return nil, err
	}
	return claims, nil
}

func (p *Provider) Subject(idToken string) (string, error) {
	claims, err := p.parseOnly(idToken) // want `claims of \(\*peekwrap.Provider\).parseOnly \(\(\*jwt.Parser\).ParseUnverified\) are used but the token's signature is never verified`
	if err != nil {
		return "", err
	}
	sub, _ := claims["sub"].(string)
	return sub, nil
}

// Records finds the record a token was issued for, verifying the token
// with the record's key; its implementation is not visible here.
type Records interface {
	FindByToken(token, kind string) (string, error)
}

// ConfirmReset verifies the reset token through an interface, then reads
// its email claim in a callback run afterwards: no finding.
func ConfirmReset(records Records, token string, after func(func() error) error) error {
	id, err := records.FindByToken(token, "passwordReset")
	if err != nil {
		return err
	}
	return after(func() error {
		claims := jwt.MapClaims{}
		if _, _, err := jwt.NewParser().ParseUnverified(token, claims); err != nil {
			return err
		}
		if email, _ := claims["email"].(string); email == "" || id == "" {
			return errors.New("no email")
		}
		return nil
	})
}

// Positive: the callback reads the claims of a token nothing verified.
func Preview(token string, after func(func() error) error) error {
	return after(func() error {
		claims := jwt.MapClaims{}
		if _, _, err := jwt.NewParser().ParseUnverified(token, claims); err != nil { // want `claims of \(\*jwt.Parser\).ParseUnverified are used but the token's signature is never verified`
			return err
		}
		if email, _ := claims["email"].(string); email == "" {
			return errors.New("no email")
		}
		return nil
	})
}
