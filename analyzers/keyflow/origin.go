package keyflow

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"hash/fnv"
	"path/filepath"
)

// Kind classifies the origin of a key value.
type Kind uint8

const (
	Unknown     Kind = iota
	Constant         // fixed at compile time
	Env              // read from the environment or a flag at run time
	Fallback         // an environment lookup whose default is a constant
	Param            // a function parameter: the caller decides
	Random           // a buffer filled by crypto/rand
	Predictable      // a buffer filled by math/rand
	Public           // a public key: not a secret
	RSAKey           // a key from rsa.GenerateKey
	Secret           // fetched from a secret manager at run time: never in the source
	File             // read from a file at run time (File names it when constant)
)

var kindNames = [...]string{"unknown", "constant", "env", "fallback", "param", "random", "predictable", "public", "rsa-key", "secret-manager", "file"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Const describes a constant value without holding it.
type Const struct {
	// Where names the definition a reader should look at, e.g.
	// `var signingKey (config.go:12)`. Never the value.
	Where string
	// Name is the identifier (variable, constant or field) that held the
	// value, or "" for a bare literal.
	Name string
	// Len is the value's length in bytes, or -1 when unknown.
	Len int
	// Weak: a well-known weak secret or a single repeated character.
	Weak bool
	// FP is a fingerprint of the value for equality tests, 0 when unknown.
	FP uint64
	// PEM describes a PEM block in the value.
	PEM PEMInfo
}

// Origin is the answer for one expression.
type Origin struct {
	Kind Kind
	// Const describes the value (Constant) or the default (Fallback).
	Const Const
	// Pos is where the constant is written in this package, and Expr the
	// expression there; NoPos and nil when it is defined in another
	// package. Fixes edit Expr.
	Pos  token.Pos
	Expr ast.Expr
	// Holder is the innermost named variable, constant or field that held
	// the value (for fix naming), or nil.
	Holder types.Object
	// Env is the environment variable name for Env and Fallback, when
	// constant.
	Env string
	// File is the path of a File origin, when constant; FileEnv the
	// environment variable that names it, when the path is read from one.
	File, FileEnv string
	// Size is the buffer size for Random and Predictable, or the bit size
	// for RSAKey; -1 when not constant.
	Size int
	// SizeExpr is the expression giving Size (make's length, GenerateKey's
	// bits), for fixes and messages.
	SizeExpr ast.Expr
	// Candidates are the positions in this package of every constant a
	// selection can give (the arms of a switch on the environment, the
	// values of a map indexed at run time, the writes of a field), when
	// the origin joins several; nil otherwise.
	Candidates []token.Pos
	// Via are the arguments of the calls in this package through which
	// the value reached a helper's parameter, when it did.
	Via []ast.Expr

	value    string // the constant value, only within this package's analysis
	hasValue bool
}

// IsConstant reports whether the key is fixed at compile time.
func (o Origin) IsConstant() bool { return o.Kind == Constant }

func unknown() Origin { return Origin{Kind: Unknown, Size: -1} }

// Fingerprint returns a keyed hash of s for equality tests between
// constants without keeping s.
func Fingerprint(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte("jwtvet\x00"))
	h.Write([]byte(s))
	return h.Sum64() | 1
}

// constOf builds a Constant origin for a known value.
func constOf(value string, where string, name string, pos token.Pos, expr ast.Expr) Origin {
	return Origin{
		Kind: Constant,
		Const: Const{
			Where: where,
			Name:  name,
			Len:   len(value),
			Weak:  IsWeakSecret(value),
			FP:    Fingerprint(value),
			PEM:   inspectPEM(value),
		},
		Pos:      pos,
		Expr:     expr,
		Size:     -1,
		value:    value,
		hasValue: true,
	}
}

// position formats pos as file.go:line.
func position(fset *token.FileSet, pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// describe names an object and where it is declared.
func describe(fset *token.FileSet, obj types.Object, thisPkg *types.Package) string {
	kind := "var"
	switch o := obj.(type) {
	case *types.Const:
		kind = "const"
	case *types.Func:
		kind = "func"
	case *types.Var:
		if o.IsField() {
			kind = "field"
		}
	}
	name := obj.Name()
	if obj.Pkg() != nil && obj.Pkg() != thisPkg {
		name = obj.Pkg().Name() + "." + name
	}
	if kind == "func" {
		name += "()"
	}
	if at := position(fset, obj.Pos()); at != "" && (obj.Pkg() == thisPkg) {
		return fmt.Sprintf("%s %s (%s)", kind, name, at)
	}
	return kind + " " + name
}

// merge combines the origins of several definitions of one variable.
func merge(origins []Origin) Origin {
	if len(origins) == 0 {
		return unknown()
	}
	var constant, env *Origin
	for i := range origins {
		o := &origins[i]
		switch o.Kind {
		case Constant:
			if constant == nil {
				constant = o
			}
		case Env:
			if env == nil {
				env = o
			}
		case Fallback:
			return *o
		default:
			// A parameter, runtime value or unknown definition: the key is
			// not fixed, and no fallback pattern is certain.
			allSame := true
			for _, p := range origins {
				if p.Kind != o.Kind {
					allSame = false
				}
			}
			if allSame {
				return *o
			}
			return unknown()
		}
	}
	switch {
	case constant != nil && env != nil:
		fb := *constant
		fb.Kind = Fallback
		fb.Env = env.Env
		return fb
	case constant != nil:
		// Every definition is constant. Distinct values are still
		// constant; the first names the place to look, and no single
		// expression can be rewritten to fix them all.
		o := *constant
		var cands []token.Pos
		for _, p := range origins {
			if p.Pos != o.Pos {
				o.Expr = nil
			}
			if p.Kind == Constant {
				cands = appendPos(cands, p.Pos)
				for _, c := range p.Candidates {
					cands = appendPos(cands, c)
				}
			}
		}
		if len(cands) > 1 {
			o.Candidates = cands
		}
		// Through callers only when every constant came that way: a
		// constant written at the sink is reported there.
		o.Via = nil
		for _, p := range origins {
			if len(p.Via) == 0 {
				o.Via = nil
				break
			}
			o.Via = append(o.Via, p.Via...)
		}
		return o
	case env != nil:
		for _, p := range origins {
			// Two variables or two fields are two keys, not the first.
			if p.Env != env.Env || p.Holder != env.Holder {
				return unknown()
			}
		}
		return *env
	}
	return unknown()
}

func appendPos(ps []token.Pos, p token.Pos) []token.Pos {
	if !p.IsValid() {
		return ps
	}
	for _, q := range ps {
		if q == p {
			return ps
		}
	}
	return append(ps, p)
}
