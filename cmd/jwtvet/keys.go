package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// The key inventory (jwtvet keys) is a view over what the rules already
// compute: the key sinks of jwtapi's index, keyflow's provenance of each
// key, sharedkey's token kinds. Its analyzer reads them on every package
// and hands the key uses to the command, which joins them by identity
// across the program.

// keyUse is one place a key reaches a JWT library.
type keyUse struct {
	id     string // the key's identity: equal ids are one key
	origin string // where the key comes from, for people; never its value
	source string // the origin's class: env, fallback, literal, generated, public, secret, runtime, parameter, unknown
	alg    string
	use    string // "sign", "verify", or "config" for a config literal whose use is not known
	posn   token.Position
	api    string
	kind   string        // token kind: access, refresh, ID, …; "" when unknown
	ttl    time.Duration // lifetime of minted tokens when constant, else 0
	// rotation is how a verification picks its key: "kid" (selects by
	// the token's key ID), "set" (accepts a key set), "" (one key).
	rotation string
	// keyfunc is the declared keyfunc whose return this is, so that
	// parse calls passing it (in any package) join this key.
	keyfunc string
	test    bool
}

// keyfuncRef is a parse call that passes a declared keyfunc by name.
type keyfuncRef struct {
	keyfunc string
	posn    token.Position
	alg     string // the parse call's algorithm allow-list, comma-separated
	api     string
	kind    string
	test    bool
}

// originRec is what one expression says a key is.
type originRec struct {
	id, origin, source string
}

// keyCollector gathers the uses of every package analyzed, and what the
// command needs to join keys across packages: the values each package
// writes into key fields, and the arguments callers pass to the key
// parameters of functions that use keys (a constructor storing its key
// in a field, a signing helper). Packages are analyzed dependencies
// first, so a function's package names the parameters it needs before
// its callers are analyzed.
type keyCollector struct {
	mu     sync.Mutex
	uses   map[*types.Package][]*keyUse
	refs   map[*types.Package][]*keyfuncRef
	fields map[string][]originRec // field id -> what is written to it
	args   map[string][]originRec // "param:FUNC#i" -> what callers pass
	needed map[string]bool        // parameters whose arguments are wanted
}

func newKeyCollector() *keyCollector {
	return &keyCollector{
		uses:   make(map[*types.Package][]*keyUse),
		refs:   make(map[*types.Package][]*keyfuncRef),
		fields: make(map[string][]originRec),
		args:   make(map[string][]originRec),
		needed: make(map[string]bool),
	}
}

// analyzer returns the analyzer that records key uses into c.
func (col *keyCollector) analyzer() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:             "keys",
		Doc:              "list the JWT keys of a package, for jwtvet keys",
		Requires:         []*analysis.Analyzer{jwtapi.Analyzer, keyflow.Analyzer},
		Run:              col.run,
		RunDespiteErrors: true,
	}
}

func (col *keyCollector) run(pass *analysis.Pass) (any, error) {
	ix, _ := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
	flow, _ := pass.ResultOf[keyflow.Analyzer].(*keyflow.Flow)
	if ix == nil || flow == nil || ix.Skipped || pass.TypesInfo == nil {
		return nil, nil
	}
	k := &keyReader{pass: pass, ix: ix, flow: flow, kinds: ix.TokenKinds()}
	var uses []*keyUse
	for _, s := range ix.KeySinks() {
		if u := k.use(s); u != nil {
			uses = append(uses, u)
		}
	}
	refs := k.keyfuncRefs()
	fields := k.fieldWrites()
	col.mu.Lock()
	col.uses[pass.Pkg] = uses
	col.refs[pass.Pkg] = refs
	for _, u := range uses {
		if strings.HasPrefix(u.id, "param:") {
			col.needed[u.id] = true
		}
	}
	for id, recs := range fields {
		col.fields[id] = append(col.fields[id], recs...)
		for _, r := range recs {
			if strings.HasPrefix(r.id, "param:") {
				col.needed[r.id] = true
			}
		}
	}
	needed := make(map[string]bool, len(col.needed))
	for p := range col.needed {
		needed[p] = true
	}
	col.mu.Unlock()

	args := k.callArgs(needed)
	col.mu.Lock()
	for p, recs := range args {
		col.args[p] = append(col.args[p], recs...)
	}
	col.mu.Unlock()
	return nil, nil
}

