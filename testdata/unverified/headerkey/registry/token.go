// Package registry verifies registry bearer tokens with go-jose v4 the way
// a token service of a container registry might: the signing key comes
// from the token's "jwk" header, checked only by its kid against the
// trusted keys, and that embedded key (not the trusted one) verifies the
// token. Whoever writes the token also writes its kid.
package registry

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

func verifyJWK(header jose.Header, opts verifyOptions) (signingKey crypto.PublicKey, err error) {
	jwk := header.JSONWebKey
	signingKey = jwk.Key
	if len(jwk.Certificates) == 0 {
		if _, trusted := opts.trustedKeys[jwk.KeyID]; !trusted {
			return nil, errors.New("untrusted JWK with no certificate chain")
		}
		return
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
	if err := tok.Claims(key, &c); err != nil { // want `\(\*jwt.JSONWebToken\).Claims verifies the token with a key taken from the token's own header`
		return nil, err
	}
	if err := c.Claims.Validate(jwt.Expected{AnyAudience: jwt.Audience{opts.audience}, Time: time.Now()}); err != nil {
		return nil, err
	}
	return &c, nil
}
