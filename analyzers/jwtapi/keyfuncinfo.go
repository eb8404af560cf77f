package jwtapi

import (
	"go/ast"
	"go/constant"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// KeyfuncResolver is the one resolution of keyfunc expressions: what a
// keyfunc argument, config field, variable or factory call denotes,
// whether it pins the signing algorithm and what key it returns. Keyfuncs
// of other packages are known by their KeyfuncFact and MethodCheckFact,
// read through the importer of the pass that made the resolver.
type KeyfuncResolver struct {
	ix       *Index
	imp      FactImporter
	pem      PEMOracle
	memo     map[ast.Node]*KeyfuncFact
	busy     map[ast.Node]bool
	checkMem map[*types.Func][]bool
}

// PEMOracle answers, from key provenance, whether e is a constant holding
// a PEM public key and whether that key is known to be RSA.
type PEMOracle func(e ast.Expr) (constPublic, rsa bool)

// NewKeyfuncResolver returns a resolver over the package's keyfuncs. imp
// imports facts of the calling analyzer (nil: none); pem may be nil.
func (ix *Index) NewKeyfuncResolver(imp FactImporter, pem PEMOracle) *KeyfuncResolver {
	r := &KeyfuncResolver{ix: ix, imp: imp, pem: pem,
		memo:     make(map[ast.Node]*KeyfuncFact),
		busy:     make(map[ast.Node]bool),
		checkMem: make(map[*types.Func][]bool),
	}
	return r
}

func (r *KeyfuncResolver) importFact(obj types.Object, f analysis.Fact) bool {
	return r.imp != nil && obj.Pkg() != r.ix.Pkg && r.imp(obj, f)
}

// mergeKeyfuncs combines the keyfuncs an expression may denote: pinned
// only when all pin; the key classes unite.
func mergeKeyfuncs(infos []*KeyfuncFact) *KeyfuncFact {
	if len(infos) == 0 {
		return nil
	}
	out := &KeyfuncFact{Pins: true}
	var keys []KeyResult
	for _, in := range infos {
		if in == nil {
			return nil
		}
		out.Pins = out.Pins && in.Pins
		out.PEMBytes = out.PEMBytes || in.PEMBytes
		keys = append(keys, KeyResult{in.Key, in.Family, in.PEMRSA})
	}
	k := uniteKeys(keys)
	out.Key, out.Family, out.PEMRSA = k.Class, k.Family, k.PEMRSA
	return out
}

// KeyResult classifies one key a keyfunc (or a verification) uses.
type KeyResult struct {
	Class  string // a key class (KeySecret…)
	Family string // algorithm family its type implies, "" when none
	PEMRSA bool   // a PEM public key known to be RSA
}

// uniteKeys combines the key classes of several returns.
func uniteKeys(keys []KeyResult) KeyResult {
	if len(keys) == 0 {
		return KeyResult{Class: KeyUnknown}
	}
	first := keys[0]
	for _, k := range keys {
		if k.Class == KeyUnknown {
			return KeyResult{Class: KeyUnknown}
		}
	}
	allTyped := true
	for _, k := range keys {
		allTyped = allTyped && k.Class == KeyTyped
	}
	for _, k := range keys[1:] {
		if k.Class == KeyMixed || k.Class != first.Class || k.Family != first.Family {
			if allTyped {
				// RSA and ECDSA keys by kid: each verifies only under its
				// own family, which the library's typed keys enforce.
				return KeyResult{Class: KeyTyped}
			}
			return KeyResult{Class: KeyMixed}
		}
	}
	return first
}

// Resolve returns what is known of the keyfunc e denotes, or nil.
func (r *KeyfuncResolver) Resolve(e ast.Expr) *KeyfuncFact { return r.resolve(e, 0) }

func (r *KeyfuncResolver) resolve(e ast.Expr, depth int) *KeyfuncFact {
	leaves, ok := r.ix.keyfuncLeaves(e, depth)
	if !ok {
		return nil
	}
	return r.leavesInfo(leaves)
}

func (r *KeyfuncResolver) leavesInfo(leaves []keyfuncLeaf) *KeyfuncFact {
	infos := make([]*KeyfuncFact, 0, len(leaves))
	for _, l := range leaves {
		var in *KeyfuncFact
		switch {
		case l.node != nil:
			if kf := r.ix.KeyfuncAt(l.node); kf != nil {
				in = r.Analyze(kf)
			}
		case l.factory != nil:
			in = r.factory(l.factory, l.depth)
		case l.imported != nil:
			in = r.imported(l.imported)
		}
		if in == nil {
			return nil
		}
		infos = append(infos, in)
	}
	if len(infos) == 1 {
		return infos[0]
	}
	return mergeKeyfuncs(infos)
}

// keyfuncLeaf is one thing a keyfunc expression may denote.
type keyfuncLeaf struct {
	node     ast.Node      // a function literal or declaration of this package
	factory  *ast.FuncDecl // a function of this package whose call yields the keyfunc
	call     *ast.CallExpr // that call
	imported types.Object  // a function or variable of another package
	depth    int
}

// keyfuncLeaves is the one resolution of a keyfunc expression: the
// function literals and declarations, factory calls and objects of other
// packages it may denote, through conversions, method values and the
// definitions of variables and fields. ok is false when some path cannot
// be followed; the leaves found on the others are still returned.
func (ix *Index) keyfuncLeaves(e ast.Expr, depth int) (leaves []keyfuncLeaf, ok bool) {
	if e == nil || depth > 8 {
		return nil, false
	}
	info := ix.Info
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return []keyfuncLeaf{{node: x, depth: depth}}, true
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			if len(x.Args) == 1 {
				return ix.keyfuncLeaves(x.Args[0], depth+1)
			}
			return nil, false
		}
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		if fn == nil {
			return nil, false
		}
		fn = fn.Origin()
		if decl := ix.Funcs[fn]; decl != nil {
			return []keyfuncLeaf{{factory: decl, call: x, depth: depth}}, true
		}
		return []keyfuncLeaf{{imported: fn, depth: depth}}, true
	case *ast.Ident, *ast.SelectorExpr:
		switch o := namedObj(info, x).(type) {
		case *types.Func:
			o = o.Origin()
			if decl := ix.Funcs[o]; decl != nil {
				return []keyfuncLeaf{{node: decl, depth: depth}}, true
			}
			return []keyfuncLeaf{{imported: o, depth: depth}}, true
		case *types.Var:
			return ix.varLeaves(o, depth)
		}
	}
	return nil, false
}

