package unverified

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// Key classes: what a keyfunc returns, as far as algorithm confusion goes.
const (
	keySecret    = "secret"     // a []byte or string: an HMAC secret
	keyPEMPublic = "pem-public" // a []byte holding a PEM public key
	keyTyped     = "typed"      // a typed public key of one family
	keyAny       = "any"        // an interface value: any type at run time
	keyMixed     = "mixed"      // different types on different paths
	keyUnknown   = "unknown"
)

// kfInfo is what the analysis knows of a keyfunc.
type kfInfo struct {
	pins   bool
	key    string
	family string
	pemRSA bool
	// pemBytes: some path returns a PEM public key as []byte, which
	// golang-jwt can only use as an HMAC secret.
	pemBytes bool
}

func (k *kfInfo) fact() *KeyfuncFact {
	return &KeyfuncFact{Pins: k.pins, Key: k.key, Family: k.family, PEMRSA: k.pemRSA, PEMBytes: k.pemBytes}
}

func fromFact(f *KeyfuncFact) *kfInfo {
	return &kfInfo{pins: f.Pins, key: f.Key, family: f.Family, pemRSA: f.PEMRSA, pemBytes: f.PEMBytes}
}

// mergeInfo combines the keyfuncs an expression may denote: pinned only
// when all pin; the key classes unite.
func mergeInfo(infos []*kfInfo) *kfInfo {
	if len(infos) == 0 {
		return nil
	}
	out := &kfInfo{pins: true}
	var keys []keyResult
	for _, in := range infos {
		if in == nil {
			return nil
		}
		out.pins = out.pins && in.pins
		out.pemBytes = out.pemBytes || in.pemBytes
		keys = append(keys, keyResult{in.key, in.family, in.pemRSA})
	}
	k := unite(keys)
	out.key, out.family, out.pemRSA = k.class, k.family, k.pemRSA
	return out
}

type keyResult struct {
	class  string
	family string
	pemRSA bool
}

// unite combines the key classes of several returns.
func unite(keys []keyResult) keyResult {
	if len(keys) == 0 {
		return keyResult{class: keyUnknown}
	}
	first := keys[0]
	for _, k := range keys {
		if k.class == keyUnknown {
			return keyResult{class: keyUnknown}
		}
	}
	allTyped := true
	for _, k := range keys {
		allTyped = allTyped && k.class == keyTyped
	}
	for _, k := range keys[1:] {
		if k.class == keyMixed || k.class != first.class || k.family != first.family {
			if allTyped {
				// RSA and ECDSA keys by kid: each verifies only under its
				// own family, which the library's typed keys enforce.
				return keyResult{class: keyTyped}
			}
			return keyResult{class: keyMixed}
		}
	}
	return first
}

// resolveKeyfunc returns what is known of the keyfunc e denotes, or nil.
func (s *state) resolveKeyfunc(e ast.Expr, depth int) *kfInfo {
	if e == nil || depth > 8 {
		return nil
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.FuncLit:
		if kf := s.keyfuncs[x]; kf != nil {
			return s.analyzeKeyfunc(kf)
		}
		return nil
	case *ast.CallExpr:
		if tv, ok := s.info.Types[x.Fun]; ok && tv.IsType() {
			if len(x.Args) == 1 {
				return s.resolveKeyfunc(x.Args[0], depth+1)
			}
			return nil
		}
		fn, _ := typeutil.Callee(s.info, x).(*types.Func)
		if fn == nil {
			return nil
		}
		fn = fn.Origin()
		if decl := s.ix.Funcs[fn]; decl != nil {
			return s.factoryInfo(decl, depth)
		}
		return s.importedKeyfunc(fn)
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if sel, ok := x.(*ast.SelectorExpr); ok {
			if selection, ok := s.info.Selections[sel]; ok {
				if selection.Kind() == types.MethodVal {
					obj = selection.Obj()
				} else if v, ok := selection.Obj().(*types.Var); ok {
					return s.varKeyfunc(v, depth)
				}
			} else {
				obj = s.info.Uses[sel.Sel]
			}
		} else {
			obj = s.info.Uses[x.(*ast.Ident)]
		}
		switch o := obj.(type) {
		case *types.Func:
			o = o.Origin()
			if decl := s.ix.Funcs[o]; decl != nil {
				if kf := s.keyfuncs[decl]; kf != nil {
					return s.analyzeKeyfunc(kf)
				}
				return nil
			}
			return s.importedKeyfunc(o)
		case *types.Var:
			return s.varKeyfunc(o, depth)
		}
	}
	return nil
}

