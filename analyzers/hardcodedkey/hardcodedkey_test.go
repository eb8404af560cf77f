package hardcodedkey_test

import (
	"testing"

	"github.com/jwtvet/jwtvet/analyzers/hardcodedkey"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
)

func TestHardcodedKey(t *testing.T) {
	fixtures.RunWithFixes(t, hardcodedkey.Analyzer, "./hardcodedkey/...")
}

func TestEnvName(t *testing.T) {
	for in, want := range map[string]string{
		"":                 "JWT_SECRET",
		"jwtSecret":        "JWT_SECRET",
		"JWTSecret":        "JWT_SECRET",
		"signingKey":       "SIGNING_KEY",
		"hmacSampleSecret": "HMAC_SAMPLE_SECRET",
		"HMACKey2":         "HMAC_KEY2",
		"api_key":          "API_KEY",
	} {
		if got := hardcodedkey.EnvName(in); got != want {
			t.Errorf("EnvName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFixesCompile(t *testing.T) {
	fixtures.GoldensCompile(t, "hardcodedkey")
}
