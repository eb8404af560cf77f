// Package secrets holds keys other packages use: a constant getter, a
// config literal, a PEM public key and an environment-backed key. It
// exercises provenance facts across packages.
package secrets

import "os"

// Config is the service configuration.
type Config struct {
	JWTSecret string
	Issuer    string
}

// Defaults is shipped in the binary and never changed.
var Defaults = Config{JWTSecret: "defaults-jwt-secret-shipped-in-binary", Issuer: "billing"}

// SigningKey returns the key every service signs with.
func SigningKey() []byte {
	return []byte("shared-signing-key-from-a-getter-0001")
}

// FromEnv reads the key at run time.
func FromEnv() []byte {
	return []byte(os.Getenv("BILLING_JWT_KEY"))
}

// PublicKeyPEM is the verification key of the identity provider: public.
const PublicKeyPEM = `-----BEGIN PUBLIC KEY-----
MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAL0/Dh2LNzsE5uVPnPFaIo+S5jG4MHh9
ZAlNrxO6x/0Jhy+w91QGrtMjv2zvmQDXx+HFyAMcdUctGiysl47eQS0CAwEAAQ==
-----END PUBLIC KEY-----`
