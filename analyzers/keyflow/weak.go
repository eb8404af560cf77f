package keyflow

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"strings"
)

// weakSecrets are values that appear in tutorials, framework defaults and
// placeholder configs; an attacker tries them first. Compared after
// lower-casing and trimming space.
var weakSecrets = map[string]bool{
	"secret": true, "secretkey": true, "secret-key": true, "secret_key": true,
	"mysecret": true, "my-secret": true, "my_secret": true, "mysecretkey": true,
	"my-secret-key": true, "my_secret_key": true, "supersecret": true,
	"super-secret": true, "super_secret": true, "supersecretkey": true,
	"super-secret-key": true, "topsecret": true, "changeme": true,
	"change-me": true, "change_me": true, "changeit": true, "password": true,
	"passw0rd": true, "p@ssw0rd": true, "admin": true, "default": true,
	"test": true, "testing": true, "key": true, "jwt": true, "jwtsecret": true,
	"jwt-secret": true, "jwt_secret": true, "jwtkey": true, "jwt-key": true,
	"jwt_key": true, "jwt-secret-key": true, "jwt_secret_key": true,
	"your-256-bit-secret": true, "your-384-bit-secret": true,
	"your-512-bit-secret": true, "your-secret": true, "your-secret-key": true,
	"your_secret_key": true, "yoursecretkey": true, "your-jwt-secret": true,
	"replace-me": true, "replaceme": true, "todo": true, "dev": true,
	"development": true, "qwerty": true, "123456": true, "12345678": true,
	"1234567890": true, "abc123": true, "letmein": true, "s3cr3t": true,
	"shhhhh": true, "keyboard cat": true, "hmac-secret": true,
	"signing-key": true, "signingkey": true, "private-key": true,
	"access-secret": true, "refresh-secret": true, "access_secret": true,
	"refresh_secret": true, "accesssecret": true, "refreshsecret": true,
}

// IsWeakSecret reports whether s is a well-known weak secret or a single
// character repeated.
func IsWeakSecret(s string) bool {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return false
	}
	if weakSecrets[t] {
		return true
	}
	return len(t) > 1 && strings.Count(t, t[:1]) == len(t)
}

// PEMInfo describes a PEM-encoded key found in a constant.
type PEMInfo struct {
	Private bool // a private key (a secret)
	Public  bool // a public key or certificate (not a secret)
	RSABits int  // modulus size of an RSA key, 0 otherwise
}

// inspectPEM decodes the first PEM block of s, if any.
func inspectPEM(s string) PEMInfo {
	if !strings.Contains(s, "-----BEGIN ") {
		return PEMInfo{}
	}
	block, _ := pem.Decode([]byte(s))
	if block == nil {
		return PEMInfo{}
	}
	var info PEMInfo
	switch {
	case strings.Contains(block.Type, "PRIVATE KEY"):
		info.Private = true
		if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
			info.RSABits = k.N.BitLen()
		} else if k, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
			if rk, ok := k.(*rsa.PrivateKey); ok {
				info.RSABits = rk.N.BitLen()
			}
		}
	case strings.Contains(block.Type, "PUBLIC KEY"), block.Type == "CERTIFICATE":
		info.Public = true
		if k, err := x509.ParsePKIXPublicKey(block.Bytes); err == nil {
			switch k := k.(type) {
			case *rsa.PublicKey:
				info.RSABits = k.N.BitLen()
			case *ecdsa.PublicKey, ed25519.PublicKey:
			}
		} else if k, err := x509.ParsePKCS1PublicKey(block.Bytes); err == nil {
			info.RSABits = k.N.BitLen()
		}
	}
	return info
}
