// lestrrat-go/jwx v1: jwa.NoSignature as the positional algorithm of
// jwt.Sign or jwt.WithVerify (reported: jwx refuses it at run time, and the
// code means to sign or accept unsigned tokens); HS256 signing and
// verification (silent).
package jwxv1

import (
	"os"
	"time"

	"github.com/lestrrat-go/jwx/jwa"
	"github.com/lestrrat-go/jwx/jwt"
)

func token(sub string) (jwt.Token, error) {
	return jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(time.Hour)).Build()
}

func noneKey(sub string) ([]byte, error) {
	tok, err := token(sub)
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwa.NoSignature, nil) // want `jwt.Sign with the none algorithm mints an unsigned token`
}

func acceptNone(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithVerify(jwa.NoSignature, nil), jwt.WithValidate(true)) // want `jwt.WithVerify with the none algorithm accepts unsigned tokens`
}

// Negatives.

func signed(sub string) ([]byte, error) {
	tok, err := token(sub)
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwa.HS256, []byte(os.Getenv("JWT_SECRET")))
}

func verified(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithVerify(jwa.HS256, []byte(os.Getenv("JWT_SECRET"))), jwt.WithValidate(true))
}
