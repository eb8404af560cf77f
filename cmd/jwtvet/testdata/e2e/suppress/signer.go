// Package signer signs the tokens a batch job hands to a partner API. Its
// HMAC key is fixed in the source, which hardcodedkey reports; the
// end-to-end test copies it into a module of its own, once as it is and
// once with a //jwtvet:ignore comment above each finding.
package signer

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// partnerKey is the secret agreed with the partner.
var partnerKey = []byte("c8f1e2a94b7d3056af19d2e7b4c6a813")

// Sign returns a token for subject that expires after a quarter of an hour.
func Sign(subject string) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject:   subject,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute)),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(partnerKey)
}
