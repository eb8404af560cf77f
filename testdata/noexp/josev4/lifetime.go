package josev4

// Expiry set only under a configured lifetime, on the go-jose builder's
// claims: reported; with a default in the else branch: silent.

import (
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

type issuer struct {
	signer jose.Signer
	ttl    time.Duration
}

func (i *issuer) mintConfigured(sub string) (string, error) {
	cl := jwt.Claims{Subject: sub, IssuedAt: jwt.NewNumericDate(time.Now())}
	if i.ttl > 0 { // want `jwt.Signed\(i.signer\).Claims mints a token whose exp is set only when i.ttl > 0`
		cl.Expiry = jwt.NewNumericDate(time.Now().Add(i.ttl))
	}
	return jwt.Signed(i.signer).Claims(cl).Serialize()
}

func (i *issuer) mintDefault(sub string) (string, error) {
	cl := jwt.Claims{Subject: sub}
	if i.ttl > 0 {
		cl.Expiry = jwt.NewNumericDate(time.Now().Add(i.ttl))
	} else {
		cl.Expiry = jwt.NewNumericDate(time.Now().Add(time.Hour))
	}
	return jwt.Signed(i.signer).Claims(cl).Serialize()
}
