package keyflow

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
)

// KeyEvent is one use of a key for tokens: a signing call, a parse with a
// keyfunc, a middleware config, or a call of a function of the package
// (or, through the caller's facts, of an import) that does one of those.
// It says what the key is, by identity, and what the tokens are.
type KeyEvent struct {
	// IDs are what the key is: "fp:<fingerprint>" of a constant,
	// "env:<NAME>" of an environment variable, and the identities of the
	// variables, fields and calls it is read from.
	IDs []string
	// Params are the parameters of the enclosing function the key comes
	// from: the callers decide.
	Params []int
	// RecvIDs are the IDs that are fields of the receiver: each receiver
	// value may hold its own key.
	RecvIDs []string
	// Kind is the token kind (jwtapi.KindAccess, …); Aud and Iss are
	// "aud:<fingerprint>" and "iss:<fingerprint>" of a constant audience
	// or issuer of a signing event.
	Kind, Aud, Iss string
	Pos            token.Pos
	Fn             *types.Func // the enclosing declared function
	Key            string      // the key, named for messages
	API            string
	Sign           bool
}

// Complete reports whether the event names its key and has evidence of
// what it is for.
func (e *KeyEvent) Complete() bool {
	return len(e.IDs) > 0 && len(e.Params) == 0 && (e.Kind != "" || e.Aud != "" || e.Iss != "")
}

// KeyEvents finds the key events of a package and lifts them through the
// package's functions that sign or verify for their callers.
type KeyEvents struct {
	f     *Flow
	kinds *jwtapi.TokenKinds
	roots KeyRoots
	skip  func(token.Pos) bool
}

// maxLift is how many levels of wrapper functions events are lifted
// through.
const maxLift = 2

// KeyEvents returns the key-event finder of the package; skip tells the
// positions to leave out (test files).
func (f *Flow) KeyEvents(roots KeyRoots, skip func(token.Pos) bool) *KeyEvents {
	return &KeyEvents{f: f, kinds: f.ix.TokenKinds(), roots: roots, skip: skip}
}

// Events returns the events of the package's key sinks, parses and
// keyfuncs, with the given events at calls of other packages' functions,
// and those lifted to the calls of the package's functions that leave
// the key or the kind to their callers.
func (ke *KeyEvents) Events(sinks []*jwtapi.KeySink, imported []*KeyEvent) []*KeyEvent {
	events := ke.own(sinks)
	events = append(events, imported...)
	lifted := events
	for level := 0; level < maxLift; level++ {
		lifted = ke.lift(lifted)
		if len(lifted) == 0 {
			break
		}
		events = append(events, lifted...)
	}
	return events
}

func (ke *KeyEvents) own(sinks []*jwtapi.KeySink) []*KeyEvent {
	var out []*KeyEvent
	ins := ke.f.ix.Inspector()
	for _, s := range sinks {
		if s.Key == nil || (s.Call == nil && s.Lit == nil) || ke.skip(s.Key.Pos()) {
			continue
		}
		cur, ok := ins.Root().FindNode(jwtapi.SinkSite(s))
		if !ok {
			continue
		}
		e := ke.newEvent(s.Key, cur)
		if s.Call != nil {
			// At the key argument: the call may start lines earlier, at
			// the head of a jwt.NewWithClaims(…).SignedString(key) chain.
			e.Pos = s.Key.Pos()
		}
		e.Sign = s.Kind == jwtapi.SinkSign
		e.API = s.API
		ev := ke.kinds.SinkEvidenceAt(cur, s)
		e.Kind = ev.Kind
		if ev.Aud != "" {
			e.Aud = fmt.Sprintf("aud:%x", Fingerprint(ev.Aud))
		}
		if ev.Iss != "" {
			e.Iss = fmt.Sprintf("iss:%x", Fingerprint(ev.Iss))
		}
		out = append(out, e)
	}
	return append(out, ke.parseEvents()...)
}