func (s *state) importedKeyfunc(obj types.Object) *kfInfo {
	if obj.Pkg() == s.pass.Pkg {
		return nil
	}
	var f KeyfuncFact
	if s.pass.ImportObjectFact(obj, &f) {
		return fromFact(&f)
	}
	return nil
}

// varKeyfunc follows a variable (or field) to the keyfuncs assigned to it.
func (s *state) varKeyfunc(v *types.Var, depth int) *kfInfo {
	if v.Pkg() != s.pass.Pkg {
		return s.importedKeyfunc(v)
	}
	defs, ok := s.ix.Defs.Of(v)
	if !ok || len(defs) == 0 {
		return nil
	}
	var infos []*kfInfo
	for _, d := range defs {
		if d.Index >= 0 || d.Expr == nil {
			return nil
		}
		infos = append(infos, s.resolveKeyfunc(d.Expr, depth+1))
	}
	return mergeInfo(infos)
}

// factoryInfo describes the keyfuncs a function of this package returns.
func (s *state) factoryInfo(decl *ast.FuncDecl, depth int) *kfInfo {
	if decl.Body == nil {
		return nil
	}
	if s.kfBusy[decl] {
		return nil
	}
	if in, ok := s.kfMemo[decl]; ok {
		return in
	}
	s.kfBusy[decl] = true
	defer delete(s.kfBusy, decl)
	var infos []*kfInfo
	ok := true
	for _, ret := range jwtapi.OwnReturns(decl.Body) {
		if len(ret.Results) == 0 {
			ok = false
			break
		}
		if !isNil(s.info, ret.Results[0]) {
			infos = append(infos, s.resolveKeyfunc(ret.Results[0], depth+1))
		}
	}
	var in *kfInfo
	if ok {
		in = mergeInfo(infos)
	}
	s.kfMemo[decl] = in
	return in
}

// analyzeKeyfunc decides whether a keyfunc pins the algorithm and what
// key it returns.
func (s *state) analyzeKeyfunc(kf *jwtapi.Keyfunc) *kfInfo {
	if in, ok := s.kfMemo[kf.Node]; ok {
		return in
	}
	if s.kfBusy[kf.Node] {
		return nil
	}
	s.kfBusy[kf.Node] = true
	defer delete(s.kfBusy, kf.Node)
	in := &kfInfo{}
	if kf.TokenParam != nil {
		in.pins = s.bodyPins(kf.Body, kf.TokenParam)
	}
	var keys []keyResult
	for _, r := range kf.Returns {
		if len(r.Results) == 0 {
			keys = append(keys, keyResult{class: keyUnknown})
			continue
		}
		if len(r.Results) == 1 {
			// return other(token): another keyfunc's answer.
			call, ok := ast.Unparen(r.Results[0]).(*ast.CallExpr)
			if !ok {
				keys = append(keys, keyResult{class: keyUnknown})
				continue
			}
			if inner := s.resolveKeyfunc(call.Fun, 0); inner != nil {
				keys = append(keys, keyResult{inner.key, inner.family, inner.pemRSA})
				continue
			}
			// return jwt.ParseRSAPublicKeyFromPEM(pem): the type of the
			// first result.
			if tup, ok := s.info.TypeOf(call).(*types.Tuple); ok && tup.Len() == 2 {
				keys = append(keys, typeClass(tup.At(0).Type()))
				continue
			}
			keys = append(keys, keyResult{class: keyUnknown})
			continue
		}
		if isNil(s.info, r.Results[0]) {
			continue
		}
		keys = append(keys, s.keyClass(r.Results[0], kf.TokenParam, 0))
	}
	k := unite(keys)
	in.key, in.family, in.pemRSA = k.class, k.family, k.pemRSA
	for _, r := range keys {
		in.pemBytes = in.pemBytes || r.class == keyPEMPublic
	}
	s.kfMemo[kf.Node] = in
	return in
}

