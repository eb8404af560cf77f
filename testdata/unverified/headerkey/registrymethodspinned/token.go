// Package registrymethodspinned is registrymethods with the embedded key
// pinned: before the token's "jwk" verifies anything, its RFC 7638
// thumbprint must be one of the thumbprints the program trusts, so only a
// key the program already knows verifies the token. Silent.
package registrymethodspinned

import (
	"crypto"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"slices"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

var errBadToken = errors.New("invalid token")

// Options says which issuers, roots and keys are trusted.
type Options struct {
	Issuers []string
	Roots   *x509.CertPool
	KeyIDs  map[string]crypto.PublicKey
	// Pins holds the base64url SHA-256 thumbprints of the trusted keys.
	Pins map[string]bool
}

// Claims are the claims of a registry token.
type Claims struct {
	jwt.Claims
	Scopes []string `json:"access"`
}

// Token is a parsed, not yet verified token.
type Token struct {
	Raw string
	JWT *jwt.JSONWebToken
}

// Grant is what a verified token allows.
type Grant struct {
	Subject string
	Scopes  []string
}

// Parse decodes a token without verifying it.
func Parse(raw string) (*Token, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256, jose.ES256})
	if err != nil {
		return nil, err
	}
	return &Token{Raw: raw, JWT: tok}, nil
}

// Verify checks the signature, then issuer and expiry.
func (t *Token) Verify(opts Options) (*Claims, error) {
	key, err := t.VerifySigningKey(opts)
	if err != nil {
		return nil, errBadToken
	}
	var c Claims
	if err := t.JWT.Claims(key, &c); err != nil {
		return nil, err
	}
	if !slices.Contains(opts.Issuers, c.Issuer) {
		return nil, errBadToken
	}
	if err := c.Claims.Validate(jwt.Expected{Time: time.Now()}); err != nil {
		return nil, err
	}
	return &c, nil
}

// VerifySigningKey picks the key that verifies the token.
func (t *Token) VerifySigningKey(opts Options) (crypto.PublicKey, error) {
	if len(t.JWT.Headers) == 0 {
		return nil, errBadToken
	}
	header := t.JWT.Headers[0]
	chains, err := header.Certificates(x509.VerifyOptions{Roots: opts.Roots})
	if err != nil {
		if errors.Is(err, jose.ErrMissingX5cHeader) {
			switch {
			case header.JSONWebKey != nil:
				return verifyJWK(header, opts)
			case header.KeyID != "":
				if k, ok := opts.KeyIDs[header.KeyID]; ok {
					return k, nil
				}
				return nil, errBadToken
			default:
				return nil, errBadToken
			}
		}
		return nil, err
	}
	return chains[0][0].PublicKey, nil
}

func verifyJWK(header jose.Header, opts Options) (key crypto.PublicKey, err error) {
	jwk := header.JSONWebKey
	key = jwk.Key
	if len(jwk.Certificates) == 0 {
		thumb, terr := jwk.Thumbprint(crypto.SHA256)
		if terr != nil {
			return nil, terr
		}
		if !opts.Pins[base64.RawURLEncoding.EncodeToString(thumb)] {
			return nil, errors.New("embedded key is not pinned")
		}
		return
	}
	chains, err := jwk.Certificates[0].Verify(x509.VerifyOptions{Roots: opts.Roots})
	if err != nil {
		return nil, err
	}
	key = chains[0][0].PublicKey
	return
}

// Authorize verifies a raw token and returns what it grants.
func Authorize(raw string, opts Options) (*Grant, error) {
	tok, err := Parse(raw)
	if err != nil {
		return nil, err
	}
	c, err := tok.Verify(opts)
	if err != nil {
		return nil, err
	}
	return &Grant{Subject: c.Subject, Scopes: c.scopes()}, nil
}

func (c *Claims) scopes() []string {
	return slices.Clone(c.Scopes)
}