// rec identifies one key expression.
func (k *keyReader) rec(e ast.Expr) originRec {
	u := &keyUse{}
	k.identify(u, e)
	return originRec{u.id, u.origin, u.source}
}

// fieldWrites records what this package writes into struct fields that
// can hold a key.
func (k *keyReader) fieldWrites() map[string][]originRec {
	out := make(map[string][]originRec)
	for _, f := range k.ix.Defs.Fields() {
		if !keyHolder(f.Type()) {
			continue
		}
		defs, ok := k.ix.Defs.Of(f)
		if !ok {
			continue
		}
		var values []ast.Expr
		for _, d := range defs {
			if d.Expr == nil || d.Index >= 0 {
				values = nil
				break
			}
			values = append(values, d.Expr)
		}
		if len(values) < len(defs) {
			continue
		}
		values = append(values, k.ix.Defs.LitValues(f)...)
		id := objID(f)
		for _, v := range values {
			out[id] = append(out[id], k.rec(v))
		}
	}
	return out
}

// keyHolder reports whether a value of type t can hold key material.
func keyHolder(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	case *types.Interface, *types.Map:
		// any, a crypto.Signer, a map of keys by kid or issuer.
		return true
	case *types.Pointer:
		if n, ok := types.Unalias(u.Elem()).(*types.Named); ok && n.Obj().Pkg() != nil {
			return strings.HasPrefix(n.Obj().Pkg().Path(), "crypto/")
		}
	}
	return false
}

// callArgs records the arguments this package passes to the needed key
// parameters.
func (k *keyReader) callArgs(needed map[string]bool) map[string][]originRec {
	out := make(map[string][]originRec)
	if len(needed) == 0 {
		return out
	}
	for _, file := range k.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, _ := typeutil.Callee(k.pass.TypesInfo, call).(*types.Func)
			if fn == nil {
				return true
			}
			for i, a := range call.Args {
				p := paramID(fn, i)
				if needed[p] {
					out[p] = append(out[p], k.rec(a))
				}
			}
			return true
		})
	}
	return out
}

func paramID(fn *types.Func, i int) string {
	return fmt.Sprintf("param:%s#%d", fn.Origin().FullName(), i)
}

type keyReader struct {
	pass  *analysis.Pass
	ix    *jwtapi.Index
	flow  *keyflow.Flow
	kinds *jwtapi.TokenKinds
	// exp reads claims and mints, and mints holds its mints by call;
	// both are made on first use.
	exp   *jwtapi.ExpiryReader
	mints map[*ast.CallExpr]*jwtapi.Mint
}

func (k *keyReader) expiry() *jwtapi.ExpiryReader {
	if k.exp == nil {
		k.exp = k.ix.NewExpiryReader(k.pass)
		k.mints = make(map[*ast.CallExpr]*jwtapi.Mint)
		for _, m := range k.exp.Mints() {
			k.mints[m.Call.Expr] = m
		}
	}
	return k.exp
}

