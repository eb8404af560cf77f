// Package options configures its token issuers with functional options,
// on golang-jwt v5. An options struct whose default (set by a constructor
// or a defaults function) is a constant key that WithKey may replace
// signs with that constant whenever a caller passes no WithKey: the
// default is a hardcoded key. The negatives: a default read from the
// environment or from a secret manager, a default that is empty (the
// constructor refuses to run without WithKey), a sentinel default the
// constructor refuses, and an options struct whose address is also handed
// to a loader.
package options

import (
	"context"
	"errors"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/golang-jwt/jwt/v5"
)

func claims(sub string, ttl time.Duration) jwt.MapClaims {
	return jwt.MapClaims{"sub": sub, "exp": time.Now().Add(ttl).Unix()}
}

// Issuer: the constructor's literal holds the default key.
type Issuer struct {
	key []byte
	ttl time.Duration
}

type Option func(*Issuer)

func WithKey(k []byte) Option { return func(i *Issuer) { i.key = k } }

func WithTTL(d time.Duration) Option { return func(i *Issuer) { i.ttl = d } }

func NewIssuer(opts ...Option) *Issuer {
	i := &Issuer{key: []byte("issuer-default-key-replace-with-WithKey"), ttl: time.Hour}
	for _, o := range opts {
		o(i)
	}
	return i
}

func (i *Issuer) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, i.ttl)).SignedString(i.key) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(options.go:40\)`
}

// Minter: a defaults function returns the options struct the constructor
// keeps; the option takes a string.
type minterOptions struct {
	secret string
	issuer string
}

type MinterOption func(*minterOptions)

func WithSecret(s string) MinterOption {
	return func(o *minterOptions) { o.secret = s }
}

func defaultMinterOptions() *minterOptions {
	return &minterOptions{secret: "minter-default-secret-0123456789abcdef", issuer: "options"}
}

type Minter struct{ opts *minterOptions }

func NewMinter(opts ...MinterOption) *Minter {
	o := defaultMinterOptions()
	for _, apply := range opts {
		apply(o)
	}
	return &Minter{opts: o}
}

func (m *Minter) Mint(sub string) (string, error) {
	c := claims(sub, time.Minute)
	c["iss"] = m.opts.issuer
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(m.opts.secret)) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(options.go:65\)`
}

// Server: the options struct is a value the options write through its
// address.
type serverOptions struct {
	signingKey string
	addr       string
}

type ServerOption func(*serverOptions)

func WithSigningKey(k string) ServerOption {
	return func(o *serverOptions) { o.signingKey = k }
}

type Server struct{ opts serverOptions }

func NewServer(opts ...ServerOption) *Server {
	o := serverOptions{signingKey: "server-default-signing-key-0123456789ab", addr: ":8080"}
	for _, apply := range opts {
		apply(&o)
	}
	return &Server{opts: o}
}

func (s *Server) Token(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Hour)).SignedString([]byte(s.opts.signingKey)) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(options.go:100\)`
}

// Reset takes the options' address for something else than an option:
// the struct's fields may then be written where the package does not
// show it.
type resetOptions struct{ key string }

type ResetOption func(*resetOptions)

func WithResetKey(k string) ResetOption { return func(o *resetOptions) { o.key = k } }

type Resetter struct{ opts resetOptions }

func NewResetter(load func(*resetOptions), opts ...ResetOption) *Resetter {
	o := resetOptions{key: "resetter-default-key-0123456789abcdefgh"}
	load(&o)
	for _, apply := range opts {
		apply(&o)
	}
	return &Resetter{opts: o}
}

func (r *Resetter) Token(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Hour)).SignedString([]byte(r.opts.key))
}

// Gateway: options that can fail return an error.
type gatewayOptions struct{ hmacKey []byte }

type GatewayOption func(*gatewayOptions) error

func WithHMACKey(k []byte) GatewayOption {
	return func(o *gatewayOptions) error {
		if len(k) == 0 {
			return errors.New("options: empty key")
		}
		o.hmacKey = k
		return nil
	}
}

type Gateway struct{ opts *gatewayOptions }

func NewGateway(opts ...GatewayOption) (*Gateway, error) {
	o := &gatewayOptions{hmacKey: []byte("gateway-default-hmac-key-0123456789abc")}
	for _, apply := range opts {
		if err := apply(o); err != nil {
			return nil, err
		}
	}
	return &Gateway{opts: o}, nil
}

func (g *Gateway) Token(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Hour)).SignedString(g.opts.hmacKey) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with a string literal \(options.go:153\)`
}

// EnvIssuer: the default comes from the environment.
type EnvIssuer struct{ key []byte }

type EnvOption func(*EnvIssuer)

func WithEnvKey(k []byte) EnvOption { return func(i *EnvIssuer) { i.key = k } }

