package perenv

import (
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// secretFor picks the secret by environment.
func jwtSecretFor(env string) string {
	switch env {
	case "production":
		return "switch-return-secret-shared"
	case "staging":
		return "switch-return-secret-shared" // want `jwt secret jwt_secret_for is the same for production \(switch.go:\d+\) and staging \(switch.go:\d+\)`
	default:
		return "switch-dev-secret-own"
	}
}

func signingKeyFor() []byte {
	var key string
	switch strings.ToLower(os.Getenv("APP_ENV")) {
	case "prod", "production":
		key = "key-prod-and-default-equal"
	case "dev":
		key = "key-dev-own-value"
	default:
		key = "key-prod-and-default-equal" // want `jwt secret signing_key_for is the same for prod \(switch.go:\d+\) and the default branch \(switch.go:\d+\)`
	}
	return []byte(key)
}

func sign(claims jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKeyFor())
}

func refreshSecret() string {
	env := os.Getenv("ENV")
	if env == "prod" {
		return "if-chain-refresh-secret"
	} else if env == "staging" {
		return "if-chain-staging-own"
	} else {
		return "if-chain-refresh-secret" // want `jwt secret refresh_secret is the same for prod \(switch.go:\d+\) and the else branch \(switch.go:\d+\)`
	}
}

// Negatives: different secrets per arm, arms reading different
// variables, equal non-secrets.
func accessSecret() string {
	switch os.Getenv("APP_ENV") {
	case "production":
		return os.Getenv("PROD_ACCESS_SECRET")
	case "staging":
		return os.Getenv("STAGING_ACCESS_SECRET")
	}
	return "local-access-secret-dev-only"
}

func logLevel(env string) string {
	switch env {
	case "dev":
		return "debug"
	case "test":
		return "debug"
	}
	return "info"
}

func tokenSecret(env string) string {
	if env == "prod" {
		return "token-secret-prod-distinct"
	} else if env == "dev" {
		return "token-secret-dev-distinct"
	}
	return ""
}

var _ = jwtSecretFor
var _ = sign
var _ = refreshSecret
var _ = accessSecret
var _ = logLevel
var _ = tokenSecret

// Settings is what configFor returns.
type Settings struct {
	DBHost    string
	JWTSecret string
}

func configFor(env string) Settings {
	switch env {
	case "production":
		return Settings{DBHost: "prod-db.internal", JWTSecret: "struct-arm-secret-shared"}
	case "staging":
		return Settings{DBHost: "staging-db.internal", JWTSecret: "struct-arm-secret-shared"} // want `jwt secret jwt_secret is the same for production \(switch.go:\d+\) and staging \(switch.go:\d+\)`
	default:
		return Settings{DBHost: "localhost", JWTSecret: os.Getenv("JWT_SECRET")}
	}
}

var _ = configFor
