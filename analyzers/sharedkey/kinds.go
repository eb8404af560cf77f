package sharedkey

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// checkTokenKinds reports one key used for two kinds of token (access and
// refresh, …) or for two audiences or issuers, in this package or across
// packages through KeyUsesFact.
func (c *checker) checkTokenKinds() {
	ke := c.flow.KeyEvents(c, func(pos token.Pos) bool { return tests.Skip(c.pass.Fset, pos) })
	events := ke.Events(c.sinks, c.importedSignerEvents(ke))
	c.exportSigners(events)
	sort.SliceStable(events, func(i, j int) bool { return events[i].Pos < events[j].Pos })
	done := map[string]bool{}
	for i, e := range events {
		if !e.Complete() {
			continue
		}
		for _, prev := range events[:i] {
			if !prev.Complete() || prev.Pos == e.Pos {
				continue
			}
			id, ok := shared(prev.IDs, e.IDs)
			if !ok {
				continue
			}
			what, ok := conflict(prev.Kind, e.Kind, prev.Aud, e.Aud, prev.Iss, e.Iss, prev.Sign && e.Sign)
			if !ok || done[id+"|"+what] {
				continue
			}
			done[id+"|"+what] = true
			c.reportConflict(e.Pos, e.Key, what, use{kind: e.Kind, aud: e.Aud, iss: e.Iss, where: c.at(e.Pos), api: e.API}, use{kind: prev.Kind, aud: prev.Aud, iss: prev.Iss, where: c.at(prev.Pos), api: prev.API})
			break
		}
	}
	c.crossPackage(ke, events, done)
}

func shared(a, b []string) (string, bool) {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return x, true
			}
		}
	}
	return "", false
}

// conflict says what two uses of one key disagree on.
func conflict(k1, k2, aud1, aud2, iss1, iss2 string, bothSign bool) (string, bool) {
	if k1 != "" && k2 != "" && k1 != k2 {
		pair := []string{k1, k2}
		sort.Strings(pair)
		// OpenID providers sign ID and access tokens with the same
		// published key by design.
		if pair[0] == jwtapi.KindAccess && pair[1] == jwtapi.KindID {
			return "", false
		}
		return "kinds:" + strings.Join(pair, ","), true
	}
	if bothSign && aud1 != "" && aud2 != "" && aud1 != aud2 {
		return "audiences", true
	}
	if bothSign && iss1 != "" && iss2 != "" && iss1 != iss2 {
		return "issuers", true
	}
	return "", false
}

// use describes one side of a conflict for messages.
type use struct {
	kind, aud, iss, where, api string
}

func (u use) label() string {
	switch {
	case u.kind != "":
		return jwtapi.KindTokens(u.kind)
	case u.aud != "":
		return "tokens for one audience"
	case u.iss != "":
		return "tokens of one issuer"
	}
	return "tokens"
}

func (c *checker) reportConflict(pos token.Pos, key, what string, here, there use) {
	if key == "" {
		key = "one key"
	}
	switch what {
	case "audiences", "issuers":
		c.reportKey(what, pos, pos, "jwt key %s signs tokens for two %s, here with %s and at %s: a token meant for one is accepted by the other; give each %s its own secret",
			key, what, here.api, there.where, strings.TrimSuffix(what, "s"))
		return
	}
	c.reportKey(what, pos, pos, "jwt key %s is used for %s by %s and for %s at %s: one kind of token passes for the other; give each token kind its own secret",
		key, here.label(), here.api, there.label(), there.where)
}

// exportSigners exports a SignerFact for exported functions that sign
// for their callers.
func (c *checker) exportSigners(events []*keyflow.KeyEvent) {
	done := map[*types.Func]bool{}
	for _, e := range events {
		fn := e.Fn
		if fn == nil || fn.Pkg() != c.pass.Pkg || !fn.Exported() || done[fn] {
			continue
		}
		if e.Kind != "" && len(e.Params) == 0 {
			continue
		}
		if len(e.Params) > 1 || (len(e.Params) == 0 && len(e.IDs) == 0) {
			continue
		}
		done[fn] = true
		f := &SignerFact{KeyParam: -1, KeyIDs: e.IDs, Kind: e.Kind, Where: c.atPkg(e.Pos), Key: e.Key, API: e.API, Aud: e.Aud, Iss: e.Iss, Sign: e.Sign}
		if len(e.Params) == 1 {
			f.KeyParam = e.Params[0]
		}
		f.RecvIDs = e.RecvIDs
		c.pass.ExportObjectFact(fn, f)
	}
}

// importedSignerEvents makes events at calls of other packages' signing
// functions.
func (c *checker) importedSignerEvents(ke *keyflow.KeyEvents) []*keyflow.KeyEvent {
	var out []*keyflow.KeyEvent
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn, ok := typeutil.Callee(c.info, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || tests.Skip(c.pass.Fset, call.Pos()) {
			continue
		}
		var f SignerFact
		if !c.pass.ImportObjectFact(fn, &f) {
			continue
		}
		s := &keyflow.KeyEvent{IDs: f.KeyIDs, RecvIDs: f.RecvIDs, Kind: f.Kind, Aud: f.Aud, Iss: f.Iss, Key: f.Key, API: f.API, Sign: f.Sign}
		if f.KeyParam >= 0 {
			s.Params = []int{f.KeyParam}
		}
		if e := ke.AtCall(call, s); e != nil {
			out = append(out, e)
		}
	}
	return out
}

