// Package registryfixed is the registry token check done right: the kid
// of the embedded key selects a trusted key, and that trusted key verifies
// the token; a key with a certificate chain verifies through the chain to
// the trusted roots. Nothing the token carries verifies it: silent.
package registryfixed

import (
	"crypto"
	"crypto/x509"
	"errors"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

type verifyOptions struct {
	trustedKeys map[string]crypto.PublicKey
	roots       *x509.CertPool
	audience    string
}

type accessClaims struct {
	jwt.Claims
	Access []string `json:"access"`
}

func verifyJWK(header jose.Header, opts verifyOptions) (crypto.PublicKey, error) {
	jwk := header.JSONWebKey
	if len(jwk.Certificates) == 0 {
		key, trusted := opts.trustedKeys[jwk.KeyID]
		if !trusted {
			return nil, errors.New("untrusted JWK with no certificate chain")
		}
		return key, nil
	}
	leaf := jwk.Certificates[0]
	chains, err := leaf.Verify(x509.VerifyOptions{Roots: opts.roots})
	if err != nil {
		return nil, err
	}
	return chains[0][0].PublicKey, nil
}

func signingKeyOf(header jose.Header, opts verifyOptions) (crypto.PublicKey, error) {
	switch {
	case header.JSONWebKey != nil:
		return verifyJWK(header, opts)
	case header.KeyID != "":
		if k, ok := opts.trustedKeys[header.KeyID]; ok {
			return k, nil
		}
	}
	return nil, errors.New("no usable key")
}

func verify(raw string, opts verifyOptions) (*accessClaims, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.ES256, jose.RS256})
	if err != nil {
		return nil, err
	}
	key, err := signingKeyOf(tok.Headers[0], opts)
	if err != nil {
		return nil, err
	}
	var c accessClaims
	if err := tok.Claims(key, &c); err != nil {
		return nil, err
	}
	if err := c.Claims.Validate(jwt.Expected{AnyAudience: jwt.Audience{opts.audience}, Time: time.Now()}); err != nil {
		return nil, err
	}
	return &c, nil
}
