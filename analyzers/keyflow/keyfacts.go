package keyflow

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Key events across packages. The facts below are declared here and
// listed in the FactTypes of the one rule that compares key events
// (sharedkey), whose pass the functions below take: go/analysis lets a
// pass read and write only the facts of its own analyzer.

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

// At returns the position of a use found in this package, NoPos for a
// use read from a fact.
func (u KeyUse) At() token.Pos { return u.pos }

// Evidence decodes the use's Kind: a token kind, or an audience or
// issuer by fingerprint.
func (u KeyUse) Evidence() (kind, aud, iss string) {
	switch {
	case strings.HasPrefix(u.Kind, "aud:"):
		return "", u.Kind, ""
	case strings.HasPrefix(u.Kind, "iss:"):
		return "", "", u.Kind
	}
	return u.Kind, "", ""
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

// ExportSigners exports a SignerFact for the exported functions that
// sign or verify for their callers: the key or the kind is theirs to
// give.
func (ke *KeyEvents) ExportSigners(pass *analysis.Pass, events []*KeyEvent) {
	done := map[*types.Func]bool{}
	for _, e := range events {
		fn := e.Fn
		if fn == nil || fn.Pkg() != pass.Pkg || !fn.Exported() || done[fn] {
			continue
		}
		if e.Kind != "" && len(e.Params) == 0 {
			continue
		}
		if len(e.Params) > 1 || (len(e.Params) == 0 && len(e.IDs) == 0) {
			continue
		}
		done[fn] = true
		f := &SignerFact{KeyParam: -1, KeyIDs: e.IDs, RecvIDs: e.RecvIDs, Kind: e.Kind, Where: ke.f.PkgPosition(e.Pos), Key: e.Key, API: e.API, Aud: e.Aud, Iss: e.Iss, Sign: e.Sign}
		if len(e.Params) == 1 {
			f.KeyParam = e.Params[0]
		}
		pass.ExportObjectFact(fn, f)
	}
}

// ImportedSigners returns the events at calls of other packages'
// functions that sign or verify for their callers.
func (ke *KeyEvents) ImportedSigners(pass *analysis.Pass) []*KeyEvent {
	var out []*KeyEvent
	for cur := range ke.f.ix.Inspector().Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn, ok := typeutil.Callee(ke.f.info, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == pass.Pkg || ke.skip(call.Pos()) {
			continue
		}
		var f SignerFact
		if !pass.ImportObjectFact(fn, &f) {
			continue
		}
		s := &KeyEvent{IDs: f.KeyIDs, RecvIDs: f.RecvIDs, Kind: f.Kind, Aud: f.Aud, Iss: f.Iss, Key: f.Key, API: f.API, Sign: f.Sign}
		if f.KeyParam >= 0 {
			s.Params = []int{f.KeyParam}
		}
		out = append(out, ke.atCall(cur, s))
	}
	return out
}

// Uses returns the complete events as key uses.
func (ke *KeyEvents) Uses(pass *analysis.Pass, events []*KeyEvent) []KeyUse {
	var out []KeyUse
	for _, e := range events {
		if !e.Complete() {
			continue
		}
		kind := e.Kind
		switch {
		case kind != "":
		case e.Aud != "":
			kind = e.Aud
		default:
			kind = e.Iss
		}
		out = append(out, KeyUse{IDs: e.IDs, Kind: kind, Where: ke.f.PkgPosition(e.Pos), Key: e.Key, API: e.API, Sign: e.Sign, pos: e.Pos})
	}
	return out
}

// PackageUses are the key uses an import reports.
type PackageUses struct {
	Path string
	Pos  token.Pos // the import's spec, else the package clause
	Uses []KeyUse
}

// ImportedUses returns the key uses the package's imports report.
func ImportedUses(pass *analysis.Pass) []PackageUses {
	var out []PackageUses
	for _, imp := range pass.Pkg.Imports() {
		var f KeyUsesFact
		if pass.ImportPackageFact(imp, &f) && len(f.Uses) > 0 {
			out = append(out, PackageUses{Path: imp.Path(), Pos: importPos(pass, imp.Path()), Uses: f.Uses})
		}
	}
	return out
}

// importPos returns the position of the import of path in the package,
// else of its package clause.
func importPos(pass *analysis.Pass, path string) token.Pos {
	for _, f := range pass.Files {
		for _, imp := range f.Imports {
			if strings.Trim(imp.Path.Value, "\"`") == path {
				return imp.Pos()
			}
		}
	}
	if len(pass.Files) > 0 {
		return pass.Files[0].Name.Pos()
	}
	return token.NoPos
}

// maxUses bounds the uses a KeyUsesFact carries.
const maxUses = 256

// ExportUses exports the union of what other packages can share: this
// package's uses of keys named by something they can see, and the uses
// its imports report.
func (ke *KeyEvents) ExportUses(pass *analysis.Pass, own []KeyUse, deps []PackageUses) {
	var all []KeyUse
	for _, u := range own {
		if ids := ke.VisibleIDs(u.IDs); len(ids) > 0 {
			u.IDs = ids
			all = append(all, u)
		}
	}
	seen := map[string]bool{}
	for _, u := range all {
		seen[u.Where+"|"+u.Kind] = true
	}
	for _, d := range deps {
		for _, w := range d.Uses {
			k := w.Where + "|" + w.Kind
			if seen[k] || len(all) >= maxUses {
				continue
			}
			seen[k] = true
			all = append(all, w)
		}
	}
	if len(all) > 0 {
		sort.SliceStable(all, func(i, j int) bool { return all[i].Where < all[j].Where })
		pass.ExportPackageFact(&KeyUsesFact{Uses: all})
	}
}