func (k *keyReader) use(s *jwtapi.KeySink) *keyUse {
	if s.Key == nil {
		return nil
	}
	u := &keyUse{
		alg:  s.Alg,
		use:  "verify",
		posn: k.pass.Fset.Position(s.Key.Pos()),
		api:  s.API,
		kind: jwtapi.KindLabel(k.kinds.Sink(s)),
	}
	u.test = strings.HasSuffix(u.posn.Filename, "_test.go")
	switch s.Kind {
	case jwtapi.SinkSign:
		u.use = "sign"
	case jwtapi.SinkConfig:
		u.use = k.litUse(s.Lit)
	}
	k.identify(u, s.Key)
	switch {
	case s.Call != nil:
		u.posn = k.pass.Fset.Position(s.Call.Expr.Pos())
		if u.use == "sign" {
			u.ttl = k.lifetime(s.Call)
		}
	case s.Keyfunc != nil:
		if s.Keyfunc.Obj != nil {
			u.keyfunc = funcID(s.Keyfunc.Obj)
		}
		if u.alg == "" {
			// A keyfunc literal written in its parse call: the call's
			// allow-list names the algorithms.
			for _, kc := range k.ix.KeyfuncCalls() {
				if ast.Unparen(kc.Keyfunc) == s.Keyfunc.Node {
					u.alg = k.allowedAlgs(kc.Call)
				}
			}
		}
	}
	if u.alg == "" && s.Call != nil && u.use == "verify" {
		u.alg = k.allowedAlgs(s.Call)
	}
	if u.use != "sign" {
		u.rotation = k.rotation(s.Key, 0)
	}
	return u
}

// litUse says what a config literal's key is used for: what the modelled
// call the literal is passed to makes of it (jose.NewSigner signs, a
// middleware verifies), else "config".
func (k *keyReader) litUse(l *jwtapi.Lit) string {
	if l == nil {
		return "config"
	}
	p := k.ix.ParentSkipParens(l.Expr)
	if u, ok := p.(*ast.UnaryExpr); ok && u.Op == token.AND {
		p = k.ix.ParentSkipParens(u)
	}
	if call, ok := p.(*ast.CallExpr); ok {
		if c := k.ix.CallOf(call); c != nil {
			switch k.ix.KeyUse(c) {
			case jwtapi.SinkSign:
				return "sign"
			case jwtapi.SinkVerify:
				return "verify"
			}
		}
	}
	return "config"
}

// identify fills in the key's identity and origin from keyflow's answer,
// or, where keyflow cannot see the value, from what the expression names.
func (k *keyReader) identify(u *keyUse, key ast.Expr) {
	if tv, ok := k.pass.TypesInfo.Types[key]; ok && tv.IsNil() {
		u.id, u.source, u.origin = "nil", "none", "no key (nil): unsigned tokens"
		return
	}
	o := k.flow.Origin(key)
	if obj := k.noneKey(key); obj != nil {
		u.id = objID(obj)
		u.source = "none"
		u.origin = k.describeObj(obj) + ": the library's marker that accepts unsigned tokens (alg none)"
		return
	}
	switch o.Kind {
	case keyflow.Env, keyflow.Fallback:
		if o.Env != "" {
			u.id = "env:" + o.Env
			u.origin = "environment variable " + o.Env
			u.source = "env"
			if o.Kind == keyflow.Fallback {
				u.source = "fallback"
				u.origin += ", with a constant fallback (" + k.where(o) + ")"
			}
			return
		}
		if o.Kind == keyflow.Env {
			// A flag, or an environment variable whose name is not a
			// constant.
			u.source = "env"
			u.origin = "a command-line flag or environment value"
		}
	case keyflow.Constant:
		u.source = "literal"
		switch {
		case o.Holder != nil:
			u.id = objID(o.Holder)
			u.origin = "literal in " + k.describeObj(o.Holder)
		case o.Pos.IsValid():
			u.id = "lit:" + k.at(o.Pos)
			u.origin = "literal at " + k.at(o.Pos)
		default:
			u.id = "lit:" + o.Const.Where
			u.origin = "literal: " + o.Const.Where
		}
		if o.Const.Len >= 0 {
			u.origin += fmt.Sprintf(" (%d bytes)", o.Const.Len)
		}
		return
	case keyflow.RSAKey:
		u.source = "generated"
		u.origin = "rsa.GenerateKey at run time"
		if o.Size > 0 {
			u.origin += fmt.Sprintf(" (%d bits)", o.Size)
		}
	case keyflow.Random, keyflow.Predictable:
		u.source = "generated"
		src := "crypto/rand"
		if o.Kind == keyflow.Predictable {
			src = "math/rand"
		}
		u.origin = "random bytes from " + src + " at run time"
		if o.Size > 0 {
			u.origin += fmt.Sprintf(" (%d bytes)", o.Size)
		}
	case keyflow.Public:
		u.source = "public"
		u.origin = "public key"
	case keyflow.Secret:
		u.source = "secret"
		u.origin = "a secret manager's response"
	case keyflow.File:
		u.source = "file"
		switch {
		case o.File != "":
			u.id = "file:" + o.File
			u.origin = "file " + o.File
			return
		case o.FileEnv != "":
			u.id = "file-env:" + o.FileEnv
			u.origin = "the file named by environment variable " + o.FileEnv
			return
		}
		u.origin = "a file read at run time"
	}
	id, name := k.exprIdentity(key, 0)
	if o.Holder != nil && o.Kind != keyflow.Param {
		id, name = objID(o.Holder), k.describeObj(o.Holder)
	}
	u.id = id
	switch {
	case u.origin == "":
		u.source = "runtime"
		if o.Kind == keyflow.Param {
			u.source = "parameter"
		}
		u.origin = name
	case name != "":
		u.origin += ", held in " + name
	}
}

