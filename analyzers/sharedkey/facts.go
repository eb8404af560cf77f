package sharedkey

import (
	"fmt"
	"go/token"
	"sort"
	"strings"
)

// SignerFact marks a function that signs or verifies JWTs with a key it
// takes as parameter KeyParam (-1: a key of its own, named by KeyIDs), for
// tokens of Kind ("" when its callers decide).
type SignerFact struct {
	KeyParam int
	KeyIDs   []string
	// RecvIDs are the KeyIDs that are fields of the receiver: each
	// receiver value may hold its own key.
	RecvIDs  []string
	Kind     string
	Aud, Iss string // constant audience or issuer, by fingerprint
	Sign     bool   // signs (else verifies)
	Where    string
	Key      string // how to name the key in messages
	API      string
}

func (*SignerFact) AFact() {}

func (f *SignerFact) String() string {
	k := f.Kind
	if k == "" {
		k = "any"
	}
	return fmt.Sprintf("signer(key=%d, kind=%s)", f.KeyParam, k)
}

// KeyUse is one use of a key for one kind of token (or one audience or
// issuer), by place.
type KeyUse struct {
	IDs   []string
	Kind  string // a token kind, "aud:<fingerprint>" or "iss:<fingerprint>"
	Where string // pkg/file.go:line
	Key   string // the key, named for messages
	API   string
	Sign  bool

	pos token.Pos // in the package that found it; not encoded
}

// KeyUsesFact lists the key uses of a package and of every package it
// imports, so that the first package that sees two kinds of token signed
// with one key can report it.
type KeyUsesFact struct{ Uses []KeyUse }

func (*KeyUsesFact) AFact() {}

func (f *KeyUsesFact) String() string {
	var kinds []string
	for _, u := range f.Uses {
		kinds = append(kinds, u.Kind+"@"+u.Where)
	}
	sort.Strings(kinds)
	return "keyuses(" + strings.Join(kinds, ",") + ")"
}
