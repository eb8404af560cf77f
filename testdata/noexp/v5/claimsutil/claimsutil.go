// Package claimsutil is a shared helper package that builds claims for
// other packages: its own signing helper forgets exp, while callers in
// other packages that sign its claims are not reported (the builder is
// out of their package).
package claimsutil

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Claims are the platform's access claims.
type Claims struct {
	Tenant string `json:"tenant"`
	jwt.RegisteredClaims
}

// For builds claims for a tenant user.
func For(tenant, user string) Claims {
	return Claims{Tenant: tenant, RegisteredClaims: jwt.RegisteredClaims{Subject: user}}
}

// Expiring builds claims that expire after ttl.
func Expiring(tenant, user string, ttl time.Duration) Claims {
	c := For(tenant, user)
	c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(ttl))
	return c
}

// Sign signs claims built here without an expiry.
func Sign(key []byte, tenant, user string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, For(tenant, user)).SignedString(key) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}