// keyClass classifies a key expression a keyfunc with token parameter tok
// returns.
func (s *state) keyClass(e ast.Expr, tok *types.Var, depth int) keyResult {
	if depth > 6 {
		return keyResult{class: keyUnknown}
	}
	e = ast.Unparen(e)
	t := s.info.TypeOf(e)
	if t == nil {
		return keyResult{class: keyUnknown}
	}
	if types.IsInterface(t) {
		return s.interfaceKey(e, tok, depth)
	}
	if fam := cryptoFamily(t); fam != "" {
		return keyResult{class: keyTyped, family: fam}
	}
	if isByteSlice(t) || isString(t) {
		if s.isPEMPublic(e) {
			rsa := false
			if s.flow != nil {
				o := s.flow.Origin(e)
				rsa = o.Const.PEM.RSABits > 0
			}
			return keyResult{class: keyPEMPublic, pemRSA: rsa, family: pemFamily(rsa)}
		}
		return keyResult{class: keySecret, family: jwtapi.AlgHMAC}
	}
	return keyResult{class: keyUnknown}
}

// interfaceKey classifies a key held in an interface value. It is "any"
// when it comes from a key set: an element of a map or slice, or the
// result of a lookup given something read from the token's header (the
// kid). A single interface value of unknown origin is not reported.
func (s *state) interfaceKey(e ast.Expr, tok *types.Var, depth int) keyResult {
	switch x := e.(type) {
	case *ast.IndexExpr:
		if t := s.info.TypeOf(x.X); t != nil {
			switch t.Underlying().(type) {
			case *types.Map, *types.Slice, *types.Array, *types.Pointer:
				return keyResult{class: keyAny, family: s.setFamily(x.X)}
			}
		}
	case *ast.CallExpr:
		if s.usesHeader(x, tok) {
			return keyResult{class: keyAny}
		}
	case *ast.Ident, *ast.SelectorExpr:
		v := s.baseVar(x)
		if v == nil || v.Pkg() != s.pass.Pkg {
			return keyResult{class: keyUnknown}
		}
		defs, ok := s.ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return keyResult{class: keyUnknown}
		}
		var keys []keyResult
		for _, d := range defs {
			switch {
			case d.Expr == nil || isNil(s.info, d.Expr):
				continue
			case d.Index < 0:
				keys = append(keys, s.keyClass(d.Expr, tok, depth+1))
			default:
				// k, ok := keys[kid] or k, err := lookup(kid) or a
				// decoder's first result.
				switch de := ast.Unparen(d.Expr).(type) {
				case *ast.IndexExpr:
					keys = append(keys, s.interfaceKey(de, tok, depth+1))
				case *ast.CallExpr:
					tup, ok := s.info.TypeOf(de).(*types.Tuple)
					if !ok || d.Index >= tup.Len() {
						return keyResult{class: keyUnknown}
					}
					if et := tup.At(d.Index).Type(); !types.IsInterface(et) {
						keys = append(keys, typeClass(et))
					} else {
						keys = append(keys, s.interfaceKey(de, tok, depth+1))
					}
				default:
					return keyResult{class: keyUnknown}
				}
			}
		}
		if len(keys) == 0 {
			return keyResult{class: keyUnknown}
		}
		return unite(keys)
	}
	return keyResult{class: keyUnknown}
}

// usesHeader reports whether an argument of call reads the token's header
// or claims (directly or through a local variable set from them).
func (s *state) usesHeader(call *ast.CallExpr, tok *types.Var) bool {
	if tok == nil {
		return false
	}
	for _, a := range call.Args {
		if s.fromHeader(a, tok, 0) {
			return true
		}
	}
	return false
}

