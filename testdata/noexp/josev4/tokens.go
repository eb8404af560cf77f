// Package josev4 issues and checks tokens with go-jose v4. It exercises
// noexp on the builder's claims (minted without Expiry: reported, fixed;
// with it: silent), on (*jwt.JSONWebToken).Claims whose claims are never
// validated (reported) or validated (silent), and on a leeway of a day
// given to ValidateWithLeeway (reported).
package josev4

import (
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

type session struct {
	jwt.Claims
	Role string `json:"role"`
}

func mint(signer jose.Signer, sub string) (string, error) {
	return jwt.Signed(signer).Claims(jwt.Claims{Subject: sub, IssuedAt: jwt.NewNumericDate(time.Now())}).Serialize() // want `jwt.Signed\(signer\).Claims mints a token whose claims never get an exp claim`
}

func mintMap(signer jose.Signer, sub string) (string, error) {
	return jwt.Signed(signer).Claims(map[string]interface{}{"sub": sub}).Serialize() // want `mints a token whose claims never get an exp claim`
}

func role(raw string, key []byte) (string, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return "", err
	}
	var s session
	if err := tok.Claims(key, &s); err != nil { // want `tok.Claims verifies the signature but checks no claim, and these claims are never validated, so a token past its exp is accepted: call Claims.Validate on them before use`
		return "", err
	}
	return s.Role, nil
}

func lenient(raw string, key []byte) (string, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return "", err
	}
	var s session
	if err := tok.Claims(key, &s); err != nil {
		return "", err
	}
	if err := s.ValidateWithLeeway(jwt.Expected{Time: time.Now()}, 24*time.Hour); err != nil { // want `s.ValidateWithLeeway\(24h0m0s\) accepts tokens for 24h0m0s after they expire`
		return "", err
	}
	return s.Role, nil
}

// Negatives.

func mintWithExpiry(signer jose.Signer, sub string) (string, error) {
	cl := jwt.Claims{Subject: sub, Expiry: jwt.NewNumericDate(time.Now().Add(15 * time.Minute))}
	return jwt.Signed(signer).Claims(cl).Claims(map[string]interface{}{"role": "user"}).Serialize()
}

func validated(raw string, key []byte) (string, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return "", err
	}
	var s session
	if err := tok.Claims(key, &s); err != nil {
		return "", err
	}
	if err := s.Validate(jwt.Expected{Time: time.Now()}); err != nil {
		return "", err
	}
	return s.Role, nil
}

// verify hands the claims to its caller, which may validate them.
func verify(raw string, key []byte) (*session, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return nil, err
	}
	var s session
	if err := tok.Claims(key, &s); err != nil {
		return nil, err
	}
	return &s, nil
}

var _ = verify

// mintAdmin adds claims on a builder kept in a variable: the expiry is
// given in the first call, so the later one is not judged alone.
func mintAdmin(signer jose.Signer, sub string, admin bool) (string, error) {
	b := jwt.Signed(signer).Claims(jwt.Claims{Subject: sub, Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))})
	if admin {
		b = b.Claims(map[string]interface{}{"admin": true})
	}
	return b.Serialize()
}
