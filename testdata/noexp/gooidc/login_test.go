package gooidc

import (
	"context"
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"
)

// Replays a recorded, long expired token: not reported.
func TestReplay(t *testing.T) {
	v := oidc.NewVerifier("https://issuer.test", &oidc.StaticKeySet{}, &oidc.Config{ClientID: "c", SkipExpiryCheck: true})
	if _, err := v.Verify(context.Background(), "x.y.z"); err == nil {
		t.Fatal("want error")
	}
}