// --- across packages ---

// crossPackage compares this package's uses with those its imports
// report, and the imports' uses with each other, then exports the
// union.
func (c *checker) crossPackage(ke *keyflow.KeyEvents, events []*keyflow.KeyEvent, done map[string]bool) {
	var own []KeyUse
	for _, e := range events {
		if !e.Complete() {
			continue
		}
		u := KeyUse{IDs: e.IDs, Kind: useKind(e), Where: c.atPkg(e.Pos), Key: e.Key, API: e.API, Sign: e.Sign, pos: e.Pos}
		own = append(own, u)
	}
	type dep struct {
		path string
		uses []KeyUse
	}
	var deps []dep
	for _, imp := range c.pass.Pkg.Imports() {
		var f KeyUsesFact
		if c.pass.ImportPackageFact(imp, &f) && len(f.Uses) > 0 {
			deps = append(deps, dep{path: imp.Path(), uses: f.Uses})
		}
	}
	// This package against its imports.
	for _, u := range own {
		for _, d := range deps {
			for _, w := range d.uses {
				id, ok := shared(u.IDs, w.IDs)
				if !ok {
					continue
				}
				what, ok := useConflict(u, w)
				if !ok || done[id+"|"+what] {
					continue
				}
				done[id+"|"+what] = true
				c.reportConflict(u.pos, u.Key, what, u.asUse(), w.asUse())
			}
		}
	}
	// Imports against each other, when no single import saw both.
	for i, a := range deps {
		for _, b := range deps[i+1:] {
			for _, u := range a.uses {
				for _, w := range b.uses {
					id, ok := shared(u.IDs, w.IDs)
					if !ok {
						continue
					}
					what, ok := useConflict(u, w)
					if !ok || done[id+"|"+what] || knows(a.uses, id, what) || knows(b.uses, id, what) {
						continue
					}
					done[id+"|"+what] = true
					pos := c.importPos(b.path)
					key := w.Key
					if key == "" {
						key = u.Key
					}
					c.reportKey(id+"|"+what, pos, pos, "jwt key %s is used for %s by %s at %s and for %s at %s: one kind of token passes for the other; give each token kind its own secret",
						orOneKey(key), w.asUse().label(), w.API, w.Where, u.asUse().label(), u.Where)
				}
			}
		}
	}
	// Export the union of what other packages can share: keys named by
	// something they can see.
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
		for _, w := range d.uses {
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
		c.pass.ExportPackageFact(&KeyUsesFact{Uses: all})
	}
}

const maxUses = 256

func orOneKey(k string) string {
	if k == "" {
		return "one key"
	}
	return k
}

func useKind(e *keyflow.KeyEvent) string {
	switch {
	case e.Kind != "":
		return e.Kind
	case e.Aud != "":
		return e.Aud
	}
	return e.Iss
}

func (u KeyUse) asUse() use {
	x := use{where: u.Where, api: u.API}
	switch {
	case strings.HasPrefix(u.Kind, "aud:"):
		x.aud = u.Kind
	case strings.HasPrefix(u.Kind, "iss:"):
		x.iss = u.Kind
	default:
		x.kind = u.Kind
	}
	return x
}

func useConflict(u, w KeyUse) (string, bool) {
	a, b := u.asUse(), w.asUse()
	return conflict(a.kind, b.kind, a.aud, b.aud, a.iss, b.iss, u.Sign && w.Sign)
}

// knows reports whether one package's uses already hold a conflict of
// this kind for this key (so that package reported it).
func knows(uses []KeyUse, id, what string) bool {
	for i, u := range uses {
		if !contains(u.IDs, id) {
			continue
		}
		for _, w := range uses[i+1:] {
			if !contains(w.IDs, id) {
				continue
			}
			if x, ok := useConflict(u, w); ok && x == what {
				return true
			}
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// importPos returns the position of the import of path in this package.
func (c *checker) importPos(path string) token.Pos {
	for _, f := range c.pass.Files {
		for _, imp := range f.Imports {
			if strings.Trim(imp.Path.Value, "\"`") == path {
				return imp.Pos()
			}
		}
	}
	if len(c.pass.Files) > 0 {
		return c.pass.Files[0].Name.Pos()
	}
	return token.NoPos
}

// Roots and ObjID make the checker the keyflow.KeyRoots of its key events.
func (c *checker) Roots(e ast.Expr) []keyflow.RootRef {
	var out []keyflow.RootRef
	for _, r := range c.roots(e) {
		out = append(out, keyflow.RootRef{ID: r.id, Obj: r.obj, Param: r.param, Recv: r.recv, Weak: r.weak})
	}
	return out
}

func (c *checker) ObjID(obj types.Object) string { return c.objID(obj) }
