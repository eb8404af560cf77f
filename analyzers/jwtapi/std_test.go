package jwtapi

import "testing"

func TestIsStdPath(t *testing.T) {
	for path, want := range map[string]bool{
		"fmt":                          true,
		"net/http":                     true,
		"crypto/rand":                  true,
		"math/rand/v2":                 true,
		"backend/httpx":                false,
		"myapp":                        false,
		"github.com/golang-jwt/jwt/v5": false,
		"example.com/x":                false,
		"":                             false,
	} {
		if got := IsStdPath(path); got != want {
			t.Errorf("IsStdPath(%q) = %v, want %v", path, got, want)
		}
	}
}
