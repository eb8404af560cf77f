// Package jwxhdr verifies a jwx v2 JWS with the key its protected header
// embeds: reported.
package jwxhdr

import (
	"errors"

	"github.com/lestrrat-go/jwx/v2/jwa"
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
