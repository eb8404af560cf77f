// Package envmap keeps one HMAC secret per environment in a map filled
// from environment variables and picks one at run time. Any of them may be
// unset; a startup loop over the map that refuses empty values is a check.
package envmap

import (
	"log"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

var secrets = map[string]string{
	"dev":  os.Getenv("DEV_JWT_SECRET"),
	"prod": os.Getenv("PROD_JWT_SECRET"),
}

func Sign(env, sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString([]byte(secrets[env])) // want `JWT key may be empty: .* uses environment variables DEV_JWT_SECRET, PROD_JWT_SECRET, which nothing checks before use`
}

// Negative: the partner secrets are checked at startup.
var partnerSecrets = map[string]string{
	"eu": os.Getenv("PARTNER_EU_SECRET"),
	"us": os.Getenv("PARTNER_US_SECRET"),
}

func init() {
	for region, s := range partnerSecrets {
		if len(s) < 32 {
			log.Fatalf("partner secret for %s is too short", region)
		}
	}
}

func SignPartner(region, sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString([]byte(partnerSecrets[region]))
}