// namedObj returns what a name denotes: the object an identifier uses,
// the method or field a selector selects, or the member of a package a
// qualified identifier names; nil for other expressions.
func namedObj(info *types.Info, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.Uses[x]
	case *ast.SelectorExpr:
		if selection, ok := info.Selections[x]; ok {
			return selection.Obj()
		}
		return info.Uses[x.Sel]
	}
	return nil
}

// varLeaves follows a variable (or field) to the keyfuncs assigned to it.
func (ix *Index) varLeaves(v *types.Var, depth int) ([]keyfuncLeaf, bool) {
	if v.Pkg() != ix.Pkg {
		return []keyfuncLeaf{{imported: v, depth: depth}}, true
	}
	defs, ok := ix.Defs.Of(v)
	if !ok || len(defs) == 0 {
		return nil, false
	}
	for _, d := range defs {
		if d.Index >= 0 || d.Expr == nil {
			return nil, false
		}
	}
	// A definition that cannot be followed makes the answer partial: the
	// leaves found are kept, and ok is false.
	var out []keyfuncLeaf
	all := true
	for _, d := range defs {
		l, ok := ix.keyfuncLeaves(d.Expr, depth+1)
		all = all && ok
		out = append(out, l...)
	}
	return out, all
}

// KeyfuncOf returns the keyfunc of this package e denotes when it denotes
// exactly one (a literal, a declared function, a variable or field holding
// one), or the one a factory of this package returns, with the factory
// call (keyFuncFor(secret)); nil otherwise.
func (ix *Index) KeyfuncOf(e ast.Expr) (kf *Keyfunc, factory *ast.CallExpr) {
	leaves, ok := ix.keyfuncLeaves(e, 0)
	if !ok || len(leaves) != 1 {
		return nil, nil
	}
	switch l := leaves[0]; {
	case l.node != nil:
		return ix.KeyfuncAt(l.node), nil
	case l.factory != nil && l.factory.Body != nil:
		var found *Keyfunc
		for _, ret := range OwnReturns(l.factory.Body) {
			if len(ret.Results) != 1 || IsNil(ix.Info, ret.Results[0]) {
				continue
			}
			inner, _ := ix.KeyfuncOf(ret.Results[0])
			if inner == nil || found != nil && inner != found {
				return nil, nil
			}
			found = inner
		}
		if found != nil {
			return found, l.call
		}
	}
	return nil, nil
}

