package keyflow

import (
	"reflect"
	"testing"
)

func TestWords(t *testing.T) {
	for in, want := range map[string][]string{
		"JWTSecret":            {"jwt", "secret"},
		"jwt_secret":           {"jwt", "secret"},
		"jwt.refresh-secret":   {"jwt", "refresh", "secret"},
		"accessTokenTTL":       {"access", "token", "ttl"},
		"HS256Key":             {"hs256", "key"},
		".env.production":      {"env", "production"},
		"REFRESH_TOKEN_SECRET": {"refresh", "token", "secret"},
	} {
		if got := Words(in); !reflect.DeepEqual(got, want) {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsSecretName(t *testing.T) {
	yes := []string{"JWT_SECRET", "jwtSecret", "jwt.secret", "JWTKey", "SigningKey", "signing_secret",
		"REFRESH_TOKEN_SECRET", "accessSecret", "TOKEN_SECRET", "HMAC_KEY", "AuthSecret", "JWT_SIGNING_KEY", "JWTSECRET"}
	no := []string{"SECRET", "SECRET_KEY", "API_KEY", "JWT_KEY_ID", "JWT_PUBLIC_KEY", "JWT_SECRET_FILE", "JWT_TTL",
		"AWS_SECRET_ACCESS_KEY", "CLIENT_SECRET", "SESSION_SECRET", "CSRF_SECRET", "DB_PASSWORD", "tokenKey",
		"JWT_ISSUER", "ENCRYPTION_KEY", "accessKey"}
	for _, n := range yes {
		if !IsSecretName(nil, Words(n)) {
			t.Errorf("IsSecretName(%q) = false", n)
		}
	}
	for _, n := range no {
		if IsSecretName(nil, Words(n)) {
			t.Errorf("IsSecretName(%q) = true", n)
		}
	}
	if !IsSecretName(Words("JWTConfig"), Words("Secret")) {
		t.Errorf("JWTConfig.Secret is a JWT secret")
	}
	if IsSecretName(Words("Config"), Words("Secret")) {
		t.Errorf("Config.Secret says nothing about JWTs")
	}
}