func (s *state) fromHeader(e ast.Expr, tok *types.Var, depth int) bool {
	if depth > 4 || e == nil {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.SelectorExpr:
			// The header (kid) or the claims (iss) of the token.
			if s.isVar(x.X, tok) && !s.isMethodField(x) {
				found = true
			}
		case *ast.Ident:
			v := s.localVar(x)
			if v == nil || v == tok {
				return true
			}
			defs, ok := s.ix.Defs.Of(v)
			if !ok {
				return true
			}
			for _, d := range defs {
				if d.Expr != nil && d.Expr.Pos() != x.Pos() && s.fromHeader(d.Expr, tok, depth+1) {
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
func (s *state) setFamily(set ast.Expr) string {
	v := s.baseVar(set)
	if v == nil || v.Pkg() != s.pass.Pkg {
		return ""
	}
	defs, ok := s.ix.Defs.Of(v)
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
			t := s.info.TypeOf(val)
			if t == nil || types.IsInterface(t) {
				return ""
			}
			k := typeClass(t)
			if k.family == "" || (family != "" && k.family != family) {
				return ""
			}
			family = k.family
		}
	}
	return family
}

// typeClass classifies a key by its static type alone.
func typeClass(t types.Type) keyResult {
	switch {
	case types.IsInterface(t):
		return keyResult{class: keyAny}
	case cryptoFamily(t) != "":
		return keyResult{class: keyTyped, family: cryptoFamily(t)}
	case isByteSlice(t) || isString(t):
		return keyResult{class: keySecret, family: jwtapi.AlgHMAC}
	}
	return keyResult{class: keyUnknown}
}

func pemFamily(rsa bool) string {
	if rsa {
		return jwtapi.AlgRSA
	}
	return ""
}

// isPEMPublic reports whether e is a PEM public key: a constant holding
// one, or a variable the package also decodes as a public key.
func (s *state) isPEMPublic(e ast.Expr) bool {
	if s.flow != nil {
		if o := s.flow.Origin(e); o.Kind == keyflow.Constant && o.Const.PEM.Public {
			return true
		}
	}
	v := s.baseVar(e)
	if v == nil {
		return false
	}
	for _, c := range s.ix.Calls {
		if c.Func.Role != jwtapi.RoleParsePublicKey {
			continue
		}
		if s.baseVar(c.Arg(c.Func.Key)) == v {
			return true
		}
	}
	return false
}

// baseVar returns the variable (or field) an expression reads, looking
// through conversions.
func (s *state) baseVar(e ast.Expr) *types.Var {
	for depth := 0; e != nil && depth < 4; depth++ {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.Ident:
			v, _ := s.info.Uses[x].(*types.Var)
			return v
		case *ast.SelectorExpr:
			v, _ := s.info.Uses[x.Sel].(*types.Var)
			return v
		case *ast.CallExpr:
			tv, ok := s.info.Types[x.Fun]
			if !ok || !tv.IsType() || len(x.Args) != 1 {
				return nil
			}
			e = x.Args[0]
		default:
			return nil
		}
	}
	return nil
}

// cryptoFamily returns the algorithm family of a standard library key
// type, or "".
func cryptoFamily(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	switch n.Obj().Pkg().Path() {
	case "crypto/rsa":
		return jwtapi.AlgRSA
	case "crypto/ecdsa":
		return jwtapi.AlgECDSA
	case "crypto/ed25519":
		return jwtapi.AlgEdDSA
	}
	return ""
}

func isByteSlice(t types.Type) bool {
	sl, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := sl.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// bodyPins reports whether body looks at the signing method of tok: its
// Method field, its "alg" header, or a helper that does.
func (s *state) bodyPins(body *ast.BlockStmt, tok *types.Var) bool {
	pins := false
	ast.Inspect(body, func(n ast.Node) bool {
		if pins {
			return false
		}
		switch x := n.(type) {
		case *ast.SelectorExpr:
			if s.isVar(x.X, tok) && s.isMethodField(x) {
				pins = true
			}
		case *ast.IndexExpr:
			if sel, ok := ast.Unparen(x.X).(*ast.SelectorExpr); ok && s.isVar(sel.X, tok) {
				if tv, ok := s.info.Types[x.Index]; ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == "alg" {
					pins = true
				}
			}
		case *ast.CallExpr:
			for i, a := range x.Args {
				if s.isVar(a, tok) && s.calleeChecks(x, i) {
					pins = true
				}
			}
		}
		return true
	})
	return pins
}

// isMethodField reports whether sel selects a token field holding the
// signing method.
func (s *state) isMethodField(sel *ast.SelectorExpr) bool {
	selection, ok := s.info.Selections[sel]
	if !ok || selection.Kind() != types.FieldVal {
		return false
	}
	if row := s.ix.Model.Type(selection.Obj().Type()); row != nil && row.Role == jwtapi.TypeSigningMethod {
		return true
	}
	return s.isTokenField(sel, func(t *jwtapi.Type) string { return t.MethodField })
}

// calleeChecks reports whether the function call passes its token argument
// i to checks the signing method. Functions nothing is known about (other
// modules without facts, function values) are taken to check it.
func (s *state) calleeChecks(call *ast.CallExpr, i int) bool {
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil {
		if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
			return false
		}
		if in := s.resolveKeyfunc(call.Fun, 0); in != nil {
			return in.pins
		}
		return true
	}
	fn = fn.Origin()
	if fn.Pkg() == nil || jwtapi.IsStdPath(fn.Pkg().Path()) || s.ix.Model.IsLibrary(fn.Pkg().Path()) {
		return false
	}
	if fn.Pkg() == s.pass.Pkg {
		checks := s.paramChecks(fn)
		return i < len(checks) && checks[i]
	}
	var mc MethodCheckFact
	if s.pass.ImportObjectFact(fn, &mc) {
		for _, p := range mc.Params {
			if p == i {
				return true
			}
		}
		return false
	}
	var kf KeyfuncFact
	if s.pass.ImportObjectFact(fn, &kf) {
		return kf.Pins
	}
	return true
}

// paramChecks reports, per parameter of a function of this package,
// whether it checks the signing method of a token passed there.
func (s *state) paramChecks(fn *types.Func) []bool {
	if c, ok := s.checkMem[fn]; ok {
		return c
	}
	sig, ok := fn.Type().(*types.Signature)
	decl := s.ix.Funcs[fn]
	if !ok || decl == nil || decl.Body == nil {
		return nil
	}
	out := make([]bool, sig.Params().Len())
	s.checkMem[fn] = out // a recursive call sees no check yet
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if row := s.ix.Model.Type(p.Type()); row == nil || row.Role != jwtapi.TypeToken {
			continue
		}
		out[i] = s.bodyPins(decl.Body, p)
	}
	return out
}