func (r *KeyfuncResolver) imported(obj types.Object) *KeyfuncFact {
	var f KeyfuncFact
	if r.importFact(obj, &f) {
		return &f
	}
	return nil
}

// Var follows a variable (or field) to the keyfuncs assigned to it.
func (r *KeyfuncResolver) Var(v *types.Var) *KeyfuncFact { return r.variable(v, 0) }

func (r *KeyfuncResolver) variable(v *types.Var, depth int) *KeyfuncFact {
	leaves, ok := r.ix.varLeaves(v, depth)
	if !ok {
		return nil
	}
	return r.leavesInfo(leaves)
}

// factory describes the keyfuncs a function of this package returns.
func (r *KeyfuncResolver) factory(decl *ast.FuncDecl, depth int) *KeyfuncFact {
	if decl.Body == nil || r.busy[decl] {
		return nil
	}
	if in, ok := r.memo[decl]; ok {
		return in
	}
	r.busy[decl] = true
	defer delete(r.busy, decl)
	var infos []*KeyfuncFact
	ok := true
	for _, ret := range OwnReturns(decl.Body) {
		if len(ret.Results) == 0 {
			ok = false
			break
		}
		if !IsNil(r.ix.Info, ret.Results[0]) {
			infos = append(infos, r.resolve(ret.Results[0], depth+1))
		}
	}
	var in *KeyfuncFact
	if ok {
		in = mergeKeyfuncs(infos)
	}
	r.memo[decl] = in
	return in
}

// Analyze decides whether a keyfunc pins the algorithm and what key it
// returns.
func (r *KeyfuncResolver) Analyze(kf *Keyfunc) *KeyfuncFact {
	if in, ok := r.memo[kf.Node]; ok {
		return in
	}
	if r.busy[kf.Node] {
		return nil
	}
	r.busy[kf.Node] = true
	defer delete(r.busy, kf.Node)
	info := r.ix.Info
	in := &KeyfuncFact{}
	if kf.TokenParam != nil {
		in.Pins = r.bodyPins(kf.Body, kf.TokenParam)
	}
	var keys []KeyResult
	for _, ret := range kf.Returns {
		if len(ret.Results) == 0 {
			keys = append(keys, KeyResult{Class: KeyUnknown})
			continue
		}
		if len(ret.Results) == 1 {
			// return other(token): another keyfunc's answer.
			call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
			if !ok {
				keys = append(keys, KeyResult{Class: KeyUnknown})
				continue
			}
			if inner := r.resolve(call.Fun, 0); inner != nil {
				keys = append(keys, KeyResult{inner.Key, inner.Family, inner.PEMRSA})
				continue
			}
			// return jwt.ParseRSAPublicKeyFromPEM(pem): the type of the
			// first result.
			if tup, ok := info.TypeOf(call).(*types.Tuple); ok && tup.Len() == 2 {
				keys = append(keys, TypeKeyClass(tup.At(0).Type()))
				continue
			}
			keys = append(keys, KeyResult{Class: KeyUnknown})
			continue
		}
		if IsNil(info, ret.Results[0]) {
			continue
		}
		keys = append(keys, r.keyClass(ret.Results[0], kf.TokenParam, 0))
	}
	k := uniteKeys(keys)
	in.Key, in.Family, in.PEMRSA = k.Class, k.Family, k.PEMRSA
	for _, kr := range keys {
		in.PEMBytes = in.PEMBytes || kr.Class == KeyPEMPublic
	}
	r.memo[kf.Node] = in
	return in
}

// KeyClass classifies a key expression: one a keyfunc with token
// parameter tok returns, or (tok nil) the key of a verification.
func (r *KeyfuncResolver) KeyClass(e ast.Expr, tok *types.Var) KeyResult {
	return r.keyClass(e, tok, 0)
}

