// Package configsrc reads its keys through the config sources of the
// model's table, on golang-jwt v5. The negatives: keys in fields filled
// from AWS, GCP, Azure and Vault secret clients, koanf reads, and a
// getter whose default argument is the key's fallback (gobuffalo/envy:
// a fallback is sharedkey's finding, not a hardcoded key), and config
// structs filled by loaders (envconfig, caarlos0/env, koanf's Unmarshal)
// whose tag defaults are fallbacks too.
package configsrc

import (
	"context"

	secretmanager "cloud.google.com/go/secretmanager/apiv1"
	"cloud.google.com/go/secretmanager/apiv1/secretmanagerpb"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/caarlos0/env/v11"
	"github.com/gobuffalo/envy"
	"github.com/golang-jwt/jwt/v5"
	vault "github.com/hashicorp/vault/api"
	"github.com/kelseyhightower/envconfig"
	"github.com/knadh/koanf/v2"
)

func claims(sub string) jwt.MapClaims { return jwt.MapClaims{"sub": sub, "exp": 1} }

// Signer keeps, in a field, a key a secret manager returned.
type Signer struct{ key []byte }

func NewAWSSigner(ctx context.Context, c *secretsmanager.Client) (*Signer, error) {
	out, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prod/jwt")})
	if err != nil {
		return nil, err
	}
	return &Signer{key: []byte(*out.SecretString)}, nil
}

func NewGCPSigner(ctx context.Context, c *secretmanager.Client) (*Signer, error) {
	resp, err := c.AccessSecretVersion(ctx, &secretmanagerpb.AccessSecretVersionRequest{Name: "projects/p/secrets/jwt/versions/latest"})
	if err != nil {
		return nil, err
	}
	return &Signer{key: resp.GetPayload().GetData()}, nil
}

func NewAzureSigner(ctx context.Context, c *azsecrets.Client) (*Signer, error) {
	resp, err := c.GetSecret(ctx, "jwt-signing", "", nil)
	if err != nil {
		return nil, err
	}
	return &Signer{key: []byte(*resp.Value)}, nil
}

func NewVaultSigner(ctx context.Context, c *vault.Client) (*Signer, error) {
	kv, err := c.KVv2("secret").Get(ctx, "jwt")
	if err != nil {
		return nil, err
	}
	key, _ := kv.Data["signing_key"].(string)
	return &Signer{key: []byte(key)}, nil
}

func (s *Signer) Sign(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(s.key)
}

// A Vault logical read straight into the signing call.
func signFromVault(c *vault.Client, sub string) (string, error) {
	s, err := c.Logical().Read("secret/jwt")
	if err != nil || s == nil {
		return "", err
	}
	key := s.Data["key"].(string)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(key))
}

// koanf reads a config key that its loaders fill from files or the
// environment.
func signFromKoanf(k *koanf.Koanf, sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(k.Bytes("jwt.secret"))
}

func signFromKoanfString(k *koanf.Koanf, sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(k.MustString("jwt.secret")))
}

// A getter with a default argument: the literal is a fallback of the
// environment read, reported by sharedkey.
func signFromEnvy(sub string) (string, error) {
	key := envy.Get("JWT_SECRET", "envy-fallback-secret-for-local-runs")
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(key))
}

// Settings are loaded by envconfig, caarlos0/env or koanf.
type Settings struct {
	JWTSecret     string `envconfig:"JWT_SECRET" default:"envconfig-tag-default-secret"`
	RefreshSecret string `env:"REFRESH_SECRET" envDefault:"caarlos-tag-default-secret"`
	SessionSecret string `koanf:"session_secret"`
}

func loadSettings(k *koanf.Koanf) (*Settings, error) {
	var s Settings
	if err := envconfig.Process("app", &s); err != nil {
		return nil, err
	}
	if err := env.Parse(&s); err != nil {
		return nil, err
	}
	if err := k.Unmarshal("", &s); err != nil {
		return nil, err
	}
	return &s, nil
}

func signWithSettings(s *Settings, sub string) ([]string, error) {
	var out []string
	for _, key := range []string{s.JWTSecret, s.RefreshSecret, s.SessionSecret} {
		tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(key))
		if err != nil {
			return nil, err
		}
		out = append(out, tok)
	}
	a, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(s.JWTSecret))
	b, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(s.RefreshSecret))
	return append(out, a, b), nil
}

var _ = loadSettings
var _ = signWithSettings
var _ = signFromVault
var _ = signFromKoanf
var _ = signFromKoanfString
var _ = signFromEnvy
