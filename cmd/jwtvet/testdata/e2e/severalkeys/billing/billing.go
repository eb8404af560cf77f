// Package billing has a key held by a variable of the same name as the
// partner package's.
package billing

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte("billing-secret-fixed-in-the-source-2020")

// Invoice signs an invoice link.
func Invoice(id string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": id, "exp": time.Now().Add(time.Hour).Unix()}).SignedString(secret)
}
