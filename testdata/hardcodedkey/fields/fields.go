// Package fields keeps its keys in struct fields, on golang-jwt v5. It
// exercises hardcodedkey on a field read in a method whose every write in
// the package is constant: a constructor's literal, an assignment in
// another method (value receiver), a nested config field, an unexported
// embedded struct, a PEM literal parsed into a field. The negatives: a
// field filled from the environment or a secret store, a field with one
// constant and one environment write, an exported field other packages
// can write, and a struct decoded into.
package fields

import (
	"context"
	"crypto/rsa"
	"encoding/json"
	"os"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/fixtures/hardcodedkey/fields/settings"
	"jwtvet.test/fixtures/hardcodedkey/fields/store"
)

func claims(sub string) jwt.MapClaims { return jwt.MapClaims{"sub": sub, "exp": 1} }

// A constructor stores a literal key.
type TokenService struct{ key []byte }

func NewTokenService() *TokenService {
	return &TokenService{key: []byte("token-service-key-written-in-the-constructor")}
}

func (s *TokenService) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(s.key) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(fields.go:29\)`
}

// An assignment in one method, a read through a value receiver in another.
type Minter struct{ secret string }

func (m *Minter) Init() { m.secret = "minter-secret-assigned-in-init-0123456" }

func (m Minter) Mint(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(m.secret)) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(fields.go:39\)`
}

// A nested config field: the whole config is written once, by a loader
// that sets the secret on a zero value.
type JWTConfig struct {
	Secret string
	TTL    int
}

type AppConfig struct{ JWT JWTConfig }

func loadConfig() AppConfig {
	var c AppConfig
	c.JWT.Secret = "nested-config-secret-set-by-the-loader-0"
	c.JWT.TTL = 15
	return c
}

type Server struct{ cfg AppConfig }

func NewServer() *Server { return &Server{cfg: loadConfig()} }

func (s *Server) token(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(s.cfg.JWT.Secret)) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(fields.go:56\)`
}

// An unexported field of an embedded struct.
type keyHolder struct{ signingKey []byte }

type Handler struct {
	keyHolder
	name string
}

func NewHandler() *Handler {
	return &Handler{keyHolder: keyHolder{signingKey: []byte("embedded-holder-signing-key-0123456789")}, name: "h"}
}

func (h *Handler) sign(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(h.signingKey) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(fields.go:78\)`
}

// A PEM literal parsed into a field.
type Issuer struct{ priv *rsa.PrivateKey }

func NewIssuer() (*Issuer, error) {
	k, err := jwt.ParseRSAPrivateKeyFromPEM([]byte(issuerPEM))
	if err != nil {
		return nil, err
	}
	return &Issuer{priv: k}, nil
}

func (i *Issuer) Token(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims(sub)).SignedString(i.priv) // want `hardcoded JWT private key: \(\*jwt.Token\).SignedString signs with const issuerPEM \(pem.go:4\)`
}

// A getter of another package returns its field.
func fromStore(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(store.New().Signing()) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(store.go:7\)`
}

// An exported field of another package, every write of which is constant.
func fromSettings(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(settings.Load().SigningKey) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(settings.go:11\)`
}

// Negative: this package replaces the other package's default.
func fromService(sub string) (string, error) {
	s := settings.Defaults()
	s.Secret = os.Getenv("SERVICE_SECRET")
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(s.Secret))
}

// Negative: this package decodes over the other package's template.
func fromFile(sub string, raw []byte) (string, error) {
	f := settings.Template()
	if err := json.Unmarshal(raw, f); err != nil {
		return "", err
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(f.HMACKey))
}

// Negative: the constructor reads the environment.
type EnvService struct{ key []byte }

func NewEnvService() *EnvService { return &EnvService{key: []byte(os.Getenv("ENV_SERVICE_KEY"))} }

func (s *EnvService) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(s.key)
}

// Negative: the constructor asks a secret store.
type SecretStore interface {
	Get(ctx context.Context, name string) ([]byte, error)
}

type Vaulted struct{ key []byte }

func NewVaulted(ctx context.Context, st SecretStore) (*Vaulted, error) {
	k, err := st.Get(ctx, "jwt-signing")
	if err != nil {
		return nil, err
	}
	return &Vaulted{key: k}, nil
}

func (v *Vaulted) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(v.key)
}

// Negative: a placeholder in the constructor, replaced from the
// environment by Load: the join of the writes is not constant.
type Mixed struct{ key string }

func NewMixed() *Mixed { return &Mixed{key: "placeholder-replaced-by-load-000000000"} }

func (m *Mixed) Load() { m.key = os.Getenv("MIXED_KEY") }

func (m *Mixed) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(m.key))
}

// Negative: an exported field; a program importing this package may set
// it, and that write is not in this package.
type Public struct{ Key []byte }

func NewPublic() *Public { return &Public{Key: []byte("default-the-importer-may-replace-00000")} }

func (p *Public) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(p.Key)
}

// Negative: the config is decoded into; its fields are written by
// encoding/json, whatever the default literal says.
type fileConfig struct{ secret string }

type Decoded struct{ cfg fileConfig }

func NewDecoded(raw []byte) (*Decoded, error) {
	d := &Decoded{cfg: fileConfig{secret: "overwritten-by-the-decoded-file-000000"}}
	if err := json.Unmarshal(raw, &d.cfg); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *Decoded) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(d.cfg.secret))
}

var (
	_ = NewTokenService
	_ = (*Minter).Init
	_ = NewServer
	_ = NewHandler
	_ = NewIssuer
	_ = NewEnvService
	_ = NewVaulted
	_ = NewMixed
	_ = NewPublic
	_ = NewDecoded
	_ = fromStore
	_ = fromSettings
	_ = fromService
	_ = fromFile
)
