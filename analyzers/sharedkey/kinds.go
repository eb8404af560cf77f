package sharedkey

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// keyEvent is one use of a key for tokens of a kind: a signing call, a
// parse with a keyfunc, a middleware config, or a call of a function that
// does one of those.
type keyEvent struct {
	ids    []string // what the key is, by identity
	params []int    // parameters of the enclosing function the key comes from
	// recvIDs are the ids of receiver fields: each receiver value may
	// hold its own key.
	recvIDs []string
	kind    string
	aud     string // "aud:<fingerprint>" of a constant audience, when signing
	iss     string
	pos     token.Pos
	fn      *types.Func // enclosing declared function
	key     string      // the key, named for messages
	api     string
	sign    bool
}

const maxLift = 2

// checkTokenKinds reports one key used for two kinds of token (access and
// refresh, …) or for two audiences or issuers, in this package or across
// packages through KeyUsesFact.
func (c *checker) checkTokenKinds() {
	events := c.ownEvents()
	events = append(events, c.importedSignerEvents()...)
	lifted := events
	for level := 0; level < maxLift; level++ {
		lifted = c.lift(lifted)
		if len(lifted) == 0 {
			break
		}
		events = append(events, lifted...)
	}
	c.exportSigners(events)
	sort.SliceStable(events, func(i, j int) bool { return events[i].pos < events[j].pos })
	done := map[string]bool{}
	for i, e := range events {
		if !e.complete() {
			continue
		}
		for _, prev := range events[:i] {
			if !prev.complete() || prev.pos == e.pos {
				continue
			}
			id, ok := shared(prev.ids, e.ids)
			if !ok {
				continue
			}
			what, ok := conflict(prev.kind, e.kind, prev.aud, e.aud, prev.iss, e.iss, prev.sign && e.sign)
			if !ok || done[id+"|"+what] {
				continue
			}
			done[id+"|"+what] = true
			c.reportConflict(e.pos, e.key, what, use{kind: e.kind, aud: e.aud, iss: e.iss, where: c.at(e.pos), api: e.api}, use{kind: prev.kind, aud: prev.aud, iss: prev.iss, where: c.at(prev.pos), api: prev.api})
			break
		}
	}
	c.crossPackage(events, done)
}

