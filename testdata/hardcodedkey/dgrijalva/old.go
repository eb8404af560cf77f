// Package dgrijalva is an old service on github.com/dgrijalva/jwt-go,
// reading its key from a config map that is never written.
package dgrijalva

import jwt "github.com/dgrijalva/jwt-go"

type tenant struct {
	Name   string
	Secret string
}

var tenants = map[string]tenant{
	"acme":   {Name: "Acme", Secret: "acme-tenant-secret-value-000000000"},
	"globex": {Name: "Globex", Secret: "globex-tenant-secret-value-0000000"},
}

func SignFor(name string) (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString([]byte(tenants["acme"].Secret)) // want `hardcoded JWT signing key`
}
