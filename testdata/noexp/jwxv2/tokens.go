// Package jwxv2 issues and checks tokens with lestrrat-go/jwx v2. It
// exercises noexp on tokens built without an expiration and signed
// (builder chain and jwt.New + Set: reported), on jwt.WithValidate(false)
// (reported) and on a skew of two hours (reported); the negatives set
// exp through Expiration, Claim("exp", …) and Set(jwt.ExpirationKey, …),
// and validate.
package jwxv2

import (
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

func mint(sub string, key []byte) ([]byte, error) {
	tok, err := jwt.NewBuilder().Subject(sub).IssuedAt(time.Now()).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256, key)) // want `jwt.Sign mints a token whose claims never get an exp claim`
}

func mintSet(sub string, key []byte) ([]byte, error) {
	tok := jwt.New()
	if err := tok.Set(jwt.SubjectKey, sub); err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256, key)) // want `jwt.Sign mints a token whose claims never get an exp claim`
}

func lenient(raw, key []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.HS256, key), jwt.WithValidate(false)) // want `jwt.WithValidate switches off claims validation`
}

func skewed(raw, key []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.HS256, key), jwt.WithAcceptableSkew(2*time.Hour)) // want `jwt.WithAcceptableSkew\(2h0m0s\) accepts tokens for 2h0m0s after they expire`
}

// Negatives.

func mintWithExpiry(sub string, key []byte) ([]byte, error) {
	tok, err := jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(15 * time.Minute)).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256, key))
}

func mintClaim(sub string, key []byte) ([]byte, error) {
	tok, err := jwt.NewBuilder().Subject(sub).Claim("exp", time.Now().Add(time.Hour)).Build()
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256, key))
}

func mintSetExp(sub string, key []byte) ([]byte, error) {
	tok := jwt.New()
	if err := tok.Set(jwt.ExpirationKey, time.Now().Add(time.Hour)); err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256, key))
}

func strict(raw, key []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.HS256, key), jwt.WithValidate(true), jwt.WithAcceptableSkew(30*time.Second))
}
