package jwtapi

import "go/types"

// DeriveOp names what a pure standard-library function computes from its
// input.
type DeriveOp uint8

const (
	DeriveNone DeriveOp = iota
	DeriveSHA1
	DeriveSHA224
	DeriveSHA256
	DeriveSHA384
	DeriveSHA512
	DeriveMD5
	DeriveBase64Decode // (*base64.Encoding).DecodeString; the receiver says which alphabet
	DeriveBase64Encode // (*base64.Encoding).EncodeToString
	DeriveHexDecode
	DeriveHexEncode
)

// Derivation is a function that turns key material into other key
// material without any input of its own: a hash of a passphrase, the
// decoding of an encoded secret. A key it derives from a constant is as
// fixed as the constant.
type Derivation struct {
	Pkg, Recv, Name string
	Op              DeriveOp
}

var derivations = []Derivation{
	{Pkg: "crypto/sha1", Name: "Sum", Op: DeriveSHA1},
	{Pkg: "crypto/sha256", Name: "Sum224", Op: DeriveSHA224},
	{Pkg: "crypto/sha256", Name: "Sum256", Op: DeriveSHA256},
	{Pkg: "crypto/sha512", Name: "Sum384", Op: DeriveSHA384},
	{Pkg: "crypto/sha512", Name: "Sum512", Op: DeriveSHA512},
	{Pkg: "crypto/md5", Name: "Sum", Op: DeriveMD5},
	{Pkg: "encoding/base64", Recv: "Encoding", Name: "DecodeString", Op: DeriveBase64Decode},
	{Pkg: "encoding/base64", Recv: "Encoding", Name: "EncodeToString", Op: DeriveBase64Encode},
	{Pkg: "encoding/hex", Name: "DecodeString", Op: DeriveHexDecode},
	{Pkg: "encoding/hex", Name: "EncodeToString", Op: DeriveHexEncode},
}

var derivationIndex = func() map[modelKey]*Derivation {
	m := make(map[modelKey]*Derivation, len(derivations))
	for i := range derivations {
		d := &derivations[i]
		m[key(d.Pkg, d.Recv, d.Name)] = d
	}
	return m
}()

// DerivationOf returns the row of fn when fn derives key material from its
// only argument, or nil.
func DerivationOf(fn *types.Func) *Derivation {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	return derivationIndex[funcKey(fn)]
}
