// Package configsrc signs with keys read through the config sources of
// the table, on golang-jwt v5 (which accepts an empty key). Positive: a
// getter whose default argument is empty (gobuffalo/envy Get(name, ""))
// signs with an empty key when the variable is unset and nothing checks
// it. Negatives: the same getter checked before use (it fails closed),
// envy.MustGet (it tells an unset variable), a long getter default (a
// fallback: sharedkey's finding), and keys from AWS and Vault secret
// clients, which are never read from the environment.
package configsrc

import (
	"context"
	"errors"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/gobuffalo/envy"
	"github.com/golang-jwt/jwt/v5"
	vault "github.com/hashicorp/vault/api"
)

func claims(sub string) jwt.MapClaims {
	return jwt.MapClaims{"sub": sub, "exp": time.Now().Add(15 * time.Minute).Unix()}
}

func signUnchecked(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(envy.Get("UNCHECKED_SECRET", ""))) // want `JWT key may be empty: \(\*jwt.Token\).SignedString uses environment variable UNCHECKED_SECRET, which nothing checks before use`
}

func signChecked(sub string) (string, error) {
	key := envy.Get("CHECKED_SECRET", "")
	if len(key) < 32 {
		return "", errors.New("CHECKED_SECRET must hold at least 32 bytes")
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(key))
}

func signRequired(sub string) (string, error) {
	key, err := envy.MustGet("REQUIRED_SECRET")
	if err != nil {
		return "", err
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(key))
}

func signWithDefault(sub string) (string, error) {
	key := envy.Get("DEFAULTED_SECRET", "a-default-long-enough-for-hs256-0123456789")
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(key))
}

func signFromAWS(ctx context.Context, c *secretsmanager.Client, sub string) (string, error) {
	out, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("jwt")})
	if err != nil {
		return "", err
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(*out.SecretString))
}

func signFromVault(ctx context.Context, c *vault.Client, sub string) (string, error) {
	kv, err := c.KVv2("secret").Get(ctx, "jwt")
	if err != nil {
		return "", err
	}
	key, _ := kv.Data["key"].(string)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims(sub)).SignedString([]byte(key))
}

var _ = signUnchecked
var _ = signChecked
var _ = signRequired
var _ = signWithDefault
var _ = signFromAWS
var _ = signFromVault
