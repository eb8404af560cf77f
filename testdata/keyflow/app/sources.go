package app

import (
	"context"

	secretmanager "cloud.google.com/go/secretmanager/apiv1"
	"cloud.google.com/go/secretmanager/apiv1/secretmanagerpb"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	smv1 "github.com/aws/aws-sdk-go/service/secretsmanager"
	"github.com/gobuffalo/envy"
	vault "github.com/hashicorp/vault/api"
	"github.com/knadh/koanf/v2"
)

// Secret managers: the secret is a member of the response.

func fromAWS(ctx context.Context, c *secretsmanager.Client) {
	out, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("jwt")})
	if err != nil {
		return
	}
	sink([]byte(*out.SecretString)) // want `secret-manager`
	sink(out.SecretBinary)          // want `secret-manager`
	sink(*out.ARN)                  // want `unknown`
}

func fromAWSv1(ctx context.Context, c *smv1.SecretsManager) {
	out, err := c.GetSecretValueWithContext(ctx, &smv1.GetSecretValueInput{SecretId: awsv1.String("jwt")})
	if err != nil {
		return
	}
	sink(*out.SecretString) // want `secret-manager`
	plain, err := c.GetSecretValue(&smv1.GetSecretValueInput{SecretId: awsv1.String("jwt")})
	if err != nil {
		return
	}
	sink(plain.SecretBinary) // want `secret-manager`
	sink(*plain.VersionId)   // want `unknown`
}

func fromGCP(ctx context.Context, c *secretmanager.Client) {
	resp, err := c.AccessSecretVersion(ctx, &secretmanagerpb.AccessSecretVersionRequest{Name: "projects/p/secrets/jwt/versions/latest"})
	if err != nil {
		return
	}
	sink(resp.Payload.Data)           // want `secret-manager`
	sink(resp.GetPayload().GetData()) // want `secret-manager`
	sink(resp.GetName())              // want `unknown`
}

func fromAzure(ctx context.Context, c *azsecrets.Client) {
	resp, err := c.GetSecret(ctx, "jwt", "", nil)
	if err != nil {
		return
	}
	sink([]byte(*resp.Value)) // want `secret-manager`
	sink(*resp.ContentType)   // want `unknown`
}

func fromVault(ctx context.Context, c *vault.Client) {
	s, err := c.Logical().Read("secret/data/jwt")
	if err != nil || s == nil {
		return
	}
	sink(s.Data["key"].(string)) // want `secret-manager`
	data, _ := s.Data["data"].(map[string]any)
	sink(data["key"].(string)) // want `secret-manager`
	sink(s.LeaseID)            // want `unknown`
	kv, err := c.KVv2("secret").Get(ctx, "jwt")
	if err != nil {
		return
	}
	key := kv.Data["key"].(string)
	sink([]byte(key)) // want `secret-manager`
}

// A getter with a default argument: a constant default is a fallback;
// an empty one leaves the environment read.

func fromEnvy() {
	sink(envy.Get("ENVY_SECRET", "envy-default-secret")) // want `fallback ENVY_SECRET`
	sink(envy.Get("ENVY_SECRET", ""))                    // want `env ENVY_SECRET`
	v, err := envy.MustGet("ENVY_REQUIRED")
	if err != nil {
		return
	}
	sink(v) // want `env ENVY_REQUIRED`
}

// koanf reads a config key: not constant, not followed further.
func fromKoanf(k *koanf.Koanf) {
	sink(k.String("jwt.secret")) // want `unknown`
}