// parseEvents makes an event for each parse whose keyfunc is known, and
// for keyfuncs no parse of this package uses.
func (ke *KeyEvents) parseEvents() []*KeyEvent {
	var out []*KeyEvent
	ix := ke.f.ix
	used := map[*jwtapi.Keyfunc]bool{}
	for _, p := range ix.KeyfuncParses() {
		if ke.skip(p.Call.Expr.Pos()) {
			continue
		}
		used[p.Keyfunc] = true
		cur, ok := ix.Inspector().Root().FindNode(p.Call.Expr)
		if !ok {
			continue
		}
		e := ke.keyfuncEvent(p.Keyfunc, cur)
		if e == nil {
			continue
		}
		if len(e.Params) > 0 && p.Binding != nil {
			// keyFuncFor(secret): the key is the argument.
			ke.bindParams(e, p.Binding)
		}
		e.API = ix.APIName(p.Call)
		e.Kind = ke.kinds.CallEvidenceAt(cur, p.Call).Kind
		out = append(out, e)
	}
	for _, kf := range ix.Keyfuncs {
		if used[kf] || ke.skip(kf.Node.Pos()) {
			continue
		}
		cur, ok := ix.Inspector().Root().FindNode(kf.Node)
		if !ok {
			continue
		}
		e := ke.keyfuncEvent(kf, cur)
		if e == nil {
			continue
		}
		e.API = kf.API
		e.Kind = ke.kinds.Keyfunc(kf)
		out = append(out, e)
	}
	return out
}

// newEvent describes the key expression k used at cur.
func (ke *KeyEvents) newEvent(k ast.Expr, cur inspector.Cursor) *KeyEvent {
	_, fn := jwtapi.EnclosingFunc(ke.f.info, cur)
	e := &KeyEvent{Pos: cur.Node().Pos(), Fn: fn}
	ke.identify(e, k)
	return e
}

// keyfuncEvent identifies the key a keyfunc returns: what all its
// returns have in common.
func (ke *KeyEvents) keyfuncEvent(kf *jwtapi.Keyfunc, at inspector.Cursor) *KeyEvent {
	var e *KeyEvent
	for _, r := range kf.Returns {
		if len(r.Results) != 2 {
			continue
		}
		if tv, ok := ke.f.info.Types[r.Results[0]]; ok && tv.IsNil() {
			continue
		}
		one := ke.newEvent(r.Results[0], at)
		if e == nil {
			e = one
			continue
		}
		e.IDs = intersect(e.IDs, one.IDs)
		if len(one.Params) > 0 || len(e.Params) > 0 {
			e.Params = appendUnique(e.Params, one.Params...)
		}
	}
	return e
}

// identify fills in what the key is.
func (ke *KeyEvents) identify(e *KeyEvent, k ast.Expr) {
	ids := map[string]bool{}
	roots := ke.roots.Roots(k)
	for _, r := range roots {
		if r.IsConcat() {
			// A concatenation is its own key: the origin of its first
			// part (an environment variable, a field) does not name it.
			e.Key = "concatenated at " + ke.f.Position(r.Pos)
			ke.identifyRoots(e, roots, ids)
			return
		}
	}
	o := ke.f.Origin(k)
	if o.Holder != nil && o.Kind != Param && ke.roots.ObjID(o.Holder) != "" {
		e.Key = ke.describeObj(o.Holder)
	}
	switch o.Kind {
	case Constant:
		if o.Const.FP != 0 {
			ids[fmt.Sprintf("fp:%x", o.Const.FP)] = true
		}
		if e.Key == "" {
			e.Key = ke.f.Describe(o)
		}
	case Env, Fallback:
		if o.Env != "" {
			ids["env:"+o.Env] = true
			if e.Key == "" {
				e.Key = "from environment variable " + o.Env
			}
		}
	}
	if o.Holder != nil {
		if id := ke.roots.ObjID(o.Holder); id != "" && o.Kind != Param {
			ids[id] = true
			if e.Key == "" {
				e.Key = ke.describeObj(o.Holder)
			}
		}
	}
	ke.identifyRoots(e, roots, ids)
}