// noneKey returns the library's none-key marker (golang-jwt's
// UnsafeAllowNoneSignatureType) when key is it, or nil.
func (k *keyReader) noneKey(key ast.Expr) types.Object {
	if !k.ix.IsNoneKey(key) {
		return nil
	}
	switch x := ast.Unparen(jwtapi.StripConversions(k.pass.TypesInfo, key)).(type) {
	case *ast.Ident:
		return k.pass.TypesInfo.Uses[x]
	case *ast.SelectorExpr:
		return k.pass.TypesInfo.Uses[x.Sel]
	}
	return nil
}

func (k *keyReader) where(o keyflow.Origin) string {
	if o.Pos.IsValid() {
		return k.at(o.Pos)
	}
	if o.Holder != nil {
		return k.describeObj(o.Holder)
	}
	return o.Const.Where
}

// exprIdentity names what a key expression reads when its value is not
// known: a variable, a field, a getter's result.
func (k *keyReader) exprIdentity(e ast.Expr, depth int) (id, name string) {
	info := k.pass.TypesInfo
	e = ast.Unparen(e)
	if depth < 12 {
		switch x := e.(type) {
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				return k.exprIdentity(x.X, depth+1)
			}
		case *ast.StarExpr:
			return k.exprIdentity(x.X, depth+1)
		case *ast.SliceExpr:
			return k.exprIdentity(x.X, depth+1)
		case *ast.CallExpr:
			if arg := jwtapi.ConversionOf(info, x); arg != nil {
				return k.exprIdentity(arg, depth+1)
			}
			callee := typeutil.Callee(info, x)
			if v, ok := callee.(*types.Var); ok {
				// A function value: a package variable or field.
				return objID(v) + "()", "result of " + k.describeObj(v) + k.envArgs(x)
			}
			fn, _ := callee.(*types.Func)
			if fn == nil {
				if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && info.Uses[id] == types.Universe.Lookup("make") {
					at := k.at(x.Pos())
					return "make:" + at, "a buffer made at " + at + " and filled at run time"
				}
				break
			}
			if m := k.ix.KeyMaterialOf(x); m != nil {
				// A decoded or wrapped key is the key its material is.
				return k.exprIdentity(m, depth+1)
			}
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && k.isLibraryObj(fn) && info.Selections[sel] != nil {
				// A library method picking a key out of a set
				// (set.Key(kid)): the key is the set's.
				return k.exprIdentity(sel.X, depth+1)
			}
			return funcID(fn), "result of " + k.describeObj(fn) + k.envArgs(x)
		case *ast.Ident:
			if v, ok := info.Uses[x].(*types.Var); ok {
				if v.Parent() != nil && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() {
					if k.ix.Defs.IsParam(v) {
						return k.paramIdentity(v)
					}
					// A local variable: one definition is followed to
					// what it reads (also v, ok := m[k]).
					if defs, ok := k.ix.Defs.Of(v); ok && len(defs) == 1 && defs[0].Expr != nil && defs[0].Index <= 0 {
						// v := f(), v, err := f(), v, ok := m[k].
						return k.exprIdentity(defs[0].Expr, depth+1)
					}
				}
				return objID(v), k.describeObj(v)
			}
			if c, ok := info.Uses[x].(*types.Const); ok {
				return objID(c), k.describeObj(c)
			}
		case *ast.TypeAssertExpr:
			return k.exprIdentity(x.X, depth+1)
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[x]; ok {
				switch sel.Kind() {
				case types.FieldVal:
					if k.isLibraryObj(sel.Obj()) {
						// jwk.Key.Key, jose.JSONWebKey.Key: the key is
						// the value it is read from.
						return k.exprIdentity(x.X, depth+1)
					}
					return objID(sel.Obj()), k.describeField(sel)
				case types.MethodVal:
					return funcID(sel.Obj().(*types.Func)), k.describeObj(sel.Obj())
				}
			} else if obj := info.Uses[x.Sel]; obj != nil {
				return objID(obj), k.describeObj(obj)
			}
		case *ast.IndexExpr:
			id, name := k.exprIdentity(x.X, depth+1)
			if strings.HasPrefix(name, "an element of ") {
				// A map of key sets, a set's keys: one collection.
				return id, name
			}
			return id + "[]", "an element of " + name
		}
	}
	at := k.at(e.Pos())
	return "expr:" + at, "the expression at " + at
}