// complete: the event names its key and has evidence of what it is for.
func (e *keyEvent) complete() bool {
	return len(e.ids) > 0 && len(e.params) == 0 && (e.kind != "" || e.aud != "" || e.iss != "")
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

// --- events of this package ---

func (c *checker) ownEvents() []*keyEvent {
	var out []*keyEvent
	for _, s := range c.sinks {
		if s.Key == nil || (s.Call == nil && s.Lit == nil) || diag_isTest(c, s.Key.Pos()) {
			continue
		}
		cur, ok := c.ins.Root().FindNode(jwtapi.SinkSite(s))
		if !ok {
			continue
		}
		e := c.newEvent(s.Key, cur)
		e.sign = s.Kind == jwtapi.SinkSign
		e.api = s.API
		c.setEvidence(e, c.kinds.SinkEvidence(s))
		out = append(out, e)
	}
	out = append(out, c.parseEvents()...)
	return out
}

// setEvidence records what an event says of its tokens, audience and
// issuer by fingerprint.
func (c *checker) setEvidence(e *keyEvent, ev jwtapi.TokenEvidence) {
	e.kind = ev.Kind
	if ev.Aud != "" {
		e.aud = fmt.Sprintf("aud:%x", keyflow.Fingerprint(ev.Aud))
	}
	if ev.Iss != "" {
		e.iss = fmt.Sprintf("iss:%x", keyflow.Fingerprint(ev.Iss))
	}
}

func diag_isTest(c *checker, pos token.Pos) bool {
	return tests.Skip(c.pass.Fset, pos)
}

// newEvent describes the key expression k used at cur.
func (c *checker) newEvent(k ast.Expr, cur inspector.Cursor) *keyEvent {
	e := &keyEvent{pos: cur.Node().Pos()}
	_, e.fn = c.enclosingFunc(cur)
	c.identify(e, k)
	return e
}

// identify fills in what the key is.
func (c *checker) identify(e *keyEvent, k ast.Expr) {
	ids := map[string]bool{}
	o := c.flow.Origin(k)
	if o.Holder != nil && o.Kind != keyflow.Param && c.objID(o.Holder) != "" {
		e.key = c.describeObj(o.Holder)
	}
	switch o.Kind {
	case keyflow.Constant:
		if o.Const.FP != 0 {
			ids[fmt.Sprintf("fp:%x", o.Const.FP)] = true
		}
		if e.key == "" {
			e.key = c.flow.Describe(o)
		}
	case keyflow.Env, keyflow.Fallback:
		if o.Env != "" {
			ids["env:"+o.Env] = true
			if e.key == "" {
				e.key = "from environment variable " + o.Env
			}
		}
	}
	if o.Holder != nil {
		if id := c.objID(o.Holder); id != "" && o.Kind != keyflow.Param {
			ids[id] = true
			if e.key == "" {
				e.key = c.describeObj(o.Holder)
			}
		}
	}
	for _, r := range c.roots(k) {
		switch {
		case r.param >= 0:
			e.params = appendUnique(e.params, r.param)
		case r.weak:
		case r.recv:
			e.recvIDs = append(e.recvIDs, r.id)
			ids[r.id] = true
			if e.key == "" && r.obj != nil {
				e.key = c.describeObj(r.obj)
			}
		default:
			ids[r.id] = true
			if e.key == "" && r.obj != nil {
				e.key = c.describeObj(r.obj)
			}
		}
	}
	for id := range ids {
		e.ids = append(e.ids, id)
	}
	sort.Strings(e.ids)
}

func appendUnique(xs []int, add ...int) []int {
next:
	for _, x := range add {
		for _, y := range xs {
			if y == x {
				continue next
			}
		}
		xs = append(xs, x)
	}
	return xs
}

// describeObj names an object for messages: var jwtSecret, field
// Config.JWTSecret, func secret().
func (c *checker) describeObj(obj types.Object) string {
	switch o := obj.(type) {
	case *types.Func:
		return "from " + qualified(c.pass.Pkg, o) + "()"
	case *types.Var:
		if o.IsField() {
			return "field " + o.Name()
		}
		return "var " + qualified(c.pass.Pkg, o)
	case *types.Const:
		return "const " + qualified(c.pass.Pkg, o)
	}
	return obj.Name()
}

func qualified(here *types.Package, obj types.Object) string {
	if obj.Pkg() != nil && obj.Pkg() != here {
		return obj.Pkg().Name() + "." + obj.Name()
	}
	return obj.Name()
}

// --- parsing ---

// parseEvents makes an event for each parse whose keyfunc is known, and
// for keyfuncs no parse of this package uses.
func (c *checker) parseEvents() []*keyEvent {
	var out []*keyEvent
	used := map[*jwtapi.Keyfunc]bool{}
	for _, p := range c.ix.KeyfuncParses() {
		if diag_isTest(c, p.Call.Expr.Pos()) {
			continue
		}
		used[p.Keyfunc] = true
		cur, ok := c.ins.Root().FindNode(p.Call.Expr)
		if !ok {
			continue
		}
		e := c.keyfuncEvent(p.Keyfunc, cur)
		if e == nil {
			continue
		}
		if len(e.params) > 0 && p.Binding != nil {
			// keyFuncFor(secret): the key is the argument.
			c.bindParams(e, p.Binding)
		}
		e.api = c.ix.APIName(p.Call)
		e.kind = c.kinds.Call(p.Call)
		out = append(out, e)
	}
	for _, kf := range c.ix.Keyfuncs {
		if used[kf] || diag_isTest(c, kf.Node.Pos()) {
			continue
		}
		cur, ok := c.ins.Root().FindNode(kf.Node)
		if !ok {
			continue
		}
		e := c.keyfuncEvent(kf, cur)
		if e == nil {
			continue
		}
		e.api = kf.API
		e.kind = c.kinds.Keyfunc(kf)
		out = append(out, e)
	}
	return out
}

// keyfuncEvent identifies the key a keyfunc returns: what all its
// returns have in common.
func (c *checker) keyfuncEvent(kf *jwtapi.Keyfunc, at inspector.Cursor) *keyEvent {
	var e *keyEvent
	for _, r := range kf.Returns {
		if len(r.Results) != 2 {
			continue
		}
		if tv, ok := c.info.Types[r.Results[0]]; ok && tv.IsNil() {
			continue
		}
		one := &keyEvent{pos: at.Node().Pos()}
		_, one.fn = c.enclosingFunc(at)
		c.identify(one, r.Results[0])
		if e == nil {
			e = one
			continue
		}
		e.ids = intersect(e.ids, one.ids)
		if len(one.params) > 0 || len(e.params) > 0 {
			e.params = appendUnique(e.params, one.params...)
		}
	}
	return e
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

// bindParams replaces an event's parameters by what a call passes.
func (c *checker) bindParams(e *keyEvent, call *ast.CallExpr) {
	params := e.params
	e.params = nil
	for _, p := range params {
		if p >= len(call.Args) {
			e.ids = nil
			return
		}
		var sub keyEvent
		c.identify(&sub, call.Args[p])
		e.ids = append(e.ids, sub.ids...)
		e.params = append(e.params, sub.params...)
		if e.key == "" || strings.HasPrefix(e.key, "var ") && sub.key != "" {
			e.key = sub.key
		}
	}
}

// --- wrappers: functions that sign for their callers ---

// lift turns events in functions that leave the key or the kind to their
// callers into events at the calls of those functions in this package.
func (c *checker) lift(events []*keyEvent) []*keyEvent {
	var out []*keyEvent
	for _, e := range events {
		// An event whose kind is known and whose key is its own was
		// compared where it is; only keys and kinds left to the callers
		// are lifted.
		if e.fn == nil || e.fn.Pkg() != c.pass.Pkg || (e.kind != "" && len(e.params) == 0) {
			continue
		}
		for _, call := range c.callsOf(e.fn) {
			if diag_isTest(c, call.Pos()) {
				continue
			}
			cur, ok := c.ins.Root().FindNode(call)
			if !ok {
				continue
			}
			out = append(out, c.liftedEvent(cur, call, e.fn, eventShape{
				ids: e.ids, params: e.params, recvIDs: e.recvIDs, kind: e.kind,
				aud: e.aud, iss: e.iss, key: e.key, api: e.api, sign: e.sign,
			}))
		}
	}
	return out
}

// eventShape is what a signing function tells its callers.
type eventShape struct {
	ids, recvIDs []string
	params       []int
	kind         string
	aud, iss     string
	key, api     string
	sign         bool
}

func (c *checker) liftedEvent(cur inspector.Cursor, call *ast.CallExpr, callee *types.Func, s eventShape) *keyEvent {
	e := &keyEvent{pos: call.Pos(), kind: s.kind, aud: s.aud, iss: s.iss, key: s.key, api: s.api, sign: s.sign}
	_, e.fn = c.enclosingFunc(cur)
	recv := map[string]bool{}
	for _, r := range s.recvIDs {
		recv[r] = true
	}
	for _, id := range s.ids {
		if !recv[id] {
			e.ids = append(e.ids, id)
		}
	}
	if len(s.recvIDs) > 0 {
		// The key is a field of the receiver: it is the same key only for
		// the same receiver value.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			for _, r := range c.receiverIDs(sel.X) {
				for _, id := range s.recvIDs {
					e.ids = append(e.ids, id+"@"+r)
				}
			}
		}
	}
	keyArgs := map[int]bool{}
	for _, p := range s.params {
		keyArgs[p] = true
		if p >= len(call.Args) {
			return &keyEvent{}
		}
		var sub keyEvent
		c.identify(&sub, call.Args[p])
		e.ids = append(e.ids, sub.ids...)
		e.params = append(e.params, sub.params...)
		e.recvIDs = append(e.recvIDs, sub.recvIDs...)
		if sub.key != "" {
			e.key = sub.key
		}
	}
	if e.kind == "" {
		e.kind = c.kinds.Caller(call, keyArgs)
	}
	sort.Strings(e.ids)
	_ = callee
	return e
}