// identifyRoots adds what the key is read from to its identities.
func (ke *KeyEvents) identifyRoots(e *KeyEvent, roots []Root, ids map[string]bool) {
	for _, r := range roots {
		switch {
		case r.Param >= 0:
			e.Params = appendUnique(e.Params, r.Param)
		case r.Weak:
		case r.Recv:
			e.RecvIDs = append(e.RecvIDs, r.ID)
			ids[r.ID] = true
			if e.Key == "" && r.Obj != nil {
				e.Key = ke.describeObj(r.Obj)
			}
		default:
			ids[r.ID] = true
			if e.Key == "" && r.Obj != nil {
				e.Key = ke.describeObj(r.Obj)
			}
		}
	}
	for id := range ids {
		e.IDs = append(e.IDs, id)
	}
	sort.Strings(e.IDs)
}

// describeObj names an object for messages: var jwtSecret, field
// JWTSecret, from secret().
func (ke *KeyEvents) describeObj(obj types.Object) string {
	here := ke.f.pass.Pkg
	qualified := func(obj types.Object) string {
		if obj.Pkg() != nil && obj.Pkg() != here {
			return obj.Pkg().Name() + "." + obj.Name()
		}
		return obj.Name()
	}
	switch o := obj.(type) {
	case *types.Func:
		return "from " + qualified(o) + "()"
	case *types.Var:
		if o.IsField() {
			return "field " + o.Name()
		}
		return "var " + qualified(o)
	case *types.Const:
		return "const " + qualified(o)
	}
	return obj.Name()
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
func (ke *KeyEvents) bindParams(e *KeyEvent, call *ast.CallExpr) {
	params := e.Params
	e.Params = nil
	for _, p := range params {
		if p >= len(call.Args) {
			e.IDs = nil
			return
		}
		var sub KeyEvent
		ke.identify(&sub, call.Args[p])
		e.IDs = append(e.IDs, sub.IDs...)
		e.Params = append(e.Params, sub.Params...)
		if e.Key == "" || strings.HasPrefix(e.Key, "var ") && sub.Key != "" {
			e.Key = sub.Key
		}
	}
}

// lift turns events in functions that leave the key or the kind to their
// callers into events at the calls of those functions in this package.
func (ke *KeyEvents) lift(events []*KeyEvent) []*KeyEvent {
	var out []*KeyEvent
	for _, e := range events {
		// An event whose kind is known and whose key is its own was
		// compared where it is; only keys and kinds left to the callers
		// are lifted.
		if e.Fn == nil || e.Fn.Pkg() != ke.f.pass.Pkg || (e.Kind != "" && len(e.Params) == 0) {
			continue
		}
		for _, call := range ke.callsOf(e.Fn) {
			if ke.skip(call.Pos()) {
				continue
			}
			if cur, ok := ke.f.ix.Inspector().Root().FindNode(call); ok {
				out = append(out, ke.atCall(cur, e))
			}
		}
	}
	return out
}

// atCall returns the event at a call (cur) of a function that signs or
// verifies for its callers, from what the callee's event says (its IDs,
// RecvIDs, Params, Kind, Aud, Iss, Key, API and Sign; the rest is
// ignored): the key is the one the call passes, the kind the one the call
// site says when the callee leaves it open.
func (ke *KeyEvents) atCall(cur inspector.Cursor, s *KeyEvent) *KeyEvent {
	call := cur.Node().(*ast.CallExpr)
	_, fn := jwtapi.EnclosingFunc(ke.f.info, cur)
	e := &KeyEvent{Pos: call.Pos(), Fn: fn, Kind: s.Kind, Aud: s.Aud, Iss: s.Iss, Key: s.Key, API: s.API, Sign: s.Sign}
	recv := map[string]bool{}
	for _, r := range s.RecvIDs {
		recv[r] = true
	}
	for _, id := range s.IDs {
		if !recv[id] {
			e.IDs = append(e.IDs, id)
		}
	}
	if len(s.RecvIDs) > 0 {
		// The key is a field of the receiver: it is the same key only for
		// the same receiver value.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			for _, r := range ke.receiverIDs(sel.X) {
				for _, id := range s.RecvIDs {
					e.IDs = append(e.IDs, id+"@"+r)
				}
			}
		}
	}
	keyArgs := map[int]bool{}
	for _, p := range s.Params {
		keyArgs[p] = true
		if p >= len(call.Args) {
			return &KeyEvent{}
		}
		var sub KeyEvent
		ke.identify(&sub, call.Args[p])
		e.IDs = append(e.IDs, sub.IDs...)
		e.Params = append(e.Params, sub.Params...)
		e.RecvIDs = append(e.RecvIDs, sub.RecvIDs...)
		if sub.Key != "" {
			e.Key = sub.Key
		}
	}
	if e.Kind == "" {
		e.Kind = ke.kinds.Caller(cur, keyArgs)
	}
	sort.Strings(e.IDs)
	return e
}

