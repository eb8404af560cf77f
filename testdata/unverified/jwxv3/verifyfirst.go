// This file exercises verify-then-decode: the token bytes are checked with
// jws.Verify first, the function leaves when that fails, and only then are
// the claims read with jwt.ParseInsecure (silent, in both the if-init and
// the assign-then-check shapes). A verification whose error is ignored, or
// which checks other bytes, still leaves the decode reported.
package jwxv3

import (
	"crypto/ecdsa"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

func verifyThenReadInit(raw []byte, pub *ecdsa.PublicKey) (string, error) {
	if _, err := jws.Verify(raw, jws.WithKey(jwa.ES256(), pub)); err != nil {
		return "", err
	}
	tok, err := jwt.ParseInsecure(raw)
	if err != nil {
		return "", err
	}
	sub, _ := tok.Subject()
	return sub, nil
}

func verifyThenReadAssigned(raw string, pub *ecdsa.PublicKey) (string, error) {
	_, err := jws.Verify([]byte(raw), jws.WithKey(jwa.ES256(), pub))
	if err != nil {
		return "", err
	}
	tok, err := jwt.ParseInsecure([]byte(raw))
	if err != nil {
		return "", err
	}
	sub, _ := tok.Subject()
	return sub, nil
}

func verifyIgnoredThenRead(raw []byte, pub *ecdsa.PublicKey) (string, error) {
	_, err := jws.Verify(raw, jws.WithKey(jwa.ES256(), pub))
	_ = err
	tok, err := jwt.ParseInsecure(raw) // want `claims of jwt.ParseInsecure are used but the token's signature is never verified`
	if err != nil {
		return "", err
	}
	sub, _ := tok.Subject()
	return sub, nil
}

func verifyLoggedThenRead(raw []byte, pub *ecdsa.PublicKey, logf func(string, ...any)) (string, error) {
	if _, err := jws.Verify(raw, jws.WithKey(jwa.ES256(), pub)); err != nil {
		logf("bad signature: %v", err)
	}
	tok, err := jwt.ParseInsecure(raw) // want `claims of jwt.ParseInsecure are used but the token's signature is never verified`
	if err != nil {
		return "", err
	}
	sub, _ := tok.Subject()
	return sub, nil
}

func verifyOtherThenRead(raw, other []byte, pub *ecdsa.PublicKey) (string, error) {
	if _, err := jws.Verify(other, jws.WithKey(jwa.ES256(), pub)); err != nil {
		return "", err
	}
	tok, err := jwt.ParseInsecure(raw) // want `claims of jwt.ParseInsecure are used but the token's signature is never verified`
	if err != nil {
		return "", err
	}
	sub, _ := tok.Subject()
	return sub, nil
}
