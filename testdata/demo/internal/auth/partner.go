package auth

import (
	"crypto/rsa"
	"fmt"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

// acmeKeyPEM is the public key Acme Logistics signs its delivery events
// with (key ID "acme-2024").
const acmeKeyPEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtzK7taoxl6SvDNLul5dL
pjr2hmcr2jqCreeM4JHsfUfIKv61Ukp4bIxVDn4Nayr3AJFqv4QuZAI8gDrDd7mC
2N7sjWrxY04GXxD6LfmOsPaNEkc5L/dmcJXyLbmc4/flXCAtVXeT9OuTzy+LinT6
tDqGbT40ElB5nlMZWczjLb5V5+LW+GRkgrjO1WnAlwNObRkYBcGNMLYq3zdZSBp0
Htu1DdFo50MObRqqXrwc+RSYlWc7Krn85G9djg+o6A04e2g05yscDwAcj3gtRQE2
LJlQPm73NbUxSocEA0l+mpPqhwsRHSWM3MOPHOlPXi2iGwqeIJ0lVP9jT29Z3FOv
hwIDAQAB
-----END PUBLIC KEY-----`

// PartnerKeys returns the partners' verification keys by key ID. A key in
// PARTNER_DEV_KEY (see cmd/devtoken) is added under the ID "dev".
func PartnerKeys() (map[string]*rsa.PublicKey, error) {
	acme, err := jwt.ParseRSAPublicKeyFromPEM([]byte(acmeKeyPEM))
	if err != nil {
		return nil, fmt.Errorf("acme partner key: %w", err)
	}
	keys := map[string]*rsa.PublicKey{"acme-2024": acme}
	if devPEM := os.Getenv("PARTNER_DEV_KEY"); devPEM != "" {
		dev, err := jwt.ParseRSAPublicKeyFromPEM([]byte(devPEM))
		if err != nil {
			return nil, fmt.Errorf("PARTNER_DEV_KEY: %w", err)
		}
		keys["dev"] = dev
	}
	return keys, nil
}

// PartnerVerifier checks the tokens partners send with their event
// callbacks.
type PartnerVerifier struct {
	keys   map[string]*rsa.PublicKey
	parser *jwt.Parser
}

// NewPartnerVerifier returns a verifier for tokens addressed to audience.
func NewPartnerVerifier(audience string, keys map[string]*rsa.PublicKey) *PartnerVerifier {
	return &PartnerVerifier{
		keys: keys,
		parser: jwt.NewParser(
			jwt.WithValidMethods([]string{"RS256"}),
			jwt.WithAudience(audience),
			jwt.WithExpirationRequired(),
		),
	}
}

// Verify checks a partner token and returns its claims.
func (p *PartnerVerifier) Verify(raw string) (*jwt.RegisteredClaims, error) {
	// Turn unknown partners away before doing any signature work.
	peek, _, err := p.parser.ParseUnverified(raw, &jwt.RegisteredClaims{})
	if err != nil {
		return nil, err
	}
	kid, _ := peek.Header["kid"].(string)
	key, ok := p.keys[kid]
	if !ok {
		return nil, fmt.Errorf("unknown partner key %q", kid)
	}

	claims := &jwt.RegisteredClaims{}
	_, err = p.parser.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) {
		return key, nil
	})
	if err != nil {
		return nil, err
	}
	return claims, nil
}
