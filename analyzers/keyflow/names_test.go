package keyflow

import (
	"testing"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

func TestIsSecretName(t *testing.T) {
	yes := []string{"JWT_SECRET", "jwtSecret", "jwt.secret", "JWTKey", "SigningKey", "signing_secret",
		"REFRESH_TOKEN_SECRET", "accessSecret", "TOKEN_SECRET", "HMAC_KEY", "AuthSecret", "JWT_SIGNING_KEY", "JWTSECRET"}
	no := []string{"SECRET", "SECRET_KEY", "API_KEY", "JWT_KEY_ID", "JWT_PUBLIC_KEY", "JWT_SECRET_FILE", "JWT_TTL",
		"AWS_SECRET_ACCESS_KEY", "CLIENT_SECRET", "SESSION_SECRET", "CSRF_SECRET", "DB_PASSWORD", "tokenKey",
		"JWT_ISSUER", "ENCRYPTION_KEY", "accessKey"}
	for _, n := range yes {
		if !IsSecretName(nil, jwtapi.Words(n)) {
			t.Errorf("IsSecretName(%q) = false", n)
		}
	}
	for _, n := range no {
		if IsSecretName(nil, jwtapi.Words(n)) {
			t.Errorf("IsSecretName(%q) = true", n)
		}
	}
	if !IsSecretName(jwtapi.Words("JWTConfig"), jwtapi.Words("Secret")) {
		t.Errorf("JWTConfig.Secret is a JWT secret")
	}
	if IsSecretName(jwtapi.Words("Config"), jwtapi.Words("Secret")) {
		t.Errorf("Config.Secret says nothing about JWTs")
	}
}
