// Package getdefault reads its secrets through config getters of the table. // want package:`keyuses\(.*\)`
//
// On golang-jwt v5. Positives: a getter whose default
// argument is a literal (gobuffalo/envy Get: the literal is the
// fallback, as a LookupEnv default is) and a koanf read with a literal
// fallback. Negatives: the same getter with an empty default that fails
// closed, envy.MustGet, a key held in a field filled from a secret
// manager, access and refresh keys that are two secrets of one secret
// manager, and a getter default of a setting that is not a secret.
package getdefault

import (
	"context"
	"errors"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/gobuffalo/envy"
	"github.com/golang-jwt/jwt/v5"
	"github.com/knadh/koanf/v2"
)

func claims(sub string) jwt.MapClaims {
	return jwt.MapClaims{"sub": sub, "exp": time.Now().Add(time.Hour).Unix()}
}

func signAccess(sub string) (string, error) {
	key := envy.Get("ACCESS_SECRET", "envy-access-secret-for-local-runs") // want `jwt signing key of \(\*jwt.Token\).SignedString falls back to a string literal \(getdefault.go:\d+\) when environment variable ACCESS_SECRET is unset \(envy.Get\)`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(key))
}

func issuer() string { return envy.Get("JWT_ISSUER", "auth.example.com") }

// signRefresh fails closed: the getter's default is empty and an empty
// key stops the call.
func signRefresh(sub string) (string, error) {
	key := envy.Get("REFRESH_SECRET", "")
	if key == "" {
		return "", errors.New("REFRESH_SECRET is not set")
	}
	c := claims(sub)
	c["iss"] = issuer()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(key))
}

func signRequired(sub string) (string, error) {
	key, err := envy.MustGet("SERVICE_SECRET")
	if err != nil {
		return "", err
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS384, claims(sub)).SignedString([]byte(key))
}

func koanfSecret(k *koanf.Koanf) string {
	s := k.String("auth.session_secret")
	if s == "" {
		s = "koanf-session-secret-fallback" // want `jwt signing key of \(\*jwt.Token\).SignedString falls back to a string literal \(getdefault.go:\d+\) when config key auth.session_secret is unset \(koanf.String at getdefault.go:\d+\)`
	}
	return s
}

func signSession(k *koanf.Koanf, sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS512, claims(sub)).SignedString([]byte(koanfSecret(k)))
}

// Vault is a key kept in a field, filled from a secret manager.
type Vault struct{ key []byte }

func NewVault(ctx context.Context, c *secretsmanager.Client) (*Vault, error) {
	out, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("jwt/api")})
	if err != nil {
		return nil, err
	}
	return &Vault{key: out.SecretBinary}, nil
}

func (v *Vault) Sign(sub string) (string, error) { // want Sign:`signer\(key=-1, kind=any\)`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString(v.key)
}

// Access and refresh tokens signed with two secrets of one secret
// manager: the response's field is the same, the secrets are not.
func accessFromAWS(ctx context.Context, c *secretsmanager.Client, sub string) (string, error) {
	out, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("jwt/access")})
	if err != nil {
		return "", err
	}
	cl := claims(sub)
	cl["typ"] = "access"
	return jwt.NewWithClaims(jwt.SigningMethodHS256, cl).SignedString([]byte(*out.SecretString))
}

func refreshFromAWS(ctx context.Context, c *secretsmanager.Client, sub string) (string, error) {
	out, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("jwt/refresh")})
	if err != nil {
		return "", err
	}
	cl := claims(sub)
	cl["typ"] = "refresh"
	cl["exp"] = time.Now().Add(30 * 24 * time.Hour).Unix()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, cl).SignedString([]byte(*out.SecretString))
}

var _ = accessFromAWS
var _ = refreshFromAWS
var _ = signAccess
var _ = signRefresh
var _ = signRequired
var _ = signSession
