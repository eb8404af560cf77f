package sharedkey

import "testing"

func TestIsSecretName(t *testing.T) {
	yes := []string{"JWT_SECRET", "jwtSecret", "jwt.secret", "JWTKey", "SigningKey", "signing_secret",
		"REFRESH_TOKEN_SECRET", "accessSecret", "TOKEN_SECRET", "HMAC_KEY", "AuthSecret", "JWT_SIGNING_KEY", "JWTSECRET"}
	no := []string{"SECRET", "SECRET_KEY", "API_KEY", "JWT_KEY_ID", "JWT_PUBLIC_KEY", "JWT_SECRET_FILE", "JWT_TTL",
		"AWS_SECRET_ACCESS_KEY", "CLIENT_SECRET", "SESSION_SECRET", "CSRF_SECRET", "DB_PASSWORD", "tokenKey",
		"JWT_ISSUER", "ENCRYPTION_KEY", "accessKey"}
	for _, n := range yes {
		if !isSecretName(nil, words(n)) {
			t.Errorf("isSecretName(%q) = false", n)
		}
	}
	for _, n := range no {
		if isSecretName(nil, words(n)) {
			t.Errorf("isSecretName(%q) = true", n)
		}
	}
	if !isSecretName(words("JWTConfig"), words("Secret")) {
		t.Errorf("JWTConfig.Secret is a JWT secret")
	}
	if isSecretName(words("Config"), words("Secret")) {
		t.Errorf("Config.Secret says nothing about JWTs")
	}
}
