package app

import (
	"testing"

	"jwtvet.test/driver/keys"
)

func TestToken(t *testing.T) {
	if Token("u") == keys.Danger("u") || keys.Len("u") == 0 {
		t.Fatal("token is the user")
	}
}