func NewEnvIssuer(opts ...EnvOption) *EnvIssuer {
	i := &EnvIssuer{key: []byte(os.Getenv("ISSUER_KEY"))}
	for _, o := range opts {
		o(i)
	}
	return i
}

func (i *EnvIssuer) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Hour)).SignedString(i.key)
}

// VaultedIssuer: the default comes from a secret manager.
type VaultedIssuer struct{ key string }

type VaultedOption func(*VaultedIssuer)

func WithVaultedKey(k string) VaultedOption { return func(i *VaultedIssuer) { i.key = k } }

func NewVaultedIssuer(ctx context.Context, c *secretsmanager.Client, opts ...VaultedOption) (*VaultedIssuer, error) {
	out, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("jwt")})
	if err != nil {
		return nil, err
	}
	i := &VaultedIssuer{key: *out.SecretString}
	for _, o := range opts {
		o(i)
	}
	return i, nil
}

func (i *VaultedIssuer) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Hour)).SignedString([]byte(i.key))
}

// StrictIssuer: no default; the constructor fails without WithStrictKey.
type StrictIssuer struct{ key []byte }

type StrictOption func(*StrictIssuer)

func WithStrictKey(k []byte) StrictOption { return func(i *StrictIssuer) { i.key = k } }

func NewStrictIssuer(opts ...StrictOption) (*StrictIssuer, error) {
	i := &StrictIssuer{}
	for _, o := range opts {
		o(i)
	}
	if len(i.key) < 32 {
		return nil, errors.New("options: WithStrictKey is required")
	}
	return i, nil
}

func (i *StrictIssuer) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Hour)).SignedString(i.key)
}

// PlaceholderIssuer: an empty default the constructor refuses.
type PlaceholderIssuer struct{ secret string }

type PlaceholderOption func(*PlaceholderIssuer)

func WithPlaceholderSecret(s string) PlaceholderOption {
	return func(i *PlaceholderIssuer) { i.secret = s }
}

func NewPlaceholderIssuer(opts ...PlaceholderOption) (*PlaceholderIssuer, error) {
	i := &PlaceholderIssuer{secret: ""}
	for _, o := range opts {
		o(i)
	}
	if i.secret == "" {
		return nil, errors.New("options: WithPlaceholderSecret is required")
	}
	return i, nil
}

func (i *PlaceholderIssuer) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Hour)).SignedString([]byte(i.secret))
}

// SentinelIssuer: the default is a sentinel the constructor refuses, so
// no token is ever signed with it.
type SentinelIssuer struct{ key []byte }

type SentinelOption func(*SentinelIssuer)

func WithSentinelKey(k []byte) SentinelOption { return func(i *SentinelIssuer) { i.key = k } }

const unsetKey = "replace-me-with-WithSentinelKey-0123456"

func NewSentinelIssuer(opts ...SentinelOption) (*SentinelIssuer, error) {
	i := &SentinelIssuer{key: []byte(unsetKey)}
	for _, o := range opts {
		o(i)
	}
	if string(i.key) == unsetKey {
		return nil, errors.New("options: WithSentinelKey is required")
	}
	return i, nil
}

func (i *SentinelIssuer) Issue(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Hour)).SignedString(i.key)
}

// Verifier: options behind an interface with an unexported method.
type verifierOptions struct{ secret []byte }

type VerifierOption interface{ apply(*verifierOptions) }

type verifierOptionFunc func(*verifierOptions)

func (f verifierOptionFunc) apply(o *verifierOptions) { f(o) }

func WithVerifierSecret(s []byte) VerifierOption {
	return verifierOptionFunc(func(o *verifierOptions) { o.secret = s })
}

type Verifier struct{ opts verifierOptions }

func NewVerifier(opts ...VerifierOption) *Verifier {
	o := verifierOptions{secret: []byte("verifier-default-secret-0123456789abcd")}
	for _, opt := range opts {
		opt.apply(&o)
	}
	return &Verifier{opts: o}
}

func (v *Verifier) Verify(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(*jwt.Token) (any, error) {
		return v.opts.secret, nil // want `hardcoded JWT verification key: jwt.Keyfunc returns a string literal \(options.go:295\)`
	}, jwt.WithValidMethods([]string{"HS256"}))
}

// Decoder: a one-method interface whose method is exported can be
// implemented in another package, which may write anything into the
// struct: its default is not known to be used.
type decoderTarget struct{ key []byte }

type Decoder interface{ Decode(*decoderTarget) }

type Decoded struct{ t decoderTarget }

func NewDecoded(d Decoder) *Decoded {
	t := decoderTarget{key: []byte("decoded-default-key-0123456789abcdefgh")}
	d.Decode(&t)
	return &Decoded{t: t}
}

func (d *Decoded) Sign(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub, time.Hour)).SignedString(d.t.key)
}
