// Package gojwt has golang-jwt keyfuncs that take the verification key
// from the token itself: the embedded "jwk" header decoded with go-jose,
// and the key set fetched from the "jku" URL the token names, with jwx.
package gojwt

import (
	"context"
	"encoding/json"
	"errors"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/golang-jwt/jwt/v5"
	"github.com/lestrrat-go/jwx/v2/jwk"
)

func embeddedKey(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodECDSA); !ok {
		return nil, errors.New("unexpected method")
	}
	b, err := json.Marshal(t.Header["jwk"])
	if err != nil {
		return nil, err
	}
	var k jose.JSONWebKey
	if err := json.Unmarshal(b, &k); err != nil {
		return nil, err
	}
	return k.Key, nil // want `jwt.Keyfunc verifies the token with a key taken from the token's own header`
}

func fetchedKey(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodRSA); !ok {
		return nil, errors.New("unexpected method")
	}
	jku, _ := t.Header["jku"].(string)
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
	return raw, nil // want `jwt.Keyfunc verifies the token with a key taken from the token's own header`
}

func parse(raw string) (*jwt.Token, error) {
	if tok, err := jwt.Parse(raw, embeddedKey, jwt.WithExpirationRequired()); err == nil {
		return tok, nil
	}
	return jwt.Parse(raw, fetchedKey, jwt.WithExpirationRequired())
}