// callsOf returns the calls of fn in this package.
func (c *checker) callsOf(fn *types.Func) []*ast.CallExpr {
	if c.calls == nil {
		c.calls = make(map[*types.Func][]*ast.CallExpr)
		for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if f, ok := typeutil.Callee(c.info, call).(*types.Func); ok && f.Pkg() == c.pass.Pkg {
				c.calls[f] = append(c.calls[f], call)
			}
		}
	}
	return c.calls[fn]
}

// exportSigners exports a SignerFact for exported functions that sign
// for their callers.
func (c *checker) exportSigners(events []*keyEvent) {
	done := map[*types.Func]bool{}
	for _, e := range events {
		fn := e.fn
		if fn == nil || fn.Pkg() != c.pass.Pkg || !fn.Exported() || done[fn] {
			continue
		}
		if e.kind != "" && len(e.params) == 0 {
			continue
		}
		if len(e.params) > 1 || (len(e.params) == 0 && len(e.ids) == 0) {
			continue
		}
		done[fn] = true
		f := &SignerFact{KeyParam: -1, KeyIDs: e.ids, Kind: e.kind, Where: c.atPkg(e.pos), Key: e.key, API: e.api, Aud: e.aud, Iss: e.iss, Sign: e.sign}
		if len(e.params) == 1 {
			f.KeyParam = e.params[0]
		}
		f.RecvIDs = e.recvIDs
		c.pass.ExportObjectFact(fn, f)
	}
}

