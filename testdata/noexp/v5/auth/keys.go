// Key loading for the v5 fixtures; nothing here concerns expiry.
package auth

import (
	"crypto/rsa"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

var rsaKey = mustKey()

func mustKey() *rsa.PrivateKey {
	pem, err := os.ReadFile(os.Getenv("JWT_KEY_FILE"))
	if err != nil {
		return nil
	}
	k, err := jwt.ParseRSAPrivateKeyFromPEM(pem)
	if err != nil {
		return nil
	}
	return k
}
