// Claims types in golang-jwt v4 with their own Valid method, which the
// parser calls instead of the embedded claims' Valid: methods that drop
// the expiry check, and methods that keep it (calling the embedded Valid,
// VerifyExpiresAt, a helper on the receiver, or reading ExpiresAt).
package users

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v4"
)

// TenantClaims replace RegisteredClaims.Valid with a tenant check only.
type TenantClaims struct {
	Tenant string `json:"tenant"`
	jwt.RegisteredClaims
}

func (c TenantClaims) Valid() error { // want `method TenantClaims.Valid replaces jwt.RegisteredClaims.Valid and never checks exp, so expired tokens are accepted: call c.RegisteredClaims.Valid\(\) from it`
	if c.Tenant == "" {
		return jwt.NewValidationError("missing tenant", jwt.ValidationErrorClaimsInvalid)
	}
	return nil
}

// NoopClaims accept anything.
type NoopClaims struct {
	jwt.StandardClaims
	Scope string `json:"scope"`
}

func (*NoopClaims) Valid() error { return nil } // want `method NoopClaims.Valid replaces jwt.StandardClaims.Valid and never checks exp`

// CheckedClaims call the embedded Valid first.
type CheckedClaims struct {
	Tenant string `json:"tenant"`
	jwt.RegisteredClaims
}

func (c CheckedClaims) Valid() error {
	if err := c.RegisteredClaims.Valid(); err != nil {
		return err
	}
	if c.Tenant == "" {
		return errors.New("missing tenant")
	}
	return nil
}

// VerifiedClaims verify exp explicitly and require it.
type VerifiedClaims struct {
	jwt.StandardClaims
}

func (c VerifiedClaims) Valid() error {
	if !c.VerifyExpiresAt(time.Now().Unix(), true) {
		return errors.New("expired or no exp")
	}
	return nil
}

// DelegatingClaims validate in a helper method.
type DelegatingClaims struct {
	jwt.RegisteredClaims
	Role string `json:"role"`
}

func (c DelegatingClaims) Valid() error { return c.validate(time.Now()) }

func (c DelegatingClaims) validate(now time.Time) error {
	if c.ExpiresAt == nil || c.ExpiresAt.Before(now) {
		return errors.New("expired")
	}
	return nil
}

// OwnExpClaims carry their own exp field and ignore it in Valid; they are
// used for parsing below.
type OwnExpClaims struct {
	Subject string `json:"sub"`
	Expires int64  `json:"exp"`
}

func (c OwnExpClaims) Valid() error { // want `method OwnExpClaims.Valid replaces the library's claims checks and never reads Expires, so expired tokens are accepted: reject the token when Expires is missing or in the past`
	if c.Subject == "" {
		return errors.New("no subject")
	}
	return nil
}

func ParseOwn(raw string) (*OwnExpClaims, error) {
	var c OwnExpClaims
	_, err := jwt.ParseWithClaims(raw, &c, keyFunc)
	return &c, err
}

// UnusedExpClaims have an exp field and a lax Valid but are never handed
// to the library: not reported.
type UnusedExpClaims struct {
	Exp int64 `json:"exp"`
}

func (UnusedExpClaims) Valid() error { return nil }