// exportKeyfuncFacts exports what other packages need to judge keyfuncs
// defined here: keyfuncs, keyfunc factories and variables, and helpers
// that check a token's method.
func (s *state) exportKeyfuncFacts() {
	for _, fn := range sortedFuncs(s.ix.Funcs) {
		decl := s.ix.Funcs[fn]
		sig, ok := fn.Type().(*types.Signature)
		if !ok || decl.Body == nil || !fn.Exported() {
			continue
		}
		var in *kfInfo
		kf := s.keyfuncs[decl]
		if kf != nil {
			in = s.analyzeKeyfunc(kf)
		} else if sig.Results().Len() > 0 && s.ix.IsKeyfuncType(sig.Results().At(0).Type()) {
			in = s.factoryInfo(decl, 0)
		}
		if in != nil {
			s.pass.ExportObjectFact(fn, in.fact())
		}
		if kf != nil {
			continue // its KeyfuncFact says whether it checks the method
		}
		hasToken := false
		for i := 0; i < sig.Params().Len(); i++ {
			if row := s.ix.Model.Type(sig.Params().At(i).Type()); row != nil && row.Role == jwtapi.TypeToken {
				hasToken = true
			}
		}
		if hasToken {
			var params []int
			for i, c := range s.paramChecks(fn) {
				if c {
					params = append(params, i)
				}
			}
			s.pass.ExportObjectFact(fn, &MethodCheckFact{Params: params})
		}
	}
	scope := s.pass.Pkg.Scope()
	for _, n := range scope.Names() {
		v, ok := scope.Lookup(n).(*types.Var)
		if !ok || !v.Exported() || !s.ix.IsKeyfuncType(v.Type()) {
			continue
		}
		if in := s.varKeyfunc(v, 0); in != nil {
			s.pass.ExportObjectFact(v, in.fact())
		}
	}
}

