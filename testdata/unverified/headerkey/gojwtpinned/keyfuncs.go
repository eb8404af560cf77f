// Package gojwtpinned takes keys from the token's header only after
// matching them against what the service trusts: the "jku" URL must be
// one of the configured issuers' key-set URLs. Silent.
package gojwtpinned

import (
	"context"
	"errors"

	"github.com/golang-jwt/jwt/v5"
	"github.com/lestrrat-go/jwx/v2/jwk"
)

var trustedJKU = map[string]bool{
	"https://login.example.com/.well-known/jwks.json": true,
}

func fetchedKey(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodRSA); !ok {
		return nil, errors.New("unexpected method")
	}
	jku, _ := t.Header["jku"].(string)
	if !trustedJKU[jku] {
		return nil, errors.New("untrusted jku")
	}
	set, err := jwk.Fetch(context.Background(), jku)
	if err != nil {
		return nil, err
	}
	kid, _ := t.Header["kid"].(string)
	key, ok := set.LookupKeyID(kid)
	if !ok {
		return nil, errors.New("unknown kid")
	}
	var raw interface{}
	if err := key.Raw(&raw); err != nil {
		return nil, err
	}
	return raw, nil
}

func parse(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, fetchedKey, jwt.WithExpirationRequired())
}
