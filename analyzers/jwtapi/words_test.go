package jwtapi_test

import (
	"reflect"
	"testing"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
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
		if got := jwtapi.Words(in); !reflect.DeepEqual(got, want) {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}