// checkPins reports parses whose keyfunc leaves the algorithm to the token
// while its key could verify under another algorithm family.
func (s *state) checkPins() {
	for _, c := range s.ix.Calls {
		if c.Func.Role != jwtapi.RoleParse || c.Func.Keyfunc < 0 || tests.Skip(s.pass.Fset, c.Expr.Pos()) {
			continue
		}
		kfExpr := c.Arg(c.Func.Keyfunc)
		if kfExpr == nil || isNil(s.info, kfExpr) {
			continue
		}
		if pinned, known := s.parsePinned(c); pinned || !known {
			continue
		}
		in := s.resolveKeyfunc(kfExpr, 0)
		what, unpinned := s.unpinnedKey(in)
		if !unpinned {
			continue
		}
		fn, _ := s.info.Uses[jwtapi.CalleeIdent(c.Expr)].(*types.Func)
		api := apiName(fn)
		alg := s.fixAlg(in)
		fix, optText := s.pinFix(c, alg)
		todo := "restrict the parser's algorithms (WithValidMethods or Parser.ValidMethods) or check token.Method in the keyfunc"
		if fix != nil {
			todo = "add " + optText + " or check token.Method in the keyfunc"
		} else if s.acceptsOptions(c) {
			todo = "add WithValidMethods with the algorithm you sign with, or check token.Method in the keyfunc"
		}
		d := diagnostic(c.Expr, api+" does not pin the signing algorithm: its keyfunc returns "+what+" and never checks token.Method; "+todo)
		if fix != nil {
			d.SuggestedFixes = fix
		}
		s.rep.Report(d)
	}
}

// unpinnedKey describes the key of a keyfunc that does not pin the
// algorithm, when that key could verify under another algorithm family.
func (s *state) unpinnedKey(in *kfInfo) (string, bool) {
	if in == nil || in.pins {
		return "", false
	}
	switch in.key {
	case keyAny:
		return "an interface{} key whose type the token's header can pair with any algorithm", true
	case keyPEMPublic:
		return "a PEM public key as []byte, which also verifies as an HMAC secret", true
	case keyMixed:
		return "keys of different types", true
	case keySecret:
		if len(families(s.allAlgs)) < 2 {
			return "", false
		}
		return "a []byte secret while this code signs with " + strings.Join(s.allAlgs, ", "), true
	}
	return "", false
}

// checkKeyfuncFields reports keyfuncs set in a middleware config field
// (echo-jwt, gin-jwt and gofiber KeyFunc): a keyfunc given there replaces
// the middleware's own algorithm check, and the middleware parses without
// an allow-list, so the keyfunc must pin the algorithm itself.
func (s *state) checkKeyfuncFields() {
	for _, l := range s.ix.Lits {
		if tests.Skip(s.pass.Fset, l.Expr.Pos()) {
			continue
		}
		names := make([]string, 0, len(l.Fields))
		for name := range l.Fields {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			f := s.ix.Model.Field(l.Type, name)
			if f == nil || !f.Keyfunc || f.KeyfuncSigns {
				continue
			}
			v := l.Fields[name]
			what, unpinned := s.unpinnedKey(s.resolveKeyfunc(v, 0))
			if !unpinned {
				continue
			}
			s.rep.Report(diagnostic(v, fieldName(l.Type, name)+" does not pin the signing algorithm: the keyfunc returns "+what+" and never checks token.Method, and the middleware checks no algorithm when given a keyfunc; check token.Method in the keyfunc"))
		}
	}
}

// fieldName names a field of a library type for messages:
// echojwt.Config.KeyFunc.
func fieldName(t types.Type, field string) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Name() + "." + n.Obj().Name() + "." + field
	}
	return field
}