// envArgs names the environment variables a call's arguments read: the
// file path or secret name a loader is given.
func (k *keyReader) envArgs(call *ast.CallExpr) string {
	var names []string
	for _, a := range call.Args {
		if o := k.flow.Origin(a); (o.Kind == keyflow.Env || o.Kind == keyflow.Fallback) && o.Env != "" {
			names = append(names, o.Env)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return " given environment variable " + strings.Join(names, ", ")
}

// objID identifies an object across packages: its package path and name,
// with the receiver or struct for methods and fields.
func objID(obj types.Object) string {
	if fn, ok := obj.(*types.Func); ok {
		return funcID(fn)
	}
	path := ""
	if obj.Pkg() != nil {
		path = obj.Pkg().Path()
	}
	if v, ok := obj.(*types.Var); ok && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() {
		// Fields and locals have no path of their own; their declaration
		// does.
		return fmt.Sprintf("%s.%s@%d", path, obj.Name(), obj.Pos())
	}
	return path + "." + obj.Name()
}

func funcID(fn *types.Func) string {
	return "func:" + fn.Origin().FullName()
}

// isLibraryObj reports whether obj belongs to a modelled JWT library.
func (k *keyReader) isLibraryObj(obj types.Object) bool {
	return obj.Pkg() != nil && k.ix.Model.IsLibrary(obj.Pkg().Path())
}

// paramIdentity names a parameter by its function and position, so that
// the command can join it with the arguments of the function's callers.
func (k *keyReader) paramIdentity(v *types.Var) (string, string) {
	for fn, decl := range k.ix.Funcs {
		if decl.Type.Pos() <= v.Pos() && v.Pos() < decl.Type.End() {
			name := "parameter " + v.Name() + " of " + k.describeObj(fn)
			if sig, ok := fn.Type().(*types.Signature); ok && !sig.Variadic() {
				for i := 0; i < sig.Params().Len(); i++ {
					if sig.Params().At(i) == v {
						return paramID(fn, i), name
					}
				}
			}
			return objID(v), name
		}
	}
	return objID(v), "parameter " + v.Name() + " (" + k.at(v.Pos()) + ")"
}

func (k *keyReader) describeObj(obj types.Object) string {
	name := obj.Name()
	if obj.Pkg() != nil {
		name = obj.Pkg().Name() + "." + name
	}
	at := ""
	if obj.Pos().IsValid() && !k.isLibraryObj(obj) {
		at = " (" + k.at(obj.Pos()) + ")"
	}
	switch o := obj.(type) {
	case *types.Func:
		if sig, ok := o.Type().(*types.Signature); ok && sig.Recv() != nil {
			name = recvTypeName(sig.Recv().Type()) + "." + o.Name()
			if o.Pkg() != nil {
				name = o.Pkg().Name() + "." + name
			}
		}
		return "func " + name + "()" + at
	case *types.Const:
		return "const " + name + at
	case *types.Var:
		if o.IsField() {
			return "field " + o.Name() + at
		}
		if o.Pkg() != nil && o.Parent() != o.Pkg().Scope() {
			return "local variable " + o.Name() + at
		}
	}
	return "var " + name + at
}

func (k *keyReader) describeField(sel *types.Selection) string {
	obj := sel.Obj()
	name := recvTypeName(sel.Recv()) + "." + obj.Name()
	if obj.Pkg() != nil {
		name = obj.Pkg().Name() + "." + name
	}
	return "field " + name + " (" + k.at(obj.Pos()) + ")"
}

func recvTypeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return t.String()
}

// at formats a position as a file:line the command rewrites relative to
// its directory.
func (k *keyReader) at(pos token.Pos) string {
	p := k.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", p.Filename, p.Line)
}

// rotation says how a verification picks its key: "set" when the key is
// a key set, "kid" when the key is chosen by the token's key ID, "" for
// one static key. It follows local variables a few definitions back.
func (k *keyReader) rotation(e ast.Expr, depth int) string {
	if e == nil || depth > 4 {
		return ""
	}
	info := k.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && k.isKeySet(tv.Type) {
		return "set"
	}
	found := ""
	ast.Inspect(e, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BasicLit:
			if s, ok := jwtapi.ConstString(info, x); ok && s == "kid" {
				found = "kid"
			}
		case *ast.SelectorExpr:
			switch x.Sel.Name {
			case "KeyID", "Kid", "KID", "KeyId":
				found = "kid"
				return false
			}
			if tv, ok := info.Types[x.X]; ok && k.isKeySet(tv.Type) {
				found = "set"
				return false
			}
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
				return true
			}
			if k.isKeySet(v.Type()) {
				found = "set"
				return false
			}
			defs, ok := k.ix.Defs.Of(v)
			if !ok {
				return true
			}
			for _, d := range defs {
				if r := k.rotation(d.Expr, depth+1); r != "" {
					found = r
					return false
				}
			}
		}
		return true
	})
	return found
}

