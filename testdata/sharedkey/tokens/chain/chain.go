// Package chain signs in multi-line jwt.NewWithClaims(…).SignedString(…) // want package:`keyuses\(access@chain/chain.go:46,access@chain/chain.go:65,refresh@chain/chain.go:54,refresh@chain/chain.go:73\)`
// chains, on golang-jwt v5. Exercises: a keyring getter that signs both
// access and refresh tokens, reported at the key of the second signing
// call, not at the head of its chain; and the negative: the same chains
// with a getter per kind.
package chain

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Keyring holds the signing secrets.
type Keyring struct{ signing, access, refresh []byte }

// NewKeyring reads the secrets from the environment.
func NewKeyring() *Keyring {
	return &Keyring{
		signing: []byte(os.Getenv("SIGNING_SECRET")),
		access:  []byte(os.Getenv("ACCESS_SECRET")),
		refresh: []byte(os.Getenv("REFRESH_SECRET")),
	}
}

// SigningKey returns the one signing secret.
func (k *Keyring) SigningKey() []byte { return k.signing }

// AccessKey returns the access-token secret.
func (k *Keyring) AccessKey() []byte { return k.access }

// RefreshKey returns the refresh-token secret.
func (k *Keyring) RefreshKey() []byte { return k.refresh }

// Manager mints session token pairs.
type Manager struct{ keys *Keyring }

// Pair mints an access and a refresh token with one secret.
func (m *Manager) Pair(user string) (access, refresh string, err error) {
	now := time.Now()
	access, err = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": user,
		"typ": "access",
		"exp": now.Add(10 * time.Minute).Unix(),
	}).SignedString(m.keys.SigningKey())
	if err != nil {
		return "", "", err
	}
	refresh, err = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": user,
		"typ": "refresh",
		"exp": now.Add(14 * 24 * time.Hour).Unix(),
	}).SignedString(m.keys.SigningKey()) // want `jwt key field signing is used for refresh tokens by \(\*jwt.Token\).SignedString and for access tokens at chain.go:46: one kind of token passes for the other; give each token kind its own secret`
	return access, refresh, err
}

// SplitPair mints each kind with its own secret.
func (m *Manager) SplitPair(user string) (access, refresh string, err error) {
	now := time.Now()
	access, err = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": user,
		"typ": "access",
		"exp": now.Add(10 * time.Minute).Unix(),
	}).SignedString(m.keys.AccessKey())
	if err != nil {
		return "", "", err
	}
	refresh, err = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": user,
		"typ": "refresh",
		"exp": now.Add(14 * 24 * time.Hour).Unix(),
	}).SignedString(m.keys.RefreshKey())
	return access, refresh, err
}
