// Package api signs claims built by another package (claimsutil): what
// that package's builder does is not followed, so nothing is reported
// here, except for the literal this package builds itself.
package api

import (
	"os"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/fixtures/noexp/v5/claimsutil"
)

var key = []byte(os.Getenv("API_JWT_KEY"))

func TenantToken(tenant, user string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claimsutil.For(tenant, user)).SignedString(key)
}

func LocalToken(tenant, user string) (string, error) {
	c := claimsutil.Claims{Tenant: tenant}
	c.Subject = user
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}
