// Package billing has a key held by a variable of the same name as the
// partner package's.
package billing

import (
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

var secret = []byte("billing-secret-fixed-in-the-source-2020")

// Invoice signs an invoice link.
func Invoice(id string) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: secret}, nil)
	if err != nil {
		return "", err
	}
	return jwt.Signed(signer).Claims(jwt.Claims{Subject: id, Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))}).Serialize()
}