// isKeySet reports whether t is a key set type of a modelled library
// (jwk.Set, jose.JSONWebKeySet) or a map of them.
func (k *keyReader) isKeySet(t types.Type) bool {
	if t == nil {
		return false
	}
	if m, ok := t.Underlying().(*types.Map); ok {
		t = m.Elem()
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !k.ix.Model.IsLibrary(n.Obj().Pkg().Path()) {
		return false
	}
	name := n.Obj().Name()
	return name == "Set" || strings.HasSuffix(name, "KeySet")
}

// keyfuncRefs lists the parse calls that pass a declared function or
// method as their keyfunc: they verify with the key that function returns.
func (k *keyReader) keyfuncRefs() []*keyfuncRef {
	var out []*keyfuncRef
	for _, kc := range k.ix.KeyfuncCalls() {
		fn, c := kc.Func, kc.Call
		if fn == nil {
			continue
		}
		posn := k.pass.Fset.Position(c.Expr.Pos())
		out = append(out, &keyfuncRef{
			keyfunc: funcID(fn),
			posn:    posn,
			alg:     k.allowedAlgs(c),
			api:     k.ix.APIName(c),
			kind:    jwtapi.KindLabel(k.kinds.Call(c)),
			test:    strings.HasSuffix(posn.Filename, "_test.go"),
		})
	}
	return out
}

// lifetime reads the exp a signing call's claims are given, when it is a
// constant duration from now: now.Add(time.Hour), time.Now().Add(d).Unix(),
// jwt.NewNumericDate(now.Add(15 * time.Minute)).
func (k *keyReader) lifetime(c *jwtapi.Call) time.Duration {
	claims := k.claimsOf(c)
	var lit *ast.CompositeLit
	for depth := 0; claims != nil && depth < 4 && lit == nil; depth++ {
		switch x := ast.Unparen(claims).(type) {
		case *ast.UnaryExpr:
			claims = x.X
		case *ast.CompositeLit:
			lit = x
		case *ast.Ident:
			claims = nil
			if v, ok := k.pass.TypesInfo.Uses[x].(*types.Var); ok {
				if defs, ok := k.ix.Defs.Of(v); ok && len(defs) == 1 && defs[0].Index < 0 {
					claims = defs[0].Expr
				}
			}
		default:
			claims = nil
		}
	}
	if lit == nil {
		return 0
	}
	return k.expIn(lit, 0)
}

// claimsOf returns the claims a signing call signs: those of the mint
// that made the token it signs (tok.SignedString after NewWithClaims), or
// of its own mint (a call that signs the claims it is given).
func (k *keyReader) claimsOf(c *jwtapi.Call) ast.Expr {
	k.expiry()
	mc := c
	if nc := k.ix.TokenMintOf(c); nc != nil {
		mc = nc
	}
	if m := k.mints[mc.Expr]; m != nil {
		return m.Claims
	}
	return nil
}

// expIn finds the expiry element of a claims literal, also in nested
// literals (RegisteredClaims inside a custom claims type): the shape of
// the literal's type says which key or field holds the expiry.
func (k *keyReader) expIn(lit *ast.CompositeLit, depth int) time.Duration {
	if depth > 3 {
		return 0
	}
	shape := k.expiry().LitShape(lit)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		own, nested := false, false
		id, _ := kv.Key.(*ast.Ident)
		switch shape.Kind {
		case jwtapi.ShapeMap:
			s, ok := jwtapi.ConstString(k.pass.TypesInfo, kv.Key)
			own = ok && s == shape.Key
		case jwtapi.ShapeRegistered:
			own = id != nil && id.Name == shape.Key
		case jwtapi.ShapeStruct:
			for _, c := range shape.Carriers {
				if id != nil && c.Field.Name() == id.Name {
					own, nested = c.Own, !c.Own
				}
			}
		}
		if own {
			return k.fromNow(kv.Value)
		}
		if inner, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok && nested {
			if d := k.expIn(inner, depth+1); d > 0 {
				return d
			}
		}
	}
	return 0
}

// fromNow finds X.Add(d) with a constant duration d in an expiry value.
func (k *keyReader) fromNow(e ast.Expr) time.Duration {
	var d time.Duration
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || d != 0 {
			return d == 0
		}
		fn, _ := typeutil.Callee(k.pass.TypesInfo, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "time" || fn.Name() != "Add" || len(call.Args) != 1 {
			return true
		}
		if tv, ok := k.pass.TypesInfo.Types[call.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
			if n, exact := constant.Int64Val(tv.Value); exact && n > 0 {
				d = time.Duration(n)
			}
		}
		return false
	})
	return d
}

// allowedAlgs returns the algorithm allow-list a call enforces through
// its own arguments or its options (jwt.WithValidMethods),
// comma-separated, or "".
func (k *keyReader) allowedAlgs(c *jwtapi.Call) string {
	var algs []string
	for _, l := range k.ix.AllowListsOf(c) {
		for _, e := range l.Elems {
			if e.Alg != "" && !slices.Contains(algs, e.Alg) {
				algs = append(algs, e.Alg)
			}
		}
	}
	slices.Sort(algs)
	return strings.Join(algs, ",")
}