func (r *KeyfuncResolver) keyClass(e ast.Expr, tok *types.Var, depth int) KeyResult {
	if depth > 6 {
		return KeyResult{Class: KeyUnknown}
	}
	e = ast.Unparen(e)
	t := r.ix.Info.TypeOf(e)
	if t == nil {
		return KeyResult{Class: KeyUnknown}
	}
	if types.IsInterface(t) {
		return r.interfaceKey(e, tok, depth)
	}
	if fam := cryptoKeyFamily(t); fam != "" {
		return KeyResult{Class: KeyTyped, Family: fam}
	}
	if IsByteSliceType(t) || IsStringType(t) {
		if r.isPEMPublic(e) {
			rsa := false
			if r.pem != nil {
				_, rsa = r.pem(e)
			}
			fam := ""
			if rsa {
				fam = AlgRSA
			}
			return KeyResult{Class: KeyPEMPublic, PEMRSA: rsa, Family: fam}
		}
		return KeyResult{Class: KeySecret, Family: AlgHMAC}
	}
	return KeyResult{Class: KeyUnknown}
}

// interfaceKey classifies a key held in an interface value. It is "any"
// when it comes from a key set: an element of a map or slice, or the
// result of a lookup given something read from the token's header (the
// kid). A single interface value of unknown origin is not reported.
func (r *KeyfuncResolver) interfaceKey(e ast.Expr, tok *types.Var, depth int) KeyResult {
	info := r.ix.Info
	switch x := e.(type) {
	case *ast.IndexExpr:
		if t := info.TypeOf(x.X); t != nil {
			switch t.Underlying().(type) {
			case *types.Map, *types.Slice, *types.Array, *types.Pointer:
				return KeyResult{Class: KeyAny, Family: r.setFamily(x.X)}
			}
		}
	case *ast.CallExpr:
		if r.usesHeader(x, tok) {
			return KeyResult{Class: KeyAny}
		}
	case *ast.Ident, *ast.SelectorExpr:
		v := BaseVar(info, x)
		if v == nil || v.Pkg() != r.ix.Pkg {
			return KeyResult{Class: KeyUnknown}
		}
		defs, ok := r.ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return KeyResult{Class: KeyUnknown}
		}
		var keys []KeyResult
		for _, d := range defs {
			switch {
			case d.Expr == nil || IsNil(info, d.Expr):
				continue
			case d.Index < 0:
				keys = append(keys, r.keyClass(d.Expr, tok, depth+1))
			default:
				// k, ok := keys[kid] or k, err := lookup(kid) or a
				// decoder's first result.
				switch de := ast.Unparen(d.Expr).(type) {
				case *ast.IndexExpr:
					keys = append(keys, r.interfaceKey(de, tok, depth+1))
				case *ast.CallExpr:
					tup, ok := info.TypeOf(de).(*types.Tuple)
					if !ok || d.Index >= tup.Len() {
						return KeyResult{Class: KeyUnknown}
					}
					if et := tup.At(d.Index).Type(); !types.IsInterface(et) {
						keys = append(keys, TypeKeyClass(et))
					} else {
						keys = append(keys, r.interfaceKey(de, tok, depth+1))
					}
				default:
					return KeyResult{Class: KeyUnknown}
				}
			}
		}
		if len(keys) == 0 {
			return KeyResult{Class: KeyUnknown}
		}
		return uniteKeys(keys)
	}
	return KeyResult{Class: KeyUnknown}
}

// usesHeader reports whether an argument of call reads the token's header
// or claims (directly or through a local variable set from them).
func (r *KeyfuncResolver) usesHeader(call *ast.CallExpr, tok *types.Var) bool {
	if tok == nil {
		return false
	}
	for _, a := range call.Args {
		if r.fromHeader(a, tok, 0) {
			return true
		}
	}
	return false
}

func (r *KeyfuncResolver) fromHeader(e ast.Expr, tok *types.Var, depth int) bool {
	if depth > 4 || e == nil {
		return false
	}
	info := r.ix.Info
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.SelectorExpr:
			// The header (kid) or the claims (iss) of the token.
			if IsVarExpr(info, x.X, tok) && !r.ix.IsMethodField(x) {
				found = true
			}
		case *ast.Ident:
			v := LocalVar(info, x)
			if v == nil || v == tok {
				return true
			}
			defs, ok := r.ix.Defs.Of(v)
			if !ok {
				return true
			}
			for _, d := range defs {
				if d.Expr != nil && d.Expr.Pos() != x.Pos() && r.fromHeader(d.Expr, tok, depth+1) {
					found = true
				}
			}
		}
		return true
	})
	return found
}