// importedSignerEvents makes events at calls of other packages' signing
// functions.
func (c *checker) importedSignerEvents() []*keyEvent {
	var out []*keyEvent
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn, ok := typeutil.Callee(c.info, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || diag_isTest(c, call.Pos()) {
			continue
		}
		var f SignerFact
		if !c.pass.ImportObjectFact(fn, &f) {
			continue
		}
		s := eventShape{ids: f.KeyIDs, recvIDs: f.RecvIDs, kind: f.Kind, aud: f.Aud, iss: f.Iss, key: f.Key, api: f.API, sign: f.Sign}
		if f.KeyParam >= 0 {
			s.params = []int{f.KeyParam}
		}
		out = append(out, c.liftedEvent(cur, call, fn, s))
	}
	return out
}

// --- across packages ---

// crossPackage compares this package's uses with those its imports
// report, and the imports' uses with each other, then exports the
// union.
func (c *checker) crossPackage(events []*keyEvent, done map[string]bool) {
	var own []KeyUse
	for _, e := range events {
		if !e.complete() {
			continue
		}
		u := KeyUse{IDs: e.ids, Kind: e.useKind(), Where: c.atPkg(e.pos), Key: e.key, API: e.api, Sign: e.sign, pos: e.pos}
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
		if ids := c.visibleIDs(u.IDs); len(ids) > 0 {
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

func (e *keyEvent) useKind() string {
	switch {
	case e.kind != "":
		return e.kind
	case e.aud != "":
		return e.aud
	}
	return e.iss
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

// receiverIDs identifies a receiver value: a local variable or parameter
// by itself (local:…, meaningful in this package only), anything else by
// what it is read from.
func (c *checker) receiverIDs(x ast.Expr) []string {
	x = ast.Unparen(x)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	if st, ok := x.(*ast.StarExpr); ok {
		x = ast.Unparen(st.X)
	}
	if id, ok := x.(*ast.Ident); ok {
		if v, ok := c.info.Uses[id].(*types.Var); ok && c.objID(v) == "" {
			return []string{fmt.Sprintf("local:%s@%d", v.Name(), v.Pos())}
		}
	}
	var out []string
	for _, r := range c.roots(x) {
		if !r.weak && r.param < 0 {
			out = append(out, r.id)
		}
	}
	return out
}

// visibleIDs keeps the key identities another package can also reach:
// environment variables, constant values, config keys, and exported or
// imported objects.
func (c *checker) visibleIDs(ids []string) []string {
	var out []string
	for _, id := range ids {
		if strings.Contains(id, "local:") {
			continue
		}
		if strings.HasPrefix(id, "env:") || strings.HasPrefix(id, "fp:") || strings.HasPrefix(id, "cfgkey:") {
			out = append(out, id)
			continue
		}
		if c.idExported(id) {
			out = append(out, id)
		}
	}
	return out
}

// idExported reports whether every object an id names is exported or
// belongs to another package.
func (c *checker) idExported(id string) bool {
	for _, part := range strings.Split(strings.TrimPrefix(id, "call:"), "@") {
		path, rest, ok := strings.Cut(part, "#")
		if !ok {
			return false
		}
		if path != c.pass.Pkg.Path() {
			continue
		}
		// The object path's segments name objects; an unexported one
		// starts with a lower-case letter after its operator byte.
		name := rest
		if i := strings.IndexAny(name, ".("); i >= 0 {
			name = name[:i]
		}
		obj := c.pass.Pkg.Scope().Lookup(name)
		if obj == nil || !obj.Exported() {
			return false
		}
	}
	return true
}