// callsOf returns the calls of fn in this package, from the flow's call
// index: those whose callee is fn itself (a method of an instantiated
// generic type is a function of its own).
func (ke *KeyEvents) callsOf(fn *types.Func) []*ast.CallExpr {
	var out []*ast.CallExpr
	for _, call := range ke.f.scanCalls().calls[fn.Origin()] {
		if typeutil.Callee(ke.f.info, call) == fn {
			out = append(out, call)
		}
	}
	return out
}

// receiverIDs identifies a receiver value: a local variable or parameter
// by itself (local:…, meaningful in this package only), anything else by
// what it is read from.
func (ke *KeyEvents) receiverIDs(x ast.Expr) []string {
	x = ast.Unparen(x)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	if st, ok := x.(*ast.StarExpr); ok {
		x = ast.Unparen(st.X)
	}
	if id, ok := x.(*ast.Ident); ok {
		if v, ok := ke.f.info.Uses[id].(*types.Var); ok && ke.roots.ObjID(v) == "" {
			return []string{fmt.Sprintf("local:%s@%d", v.Name(), v.Pos())}
		}
	}
	var out []string
	for _, r := range ke.roots.Roots(x) {
		if !r.Weak && r.Param < 0 {
			out = append(out, r.ID)
		}
	}
	return out
}

// VisibleIDs keeps the key identities another package can also reach:
// environment variables, constant values, config keys, and exported or
// imported objects.
func (ke *KeyEvents) VisibleIDs(ids []string) []string {
	var out []string
	for _, id := range ids {
		if strings.Contains(id, "local:") {
			continue
		}
		if strings.HasPrefix(id, "env:") || strings.HasPrefix(id, "fp:") || strings.HasPrefix(id, "cfgkey:") {
			out = append(out, id)
			continue
		}
		if ke.idExported(id) {
			out = append(out, id)
		}
	}
	return out
}

// idExported reports whether every object an id names is exported or
// belongs to another package.
func (ke *KeyEvents) idExported(id string) bool {
	pkg := ke.f.pass.Pkg
	for _, part := range strings.Split(strings.TrimPrefix(id, "call:"), "@") {
		path, rest, ok := strings.Cut(part, "#")
		if !ok {
			return false
		}
		if path != pkg.Path() {
			continue
		}
		// The object path's segments name objects; an unexported one
		// starts with a lower-case letter after its operator byte.
		name := rest
		if i := strings.IndexAny(name, ".("); i >= 0 {
			name = name[:i]
		}
		obj := pkg.Scope().Lookup(name)
		if obj == nil || !obj.Exported() {
			return false
		}
	}
	return true
}