// setFamily returns the algorithm family every key of a key set shares,
// judged by the static types of the values its literals hold (a
// map[string]interface{} of *rsa.PublicKey values is RSA), or "" when some
// value is not visible (the set is written element by element, or built
// elsewhere) or the values differ.
func (r *KeyfuncResolver) setFamily(set ast.Expr) string {
	info := r.ix.Info
	v := BaseVar(info, set)
	if v == nil || v.Pkg() != r.ix.Pkg {
		return ""
	}
	defs, ok := r.ix.Defs.Of(v)
	if !ok || len(defs) == 0 {
		return ""
	}
	family := ""
	for _, d := range defs {
		if d.Expr == nil {
			continue // the zero value of `var keys map[…]…`: no key
		}
		lit, ok := ast.Unparen(d.Expr).(*ast.CompositeLit)
		if !ok || d.Index >= 0 {
			return ""
		}
		for _, elt := range lit.Elts {
			val := elt
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				val = kv.Value
			}
			t := info.TypeOf(val)
			if t == nil || types.IsInterface(t) {
				return ""
			}
			k := TypeKeyClass(t)
			if k.Family == "" || (family != "" && k.Family != family) {
				return ""
			}
			family = k.Family
		}
	}
	return family
}

// TypeKeyClass classifies a key by its static type alone.
func TypeKeyClass(t types.Type) KeyResult {
	switch {
	case types.IsInterface(t):
		return KeyResult{Class: KeyAny}
	case cryptoKeyFamily(t) != "":
		return KeyResult{Class: KeyTyped, Family: cryptoKeyFamily(t)}
	case IsByteSliceType(t) || IsStringType(t):
		return KeyResult{Class: KeySecret, Family: AlgHMAC}
	}
	return KeyResult{Class: KeyUnknown}
}

// isPEMPublic reports whether e is a PEM public key: a constant holding
// one, or a variable the package also decodes as a public key.
func (r *KeyfuncResolver) isPEMPublic(e ast.Expr) bool {
	if r.pem != nil {
		if public, _ := r.pem(e); public {
			return true
		}
	}
	v := BaseVar(r.ix.Info, e)
	if v == nil {
		return false
	}
	for _, c := range r.ix.Calls {
		if m, public, ok := keyDecode(c.Func, c.Expr); ok && public && BaseVar(r.ix.Info, m) == v {
			return true
		}
	}
	return false
}

