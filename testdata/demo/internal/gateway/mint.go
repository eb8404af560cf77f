// Package gateway mints the tokens the demo sends to partner APIs and
// checks the tokens partners send back.
package gateway

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// LoadSigningKey reads the gateway's P-256 private key (PKCS #8 PEM).
// Partners fetch the public half from the gateway's JWKS.
func LoadSigningKey(path string) (*ecdsa.PrivateKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, fmt.Errorf("%s: no PEM block", path)
	}
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ec, ok := key.(*ecdsa.PrivateKey)
	if !ok || ec.Curve != elliptic.P256() {
		return nil, errors.New(path + ": want a P-256 key")
	}
	return ec, nil
}

// Minter signs the short-lived tokens the gateway presents to partner
// APIs, and the callback tokens partners present to the gateway.
type Minter struct {
	issuer   string
	ttl      time.Duration
	signer   jose.Signer
	sandbox  jose.Signer
	callback jose.Signer
}

// NewMinter returns a minter that signs partner tokens with key (ES256)
// and callback tokens with callbackSecret (HS256: only the gateway checks
// them).
func NewMinter(issuer string, key *ecdsa.PrivateKey, callbackSecret []byte, ttl time.Duration) (*Minter, error) {
	opts := (&jose.SignerOptions{}).WithType("JWT")
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: key}, opts)
	if err != nil {
		return nil, fmt.Errorf("partner signer: %w", err)
	}
	// Partner sandboxes are set up with one test secret for everyone.
	sandbox, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte("sandbox-partner-key-shared-with-acme-2024")}, opts)
	if err != nil {
		return nil, fmt.Errorf("sandbox signer: %w", err)
	}
	callback, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: callbackSecret}, opts)
	if err != nil {
		return nil, fmt.Errorf("callback signer: %w", err)
	}
	return &Minter{issuer: issuer, ttl: ttl, signer: signer, sandbox: sandbox, callback: callback}, nil
}

// scopedClaims are the claims of a token for a partner API.
type scopedClaims struct {
	jwt.Claims
	Scope string `json:"scope,omitempty"`
}

// Mint returns a token for partner's API, valid for the minter's TTL.
func (m *Minter) Mint(partner, scope string, sandbox bool) (string, error) {
	now := time.Now()
	claims := scopedClaims{
		Claims: jwt.Claims{
			Issuer:   m.issuer,
			Subject:  m.issuer,
			Audience: jwt.Audience{partner},
			IssuedAt: jwt.NewNumericDate(now),
			Expiry:   jwt.NewNumericDate(now.Add(m.ttl)),
		},
		Scope: scope,
	}
	signer := m.signer
	if sandbox {
		signer = m.sandbox
	}
	return jwt.Signed(signer).Claims(claims).Serialize()
}

// CallbackToken returns the token a partner attaches to the event
// callbacks it sends the gateway. Partners store it when they register
// their webhook.
func (m *Minter) CallbackToken(partner string) (string, error) {
	return jwt.Signed(m.callback).Claims(jwt.Claims{
		Issuer:   m.issuer,
		Subject:  partner,
		Audience: jwt.Audience{m.issuer + "/callbacks"},
		IssuedAt: jwt.NewNumericDate(time.Now()),
	}).Serialize()
}
