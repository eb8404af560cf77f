// Package jwxhdr verifies jwx v2 JWS messages with keys the token names:
// the key its protected header embeds, and the key set fetched from its
// jku with a whitelist that allows every URL (reported); a whitelist of
// trusted URLs, or none (jwx then refuses every URL), is fine.
package jwxhdr

import (
	"errors"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jws"
)

func payload(buf []byte) ([]byte, error) {
	msg, err := jws.Parse(buf)
	if err != nil {
		return nil, err
	}
	sigs := msg.Signatures()
	if len(sigs) != 1 {
		return nil, errors.New("one signature expected")
	}
	key := sigs[0].ProtectedHeaders().JWK()
	if key == nil {
		return nil, errors.New("no key")
	}
	return jws.Verify(buf, jws.WithKey(jwa.ES256, key)) // want `jws.WithKey verifies the token with a key taken from the token's own header`
}

// autoAny fetches the key set from the token's jku with a whitelist that
// allows every URL: reported.
func autoAny(buf []byte) ([]byte, error) {
	return jws.Verify(buf, jws.WithVerifyAuto(nil, jwk.WithFetchWhitelist(jwk.InsecureWhitelist{}))) // want `jws.WithVerifyAuto verifies the token with keys fetched from the jku URL the token itself names`
}

// autoTrusted allows the identity provider's key-set URL only: silent.
func autoTrusted(buf []byte) ([]byte, error) {
	wl := jwk.NewMapWhitelist().Add("https://login.example.com/.well-known/jwks.json")
	return jws.Verify(buf, jws.WithVerifyAuto(nil, jwk.WithFetchWhitelist(wl)))
}

// autoDefault gives no whitelist: jwx refuses every URL. Silent.
func autoDefault(buf []byte) ([]byte, error) {
	return jws.Verify(buf, jws.WithVerifyAuto(nil))
}