// LocalVar returns the function-local variable id defines or uses, or nil.
func LocalVar(info *types.Info, id *ast.Ident) *types.Var {
	obj := info.Defs[id]
	if obj == nil {
		obj = info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// IsVarExpr reports whether e (in parentheses or not) names v.
func IsVarExpr(info *types.Info, e ast.Expr, v *types.Var) bool {
	if v == nil {
		return false
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == v
}

// cryptoKeyFamily returns the algorithm family of a standard library key
// type, or "".
func cryptoKeyFamily(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	switch n.Obj().Pkg().Path() {
	case "crypto/rsa":
		return AlgRSA
	case "crypto/ecdsa":
		return AlgECDSA
	case "crypto/ed25519":
		return AlgEdDSA
	}
	return ""
}

// IsByteSliceType reports whether t's underlying type is []byte.
func IsByteSliceType(t types.Type) bool {
	sl, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := sl.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// IsStringType reports whether t's underlying type is a string.
func IsStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// bodyPins reports whether body looks at the signing method of tok: its
// Method field, its "alg" header, or a helper that does.
func (r *KeyfuncResolver) bodyPins(body *ast.BlockStmt, tok *types.Var) bool {
	info := r.ix.Info
	pins := false
	ast.Inspect(body, func(n ast.Node) bool {
		if pins {
			return false
		}
		switch x := n.(type) {
		case *ast.SelectorExpr:
			if IsVarExpr(info, x.X, tok) && r.ix.IsMethodField(x) {
				pins = true
			}
		case *ast.IndexExpr:
			if sel, ok := ast.Unparen(x.X).(*ast.SelectorExpr); ok && IsVarExpr(info, sel.X, tok) {
				if tv, ok := info.Types[x.Index]; ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == "alg" {
					pins = true
				}
			}
		case *ast.CallExpr:
			for i, a := range x.Args {
				if IsVarExpr(info, a, tok) && r.calleeChecks(x, i) {
					pins = true
				}
			}
		}
		return true
	})
	return pins
}

// IsMethodField reports whether sel selects a token field holding the
// signing method.
func (ix *Index) IsMethodField(sel *ast.SelectorExpr) bool {
	selection, ok := ix.Info.Selections[sel]
	if !ok || selection.Kind() != types.FieldVal {
		return false
	}
	if row := ix.Model.Type(selection.Obj().Type()); row != nil && row.Role == TypeSigningMethod {
		return true
	}
	return ix.IsTokenField(sel, func(t *Type) string { return t.MethodField })
}

// IsTokenField reports whether sel selects the field named by col on a
// modelled token.
func (ix *Index) IsTokenField(sel *ast.SelectorExpr, col func(*Type) string) bool {
	tv, ok := ix.Info.Types[sel.X]
	if !ok {
		return false
	}
	row := ix.Model.Type(tv.Type)
	if row == nil || row.Role != TypeToken {
		return false
	}
	f := col(row)
	return f != "" && sel.Sel.Name == f
}

// IsTokenType reports whether t is a modelled token type.
func (ix *Index) IsTokenType(t types.Type) bool {
	row := ix.Model.Type(t)
	return row != nil && row.Role == TypeToken
}

// calleeChecks reports whether the function call passes its token argument
// i to checks the signing method. Functions nothing is known about (other
// modules without facts, function values) are taken to check it.
func (r *KeyfuncResolver) calleeChecks(call *ast.CallExpr, i int) bool {
	info := r.ix.Info
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			return false
		}
		if in := r.resolve(call.Fun, 0); in != nil {
			return in.Pins
		}
		return true
	}
	fn = fn.Origin()
	if fn.Pkg() == nil || IsStdPath(fn.Pkg().Path()) || r.ix.Model.IsLibrary(fn.Pkg().Path()) {
		return false
	}
	if fn.Pkg() == r.ix.Pkg {
		checks := r.ParamChecks(fn)
		return i < len(checks) && checks[i]
	}
	var mc MethodCheckFact
	if r.importFact(fn, &mc) {
		for _, p := range mc.Params {
			if p == i {
				return true
			}
		}
		return false
	}
	var kf KeyfuncFact
	if r.importFact(fn, &kf) {
		return kf.Pins
	}
	return true
}

// ParamChecks reports, per parameter of a function of this package,
// whether it checks the signing method of a token passed there.
func (r *KeyfuncResolver) ParamChecks(fn *types.Func) []bool {
	if c, ok := r.checkMem[fn]; ok {
		return c
	}
	sig, ok := fn.Type().(*types.Signature)
	decl := r.ix.Funcs[fn]
	if !ok || decl == nil || decl.Body == nil {
		return nil
	}
	out := make([]bool, sig.Params().Len())
	r.checkMem[fn] = out // a recursive call sees no check yet
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if !r.ix.IsTokenType(p.Type()) {
			continue
		}
		out[i] = r.bodyPins(decl.Body, p)
	}
	return out
}

// ExportFacts exports, through export (the pass's ExportObjectFact), what
// other packages need to judge keyfuncs defined here: keyfuncs, keyfunc
// factories and variables, and helpers that check a token's method. Only
// exported objects get a fact.
func (r *KeyfuncResolver) ExportFacts(export func(types.Object, analysis.Fact)) {
	ix := r.ix
	fns := make([]*types.Func, 0, len(ix.Funcs))
	for fn := range ix.Funcs {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		decl := ix.Funcs[fn]
		sig, ok := fn.Type().(*types.Signature)
		if !ok || decl.Body == nil || !fn.Exported() {
			continue
		}
		var in *KeyfuncFact
		kf := ix.KeyfuncAt(decl)
		if kf != nil {
			in = r.Analyze(kf)
		} else if sig.Results().Len() > 0 && ix.IsKeyfuncType(sig.Results().At(0).Type()) {
			in = r.factory(decl, 0)
		}
		if in != nil {
			export(fn, in)
		}
		if kf != nil {
			continue // its KeyfuncFact says whether it checks the method
		}
		hasToken := false
		for i := 0; i < sig.Params().Len(); i++ {
			if ix.IsTokenType(sig.Params().At(i).Type()) {
				hasToken = true
			}
		}
		if hasToken {
			var params []int
			for i, c := range r.ParamChecks(fn) {
				if c {
					params = append(params, i)
				}
			}
			export(fn, &MethodCheckFact{Params: params})
		}
	}
	scope := ix.Pkg.Scope()
	for _, n := range scope.Names() {
		v, ok := scope.Lookup(n).(*types.Var)
		if !ok || !v.Exported() || !ix.IsKeyfuncType(v.Type()) {
			continue
		}
		if in := r.variable(v, 0); in != nil {
			export(v, in)
		}
	}
}
