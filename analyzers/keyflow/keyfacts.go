package keyflow

import (
	"fmt"
	"go/token"
	"sort"
	"strings"
)

// The facts of sharedkey's provenance. go/analysis lets a pass import
// only the facts of its own analyzer, so the rule that reads them lists
// them in its FactTypes; keyflow defines them and fills them through
// that rule's pass (Provenance).

// EnvDefaultFact marks a function of the getenv(name, def) shape: it
// returns the environment variable named by parameter Name, or parameter
// Default when the variable is unset.
type EnvDefaultFact struct {
	Name    int
	Default int
}

func (*EnvDefaultFact) AFact() {}

func (f *EnvDefaultFact) String() string {
	return fmt.Sprintf("envDefault(name=%d, default=%d)", f.Name, f.Default)
}

// FallbackFact marks an exported package variable, struct field or
// function whose value falls back to a constant when a lookup finds
// nothing, and which its own package did not report (its name does not
// say it is a JWT secret and no key there reads it): a package that uses
// it as a key reports it.
type FallbackFact struct {
	Where  string // the constant, by place: never its value
	Lookup string // "environment variable JWT_SECRET", "config key jwt.secret"
	Via    string // the lookup: os.Getenv, cmp.Or, viper.SetDefault, ...
}

func (*FallbackFact) AFact() {}

func (f *FallbackFact) String() string {
	return "fallback(" + f.Via + ")"
}

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

// At returns u found at pos in the package analysed.
func (u KeyUse) At(pos token.Pos) KeyUse { u.pos = pos; return u }

// Pos is where u was found in the package analysed; NoPos for a use
// read from a fact.
func (u KeyUse) Pos() token.Pos { return u.pos }

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
