// This file exercises decode-then-verify on cristalhq/jwt v4 where the
// decoded token itself is verified afterwards: ParseNoVerify followed by
// verifier.Verify(token), through the Verifier interface or a concrete
// verifier (silent), and a decode whose token is never handed to a verifier
// (reported).
package cristalhq

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/cristalhq/jwt/v4"
)

func subjectAfterVerify(raw []byte, v jwt.Verifier) (string, error) {
	tok, err := jwt.ParseNoVerify(raw)
	if err != nil {
		return "", err
	}
	if err := v.Verify(tok); err != nil {
		return "", err
	}
	var rc jwt.RegisteredClaims
	if err := json.Unmarshal(tok.Claims(), &rc); err != nil {
		return "", err
	}
	if !rc.IsValidAt(time.Now()) {
		return "", errors.New("expired")
	}
	return rc.Subject, nil
}

func subjectAfterHS(raw []byte, hs *jwt.HSAlg) (string, error) {
	tok, err := jwt.ParseNoVerify(raw)
	if err != nil {
		return "", err
	}
	if err := hs.Verify(tok); err != nil {
		return "", err
	}
	var rc jwt.RegisteredClaims
	if err := tok.DecodeClaims(&rc); err != nil {
		return "", err
	}
	return rc.Subject, nil
}

func subjectVerifyingAnother(raw []byte, other *jwt.Token, v jwt.Verifier) (string, error) {
	tok, err := jwt.ParseNoVerify(raw) // want `claims of jwt.ParseNoVerify are used but the token's signature is never verified`
	if err != nil {
		return "", err
	}
	if err := v.Verify(other); err != nil {
		return "", err
	}
	var rc jwt.RegisteredClaims
	if err := tok.DecodeClaims(&rc); err != nil {
		return "", err
	}
	return rc.Subject, nil
}