func families(algs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range algs {
		f := jwtapi.AlgFamily(a)
		if f == "" || f == jwtapi.AlgNone || seen[f] {
			continue
		}
		seen[f] = true
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// fixAlg picks the one algorithm to pin: the package's own signing
// algorithm in the key's family, else the family's usual one, else the
// single algorithm the code signs with.
func (s *state) fixAlg(in *kfInfo) string {
	if in.key == keyMixed {
		// Keys of several families: one algorithm would lock some out.
		return ""
	}
	// A PEM public key never verifies an HMAC token legitimately, and a
	// key set whose key types are not visible is a set of public keys
	// picked by kid: an HMAC algorithm the package signs its own tokens
	// with says nothing of it, and pinning one there is the algorithm
	// confusion the option is meant to prevent.
	noHMAC := in.key == keyPEMPublic || (in.key == keyAny && in.family == "")
	pick := func(algs []string) string {
		var match []string
		for _, a := range algs {
			fam := jwtapi.AlgFamily(a)
			if noHMAC && fam == jwtapi.AlgHMAC {
				continue
			}
			if in.family == "" || fam == in.family {
				match = append(match, a)
			}
		}
		if len(match) == 1 {
			return match[0]
		}
		return ""
	}
	if a := pick(s.signAlgs); a != "" {
		return a
	}
	if a := pick(s.allAlgs); a != "" {
		return a
	}
	switch in.family {
	case jwtapi.AlgHMAC:
		return "HS256"
	case jwtapi.AlgRSA:
		return "RS256"
	case jwtapi.AlgECDSA:
		return "ES256"
	case jwtapi.AlgEdDSA:
		return "EdDSA"
	}
	return ""
}

// parsePinned reports whether the parse restricts the algorithms through
// options or parser settings; known is false when they cannot be seen.
func (s *state) parsePinned(c *jwtapi.Call) (pinned, known bool) {
	if c.Func.Options >= 0 {
		if c.Expr.Ellipsis.IsValid() {
			return false, false
		}
		for _, o := range c.OptionArgs() {
			p, k := s.optionPins(o, 0)
			if p || !k {
				return p, k
			}
		}
	}
	if recv := c.Recv(); recv != nil {
		return s.parserPinned(recv, 0)
	}
	return false, true
}

func (s *state) optionPins(e ast.Expr, depth int) (pinned, known bool) {
	if depth > 6 {
		return false, false
	}
	if c := s.ix.CallOf(e); c != nil && c.Func.Role == jwtapi.RoleOption {
		return c.Func.Option == jwtapi.OptValidMethods, true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false, false
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok {
		return false, false
	}
	defs, ok := s.ix.Defs.Of(v)
	if !ok || len(defs) == 0 {
		return false, false
	}
	for _, d := range defs {
		if d.Index >= 0 || d.Expr == nil {
			return false, false
		}
		if p, k := s.optionPins(d.Expr, depth+1); p || !k {
			return p, k
		}
	}
	return false, true
}

// parserPinned follows a parser expression to its construction.
func (s *state) parserPinned(e ast.Expr, depth int) (pinned, known bool) {
	if depth > 6 || e == nil {
		return false, false
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if c := s.ix.CallOf(e); c != nil && c.Func.Role == jwtapi.RoleNewParser {
		if c.Expr.Ellipsis.IsValid() {
			return false, false
		}
		for _, o := range c.OptionArgs() {
			if p, k := s.optionPins(o, 0); p || !k {
				return p, k
			}
		}
		return false, true
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		t := s.info.TypeOf(x)
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return false, false
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f := s.ix.Model.Field(t, id.Name); f != nil && f.Option == jwtapi.OptValidMethods {
					return true, true
				}
			}
		}
		return false, true
	case *ast.CallExpr:
		// new(jwt.Parser)
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := s.info.Uses[id].(*types.Builtin); ok && b.Name() == "new" && len(x.Args) == 1 {
				return false, true
			}
		}
		return false, false
	case *ast.Ident, *ast.SelectorExpr:
		var v *types.Var
		if id, ok := x.(*ast.Ident); ok {
			v, _ = s.info.Uses[id].(*types.Var)
		} else {
			v, _ = s.info.Uses[x.(*ast.SelectorExpr).Sel].(*types.Var)
		}
		if v == nil || v.Pkg() != s.pass.Pkg {
			return false, false
		}
		if s.pinnedVars()[v] {
			return true, true
		}
		defs, ok := s.ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return false, false
		}
		for _, d := range defs {
			if d.Index >= 0 {
				return false, false
			}
			if d.Expr == nil {
				continue // var p jwt.Parser
			}
			if p, k := s.parserPinned(d.Expr, depth+1); p || !k {
				return p, k
			}
		}
		return false, true
	}
	return false, false
}

// pinnedVars returns the parser variables (and fields) whose
// algorithm-list field the package assigns: p.ValidMethods = [...].
func (s *state) pinnedVars() map[*types.Var]bool {
	if s.pinned != nil {
		return s.pinned
	}
	s.pinned = map[*types.Var]bool{}
	for n := range s.parents {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			continue
		}
		for _, l := range as.Lhs {
			sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			t := s.info.TypeOf(sel.X)
			if f := s.ix.Model.Field(t, sel.Sel.Name); f == nil || f.Option != jwtapi.OptValidMethods {
				continue
			}
			if v := s.baseVar(sel.X); v != nil {
				s.pinned[v] = true
			}
		}
	}
	return s.pinned
}
