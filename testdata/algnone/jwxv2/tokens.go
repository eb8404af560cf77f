// lestrrat-go/jwx v2: tokens minted with WithInsecureNoSignature (jwt and
// jws, reported) and jwa.NoSignature asked for in WithKey (reported: jwx
// refuses it at run time, and the code means to sign or accept unsigned
// tokens); HS256 signing and verification (silent).
package jwxv2

import (
	"os"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jws"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

func token(sub string) (jwt.Token, error) {
	return jwt.NewBuilder().Subject(sub).Expiration(time.Now().Add(time.Hour)).Build()
}

func unsigned(sub string) ([]byte, error) {
	tok, err := token(sub)
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithInsecureNoSignature()) // want `jwt.WithInsecureNoSignature with the none algorithm mints an unsigned token`
}

func unsignedPayload(payload []byte) ([]byte, error) {
	return jws.Sign(payload, jws.WithInsecureNoSignature()) // want `jws.WithInsecureNoSignature with the none algorithm mints an unsigned token`
}

func noneKey(sub string) ([]byte, error) {
	tok, err := token(sub)
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.NoSignature, nil)) // want `jwt.WithKey with the none algorithm mints an unsigned token`
}

func acceptNone(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.NoSignature, nil)) // want `jwt.WithKey with the none algorithm accepts unsigned tokens`
}

// Negatives.

func signed(sub string) ([]byte, error) {
	tok, err := token(sub)
	if err != nil {
		return nil, err
	}
	return jwt.Sign(tok, jwt.WithKey(jwa.HS256, []byte(os.Getenv("JWT_SECRET"))))
}

func verified(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.HS256, []byte(os.Getenv("JWT_SECRET"))))
}
