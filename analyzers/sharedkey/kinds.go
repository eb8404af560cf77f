package sharedkey

import (
	"go/token"
	"slices"
	"sort"
	"strings"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// checkTokenKinds reports one key used for two kinds of token (access and
// refresh, …) or for two audiences or issuers, in this package or across
// packages through keyflow.KeyUsesFact.
func (c *checker) checkTokenKinds() {
	ke := c.flow.KeyEvents(c.prov, func(pos token.Pos) bool { return tests.Skip(c.pass.Fset, pos) })
	events := ke.Events(c.sinks, ke.ImportedSigners(c.pass))
	ke.ExportSigners(c.pass, events)
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

// --- across packages ---

// crossPackage compares this package's uses with those its imports
// report, and the imports' uses with each other, then exports the
// union.
func (c *checker) crossPackage(ke *keyflow.KeyEvents, events []*keyflow.KeyEvent, done map[string]bool) {
	own := ke.Uses(c.pass, events)
	deps := keyflow.ImportedUses(c.pass)
	// This package against its imports.
	for _, u := range own {
		for _, d := range deps {
			for _, w := range d.Uses {
				id, ok := shared(u.IDs, w.IDs)
				if !ok {
					continue
				}
				what, ok := useConflict(u, w)
				if !ok || done[id+"|"+what] {
					continue
				}
				done[id+"|"+what] = true
				c.reportConflict(u.At(), u.Key, what, asUse(u), asUse(w))
			}
		}
	}
	// Imports against each other, when no single import saw both.
	for i, a := range deps {
		for _, b := range deps[i+1:] {
			for _, u := range a.Uses {
				for _, w := range b.Uses {
					id, ok := shared(u.IDs, w.IDs)
					if !ok {
						continue
					}
					what, ok := useConflict(u, w)
					if !ok || done[id+"|"+what] || knows(a.Uses, id, what) || knows(b.Uses, id, what) {
						continue
					}
					done[id+"|"+what] = true
					pos := b.Pos
					key := w.Key
					if key == "" {
						key = u.Key
					}
					c.reportKey(id+"|"+what, pos, pos, "jwt key %s is used for %s by %s at %s and for %s at %s: one kind of token passes for the other; give each token kind its own secret",
						orOneKey(key), asUse(w).label(), w.API, w.Where, asUse(u).label(), u.Where)
				}
			}
		}
	}
	ke.ExportUses(c.pass, own, deps)
}

func orOneKey(k string) string {
	if k == "" {
		return "one key"
	}
	return k
}

func asUse(u keyflow.KeyUse) use {
	kind, aud, iss := u.Evidence()
	return use{kind: kind, aud: aud, iss: iss, where: u.Where, api: u.API}
}

func useConflict(u, w keyflow.KeyUse) (string, bool) {
	a, b := asUse(u), asUse(w)
	return conflict(a.kind, b.kind, a.aud, b.aud, a.iss, b.iss, u.Sign && w.Sign)
}

// knows reports whether one package's uses already hold a conflict of
// this kind for this key (so that package reported it).
func knows(uses []keyflow.KeyUse, id, what string) bool {
	for i, u := range uses {
		if !slices.Contains(u.IDs, id) {
			continue
		}
		for _, w := range uses[i+1:] {
			if !slices.Contains(w.IDs, id) {
				continue
			}
			if x, ok := useConflict(u, w); ok && x == what {
				return true
			}
		}
	}
	return false
}
