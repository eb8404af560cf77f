package jwtapi

import (
	"fmt"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Library facts: what a function of the program does with the JWT
// libraries, carried to the packages that call it. They describe verify
// events across packages (a wrapper of a parse, a verifier of a token
// string, a keyfunc, a helper that checks a token's method) and the
// algorithms a package signs with.
//
// go/analysis lets one analyzer declare a fact type, and a pass imports
// only the facts of its own analyzer. The types live here with the model;
// the one rule that derives them from verify events (unverified) lists
// them in its FactTypes (see VerifyFactTypes) and exports them, and the
// functions of this package that read them take that pass's importer.

// FactImporter imports an object fact of the calling pass's analyzer
// (analysis.Pass.ImportObjectFact).
type FactImporter func(obj types.Object, fact analysis.Fact) bool

// VerifyFactTypes returns the library fact types, for the FactTypes of
// the analyzer that exports them.
func VerifyFactTypes() []analysis.Fact {
	return []analysis.Fact{new(WrapperFact), new(VerifyFact), new(KeyfuncFact), new(MethodCheckFact), new(SignsFact)}
}

// Wrapper kinds.
const (
	WrapToken      = "token"      // returns a verified parse's token with its error
	WrapClaims     = "claims"     // returns a verified parse's claims (or values read from them) with its error
	WrapUnverified = "unverified" // returns the token or claims of a decode that does not verify
)

// WrapperFact marks a function that returns the result of a JWT parse
// together with the parse's error, so that its callers are judged as if
// they called the parse.
type WrapperFact struct {
	Kind     string
	Result   int    // the result holding the token or claims
	Err      int    // the result holding the parse error, -1 when none
	TokenArg int    // the parameter holding the token string, -1 when none
	API      string // the library call underneath, for messages
}

func (*WrapperFact) AFact() {}

func (f *WrapperFact) String() string {
	return fmt.Sprintf("wrapper(%s of %s)", f.Kind, f.API)
}

// VerifyFact marks a function that verifies the token string passed as
// parameter Param.
type VerifyFact struct{ Param int }

func (*VerifyFact) AFact() {}

func (f *VerifyFact) String() string { return fmt.Sprintf("verifies(param %d)", f.Param) }

// Key classes: what a keyfunc returns, as far as algorithm confusion goes.
const (
	KeySecret    = "secret"     // a []byte or string: an HMAC secret
	KeyPEMPublic = "pem-public" // a []byte holding a PEM public key
	KeyTyped     = "typed"      // a typed public key of one family
	KeyAny       = "any"        // an interface value: any type at run time
	KeyMixed     = "mixed"      // different types on different paths
	KeyUnknown   = "unknown"
)

// KeyfuncFact describes a keyfunc, or a function or variable that yields
// one: whether it pins the algorithm and what kind of key it returns. It
// is also what KeyfuncResolver answers for a keyfunc of this package.
type KeyfuncFact struct {
	Pins   bool
	Key    string // a key class (KeySecret…)
	Family string // algorithm family the key type implies, "" when none
	PEMRSA bool   // a PEM public key known to be RSA
	// PEMBytes: some path returns a PEM public key as []byte, which
	// golang-jwt can only use as an HMAC secret.
	PEMBytes bool
}

func (*KeyfuncFact) AFact() {}

func (f *KeyfuncFact) String() string {
	if f.Pins {
		return "keyfunc(pins)"
	}
	return "keyfunc(no pin, key " + f.Key + ")"
}

// MethodCheckFact records, for a function with a token parameter, which
// of its token parameters it checks the signing method of.
type MethodCheckFact struct{ Params []int }

func (*MethodCheckFact) AFact() {}

func (f *MethodCheckFact) String() string { return fmt.Sprintf("checksmethod(%v)", f.Params) }

// SignsFact is a package fact listing the algorithms the package signs
// with.
type SignsFact struct{ Algs []string }

func (*SignsFact) AFact() {}

func (f *SignsFact) String() string { return "signs(" + strings.Join(f.Algs, ",") + ")" }
