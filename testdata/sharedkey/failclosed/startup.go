// Exercises defaults that fail closed at startup, wherever the check is:
// a short default refused by a length check in a Validate method, and a
// placeholder refused by name (negatives). A length check the default
// passes does not make it safe (reported).
package failclosed

import (
	"errors"
	"log"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

type apiConfig struct{ jwtSecret string }

func loadAPIConfig() apiConfig {
	c := apiConfig{jwtSecret: os.Getenv("API_JWT_SECRET")}
	if c.jwtSecret == "" {
		c.jwtSecret = "insecure-default"
	}
	return c
}

func (c apiConfig) validate() {
	if len(c.jwtSecret) < 32 {
		log.Fatal("API_JWT_SECRET must be at least 32 bytes")
	}
}

func issueAPI(c apiConfig, sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString([]byte(c.jwtSecret))
}

const placeholder = "replace-this-secret-before-deploying-it"

type portalConfig struct{ signingSecret string }

func loadPortalConfig() (portalConfig, error) {
	c := portalConfig{signingSecret: os.Getenv("PORTAL_SECRET")}
	if c.signingSecret == "" {
		c.signingSecret = placeholder
	}
	if c.signingSecret == placeholder || len(c.signingSecret) < 16 {
		return c, errors.New("PORTAL_SECRET is unset or a placeholder")
	}
	return c, nil
}

func issuePortal(c portalConfig, sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString([]byte(c.signingSecret))
}

type adminConfig struct{ jwtSecret string }

func loadAdminConfig() adminConfig {
	c := adminConfig{jwtSecret: os.Getenv("ADMIN_JWT_SECRET")}
	if c.jwtSecret == "" {
		c.jwtSecret = "admin-default-secret-long-enough" // want `jwt secret .*falls back to a string literal \(startup.go:\d+\) when environment variable ADMIN_JWT_SECRET is unset`
	}
	if len(c.jwtSecret) < 8 {
		log.Fatal("ADMIN_JWT_SECRET is too short")
	}
	return c
}

var _ = []any{loadAPIConfig, apiConfig.validate, issueAPI, loadPortalConfig, issuePortal, loadAdminConfig}
