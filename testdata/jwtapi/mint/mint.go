// Package mint holds the mints jwtapi's Mint events describe: tokens made
// and signed (golang-jwt), one-shot signs with and without an expiry
// option (kataras), and a merged claims chain (go-jose).
package mint

import (
	"time"

	jose "github.com/go-jose/go-jose/v4"
	josejwt "github.com/go-jose/go-jose/v4/jwt"
	gjwt "github.com/golang-jwt/jwt/v5"
	kjwt "github.com/kataras/jwt"
)

func noExp(key []byte) (string, error) {
	tok := gjwt.NewWithClaims(gjwt.SigningMethodHS256, gjwt.MapClaims{"sub": "a"}) // want `mint token expiry=no signed targets=1`
	return tok.SignedString(key)
}

func withExp(key []byte) (string, error) {
	claims := gjwt.MapClaims{"sub": "a"}
	claims["exp"] = time.Now().Add(time.Minute).Unix()
	return gjwt.NewWithClaims(gjwt.SigningMethodHS256, claims).SignedString(key) // want `mint token expiry=set`
}

func laterExp(key []byte) (string, error) {
	tok := gjwt.New(gjwt.SigningMethodHS256) // want `mint token expiry=set`
	tok.Claims = gjwt.RegisteredClaims{ExpiresAt: gjwt.NewNumericDate(time.Now().Add(time.Minute))}
	return tok.SignedString(key)
}

// notSigned hands its token on: whoever signs it may add exp.
func notSigned() *gjwt.Token {
	return gjwt.NewWithClaims(gjwt.SigningMethodHS256, gjwt.MapClaims{}) // want `mint token expiry=unknown`
}

func oneShot(key []byte) ([]byte, error) {
	return kjwt.Sign(kjwt.HS256, key, map[string]any{"sub": "a"}) // want `mint one-shot expiry=no targets=1`
}

func maxAge(key []byte) ([]byte, error) {
	return kjwt.Sign(kjwt.HS256, key, map[string]any{"sub": "a"}, kjwt.MaxAge(time.Hour)) // want `mint one-shot expiry=set options=1`
}

func maxAgeVar(key []byte) ([]byte, error) {
	opt := kjwt.MaxAge(time.Hour)
	return kjwt.Sign(kjwt.HS256, key, map[string]any{"sub": "a"}, opt) // want `mint one-shot expiry=set options=1`
}

func merged(signer jose.Signer) (string, error) {
	return josejwt.Signed(signer).Claims(josejwt.Claims{Subject: "a"}).Claims(map[string]any{"role": "user"}).Serialize() // want `mint one-shot expiry=no merged=2 targets=2` `mint claims-arg expiry=unknown`
}
