// Package store keeps a key in an unexported field and hands it out by a
// getter; package fields signs with what the getter returns.
package store

type Keys struct{ signing []byte }

func New() *Keys { return &Keys{signing: []byte("store-signing-key-kept-in-a-field-00")} }

// Signing is the key's getter: a fact carries its constant result.
func (k *Keys) Signing() []byte { return k.signing }
