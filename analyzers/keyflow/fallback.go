package keyflow

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Fallbacks of configuration reads: a lookup of an environment variable,
// config key or flag whose constant default is what the program runs
// with when the lookup finds nothing, in every shape the package writes
// it (cmp.Or, getenv(name, def) helpers, config getters and defaults,
// `if v == "" { v = "…" }`, default struct tags).

// Lookup is a read of configuration: an environment variable, a config
// key or a flag.
type Lookup struct {
	What string // "environment variable", "config key", "flag"
	Name string // its name when constant, else ""
	Via  string // the function that reads or registers it
	Pos  token.Pos
}

// String names the lookup for messages: "environment variable JWT_SECRET",
// "flag -jwt-secret", "the config key".
func (l Lookup) String() string {
	switch {
	case l.Name != "" && l.What == "flag":
		return "flag -" + l.Name
	case l.Name != "":
		return l.What + " " + l.Name
	}
	return "the " + l.What
}

// FallbackSite is one constant fallback of a Lookup; its Dest is where the
// value goes.
type FallbackSite struct {
	Pos, End token.Pos // where to report
	ConstPos token.Pos // the Origin position of the constant, for matching keys
	Where    string    // the constant, by place
	Lookup   Lookup
	Value    Const // the constant, measured
	Dest
}

// Named reports whether the lookup's name or a name of where the value
// goes says it is a JWT secret.
func (s *FallbackSite) Named() bool {
	if s.Lookup.Name != "" && IsSecretName(nil, jwtapi.Words(s.Lookup.Name)) {
		return true
	}
	for _, n := range s.Names {
		if IsSecretName(n.Context, n.Words) {
			return true
		}
	}
	return false
}

// Display names the first secret-like destination of a fallback, or "".
func (s *FallbackSite) Display() string {
	for _, n := range s.Names {
		if IsSecretName(n.Context, n.Words) && len(n.Words) > 0 {
			return strings.Join(n.Words, "_")
		}
	}
	return ""
}

// Fallbacks returns the constant fallbacks of the package's lookups, in
// source order. The first call finds the package's getenv(name, def)
// helpers and exports an EnvDefaultFact for the exported ones.
func (pr *Provenance) Fallbacks() []*FallbackSite {
	pr.findHelpers()
	var sites []*FallbackSite
	for cur := range pr.ins.Root().Preorder((*ast.CallExpr)(nil), (*ast.IfStmt)(nil), (*ast.StructType)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			if s := pr.callSite(cur, n); s != nil {
				sites = append(sites, s)
			}
		case *ast.IfStmt:
			sites = append(sites, pr.guardSites(cur, n)...)
		case *ast.StructType:
			sites = append(sites, pr.tagSites(cur, n)...)
		}
	}
	return sites
}

// ExportFallback tells other packages that the exported variables,
// fields and functions of this package where s's value goes fall back to
// a constant, for a rule that leaves the finding to the package that
// uses them as a key.
func (pr *Provenance) ExportFallback(s *FallbackSite) {
	for _, obj := range s.Objs {
		if obj.Pkg() != pr.pass.Pkg || !obj.Exported() {
			continue
		}
		pr.pass.ExportObjectFact(obj, pr.fallbackFact(s))
	}
}

func (pr *Provenance) fallbackFact(s *FallbackSite) *FallbackFact {
	return &FallbackFact{Where: pr.placeOf(s), Lookup: s.Lookup.String(), Via: s.Lookup.Via}
}

// ExportGetters exports a FallbackFact for exported functions of this
// package that return the value of one of sites, constant fallbacks a
// rule did not report: func SecretKey() []byte { return []byte(secretKey) }.
func (pr *Provenance) ExportGetters(sites []*FallbackSite) {
	byConst := map[token.Pos]*FallbackSite{}
	for _, s := range sites {
		if s.ConstPos.IsValid() {
			byConst[s.ConstPos] = s
		}
	}
	if len(byConst) == 0 {
		return
	}
	for fn, decl := range pr.ix.Funcs {
		if !fn.Exported() || decl.Body == nil {
			continue
		}
		sig, ok := fn.Type().(*types.Signature)
		if !ok || sig.Results().Len() == 0 || !keyLike(sig.Results().At(0).Type()) {
			continue
		}
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(n.Results) == 0 {
					return false
				}
				o := pr.flow.Origin(n.Results[0])
				if s := byConst[o.Pos]; o.Kind == Fallback && s != nil {
					var f FallbackFact
					if !pr.pass.ImportObjectFact(fn, &f) {
						pr.pass.ExportObjectFact(fn, pr.fallbackFact(s))
					}
				}
			}
			return true
		})
	}
}

// placeOf describes a site's constant for other packages.
func (pr *Provenance) placeOf(s *FallbackSite) string {
	w := s.Where
	if i := strings.LastIndex(w, "("); i >= 0 && strings.HasSuffix(w, ")") {
		return w[:i] + "(" + lastElem(pr.pass.Pkg.Path()) + "/" + w[i+1:]
	}
	return w
}

// --- call sites: cmp.Or, getenv helpers, config defaults ---

func (pr *Provenance) callSite(cur inspector.Cursor, call *ast.CallExpr) *FallbackSite {
	fn, _ := typeutil.Callee(pr.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	if fn.Pkg().Path() == "cmp" && fn.Name() == "Or" {
		o := pr.flow.Origin(call)
		if o.Kind != Fallback || o.Const.Len == 0 {
			return nil
		}
		var def ast.Expr
		for _, a := range call.Args[1:] {
			if ao := pr.flow.Origin(a); ao.Kind == Constant {
				def = a
				break
			}
		}
		if def == nil {
			return nil
		}
		look := Lookup{What: "environment variable", Name: o.Env, Via: "cmp.Or", Pos: call.Pos()}
		return pr.newCallSite(cur, call, def, look)
	}
	if h := pr.helperOf(fn); h != nil {
		if h.Name >= len(call.Args) || h.Default >= len(call.Args) {
			return nil
		}
		name, _ := jwtapi.ConstString(pr.info, call.Args[h.Name])
		look := Lookup{What: "environment variable", Name: name, Via: pr.funcName(fn), Pos: call.Pos()}
		return pr.newCallSite(cur, call, call.Args[h.Default], look)
	}
	if fn.Pkg() == pr.pass.Pkg {
		// Any other function of this package that keyflow sees return a
		// Lookup or one of its constant arguments: firstNonEmpty(os.Getenv(…), "…").
		if o := pr.flow.Origin(call); o.Kind == Fallback && o.Const.Len != 0 {
			for _, a := range call.Args {
				if ao := pr.flow.Origin(a); ao.Kind == Constant && ao.Pos == o.Pos {
					look := Lookup{What: "environment variable", Name: o.Env, Via: pr.funcName(fn), Pos: call.Pos()}
					return pr.newCallSite(cur, call, a, look)
				}
			}
		}
	}
	if row := pr.configDefaultOf(fn); row != nil {
		nameArg, def := row.NameIn(call), row.DefaultIn(call)
		if nameArg == nil || def == nil {
			return nil
		}
		name, _ := jwtapi.ConstString(pr.info, nameArg)
		look := Lookup{What: string(row.Reads), Name: name, Via: fn.Pkg().Name() + "." + fn.Name(), Pos: call.Pos()}
		s := pr.newCallSite(cur, call, def, look)
		if s == nil {
			return nil
		}
		if row.Reads == jwtapi.ReadsConfigKey && name != "" {
			s.Roots = append(s.Roots, Root{ID: "cfgkey:" + strings.ToLower(name), Param: -1})
		}
		if dest := row.DestIn(call); dest != nil {
			// flag.StringVar(&cfg.JWTSecret, …): the variable is the
			// destination.
			if d := pr.LValue(dest); len(d.Names[0].Words) > 0 {
				s.add(d, false)
			}
		}
		return s
	}
	return nil
}

// newCallSite builds a site for a call whose argument def is the
// default. It returns nil unless def is a non-empty constant.
func (pr *Provenance) newCallSite(cur inspector.Cursor, call *ast.CallExpr, def ast.Expr, look Lookup) *FallbackSite {
	o := pr.flow.Origin(def)
	if o.Kind != Constant || o.Const.Len == 0 {
		return nil
	}
	s := &FallbackSite{Lookup: look, ConstPos: o.Pos, Where: pr.flow.Describe(o), Value: o.Const}
	s.Pos, s.End = def.Pos(), def.End()
	if pr.inPackage(o.Pos) {
		s.Pos = o.Pos
		s.End = o.Pos
		if o.Expr != nil {
			s.End = o.Expr.End()
		}
	}
	s.Roots = append(s.Roots, Root{ID: fmt.Sprintf("at:%d", call.Pos()), Param: -1})
	s.add(pr.DestOf(cur, true), false)
	return s
}

func (pr *Provenance) configDefaultOf(fn *types.Func) *jwtapi.ConfigSource {
	if r := jwtapi.ConfigSourceOf(fn); r != nil && r.RegistersDefault() {
		return r
	}
	return nil
}

func (pr *Provenance) configGetterOf(fn *types.Func) *jwtapi.ConfigSource {
	if r := jwtapi.ConfigSourceOf(fn); r != nil && r.IsGetter() {
		return r
	}
	return nil
}

// --- getenv(name, def) helpers ---

// helperOf returns the getenv shape of fn: from this package's analysis
// or from a fact.
func (pr *Provenance) helperOf(fn *types.Func) *EnvDefaultFact {
	if fn.Pkg() == pr.pass.Pkg {
		pr.findHelpers()
		return pr.helpers[fn]
	}
	var f EnvDefaultFact
	if pr.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// findHelpers finds this package's functions that return an environment
// variable named by one parameter, or another parameter when it is unset,
// and exports the shape as a fact.
func (pr *Provenance) findHelpers() {
	if pr.helpers != nil {
		return
	}
	pr.helpers = make(map[*types.Func]*EnvDefaultFact)
	for fn, decl := range pr.ix.Funcs {
		if decl.Body == nil {
			continue
		}
		sig, ok := fn.Type().(*types.Signature)
		if !ok || sig.Params().Len() < 2 || sig.Results().Len() == 0 || !keyLike(sig.Results().At(0).Type()) {
			continue
		}
		parts, ok := pr.helperReturns(decl)
		if !ok {
			continue
		}
		envParam, defParam := -1, -1
		for p := range parts {
			switch {
			case p.env && (envParam == -1 || envParam == p.param):
				envParam = p.param
			case !p.env && (defParam == -1 || defParam == p.param):
				defParam = p.param
			default:
				ok = false
			}
		}
		if !ok || envParam < 0 || defParam < 0 || envParam == defParam {
			continue
		}
		f := &EnvDefaultFact{Name: envParam, Default: defParam}
		pr.helpers[fn] = f
		if fn.Exported() {
			pr.pass.ExportObjectFact(fn, f)
		}
	}
}

type helperPart struct {
	env   bool // the environment variable named by param; else param itself
	param int
}

func (pr *Provenance) helperReturns(decl *ast.FuncDecl) (map[helperPart]bool, bool) {
	parts := map[helperPart]bool{}
	for _, ret := range jwtapi.OwnReturns(decl.Body) {
		if len(ret.Results) == 0 || !pr.helperExpr(ret.Results[0], parts, 0) {
			return parts, false
		}
	}
	return parts, len(parts) > 0
}

// helperExpr classifies a returned expression of a getenv helper.
func (pr *Provenance) helperExpr(e ast.Expr, parts map[helperPart]bool, depth int) bool {
	if depth > 4 {
		return false
	}
	e = jwtapi.UnwrapValue(pr.info, e)
	if s, ok := jwtapi.ConstString(pr.info, e); ok && s == "" {
		return true // returning "" when unset is no default
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := pr.info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		if pr.ix.Defs.IsParam(v) {
			i := pr.paramIndex(v)
			if i < 0 {
				return false
			}
			parts[helperPart{param: i}] = true
			return true
		}
		defs, ok := pr.ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			if d.Expr == nil {
				continue
			}
			if d.Index > 0 {
				return false
			}
			if !pr.helperExpr(d.Expr, parts, depth+1) {
				return false
			}
		}
		return true
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(pr.info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		if src := pr.configGetterOf(fn); src != nil && src.Reads == jwtapi.ReadsEnv {
			if len(x.Args) != 1 || src.NameIn(x) != x.Args[0] {
				return false
			}
			// The name is a parameter, perhaps with a prefix:
			// os.Getenv(e.prefix + name), strings.ToUpper(name).
			param := -1
			ok := true
			ast.Inspect(x.Args[0], func(n ast.Node) bool {
				id, isID := n.(*ast.Ident)
				if !isID {
					return true
				}
				if v, isVar := pr.info.Uses[id].(*types.Var); isVar && pr.ix.Defs.IsParam(v) && !pr.isRecvVar(v) {
					i := pr.paramIndex(v)
					if i < 0 || (param >= 0 && param != i) {
						ok = false
					}
					param = i
				}
				return true
			})
			if !ok || param < 0 {
				return false
			}
			parts[helperPart{env: true, param: param}] = true
			return true
		}
		if fn.Pkg().Path() == "cmp" && fn.Name() == "Or" {
			for _, a := range x.Args {
				if !pr.helperExpr(a, parts, depth+1) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// --- if v == "" { v = "…" } ---

// envTest is an if condition that tests whether a Lookup found a value.
type envTest struct {
	subject       ast.Expr
	holder        types.Object // the variable or field holding the value
	look          Lookup
	emptyWhenTrue bool
}

func (pr *Provenance) guardSites(cur inspector.Cursor, ifs *ast.IfStmt) []*FallbackSite {
	t, ok := pr.presence(ifs.Cond, 0)
	if !ok {
		return nil
	}
	var out []*FallbackSite
	var branch *ast.BlockStmt
	if t.emptyWhenTrue {
		branch = ifs.Body
	} else if b, ok := ifs.Else.(*ast.BlockStmt); ok {
		branch = b
	}
	if branch != nil {
		for _, st := range branch.List {
			out = append(out, pr.branchSites(cur, st, t)...)
		}
	}
	if !t.emptyWhenTrue && ifs.Else == nil {
		// secret := "…"; if v := os.Getenv(…); v != "" { secret = v }
		for _, st := range ifs.Body.List {
			as, ok := st.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			for i, r := range as.Rhs {
				if !pr.sameValue(r, t) {
					continue
				}
				out = append(out, pr.priorDefSites(cur, as.Lhs[i], t)...)
			}
		}
		// if v := os.Getenv(…); v != "" { return v }; return "…"
		if n := len(ifs.Body.List); n > 0 {
			if ret, ok := ifs.Body.List[n-1].(*ast.ReturnStmt); ok && len(ret.Results) > 0 && pr.sameValue(ret.Results[0], t) {
				if next, ok := cur.NextSibling(); ok {
					if r2, ok := next.Node().(*ast.ReturnStmt); ok && len(r2.Results) > 0 {
						if s := pr.constSite(next, r2.Results[0], t.look); s != nil {
							s.add(pr.ReturnDest(next), false)
							out = append(out, s)
						}
					}
				}
			}
		}
	}
	return out
}

// branchSites finds constant assignments and returns directly in the
// branch taken when the Lookup found nothing.
func (pr *Provenance) branchSites(ifCur inspector.Cursor, st ast.Stmt, t envTest) []*FallbackSite {
	stCur, ok := ifCur.FindNode(st)
	if !ok {
		return nil
	}
	var out []*FallbackSite
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok != token.ASSIGN || len(st.Lhs) != len(st.Rhs) {
			return nil
		}
		for i, r := range st.Rhs {
			s := pr.constSite(stCur, r, t.look)
			if s == nil {
				continue
			}
			s.add(pr.LValue(st.Lhs[i]), false)
			if v := LocalVar(pr.info, st.Lhs[i]); v != nil {
				s.add(pr.UsesDest(stCur, v), false)
			}
			out = append(out, s)
		}
	case *ast.ExprStmt:
		// os.Setenv("JWT_SECRET", "…") when it is unset.
		call, ok := st.X.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return nil
		}
		fn, _ := typeutil.Callee(pr.info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "os" || fn.Name() != "Setenv" {
			return nil
		}
		name, _ := jwtapi.ConstString(pr.info, call.Args[0])
		look := Lookup{What: "environment variable", Name: name, Via: "os.Setenv", Pos: call.Pos()}
		if s := pr.constSite(stCur, call.Args[1], look); s != nil {
			s.Roots = append(s.Roots, Root{ID: "env:" + name, Param: -1})
			out = append(out, s)
		}
	case *ast.ReturnStmt:
		if len(st.Results) == 0 {
			return nil
		}
		if s := pr.constSite(stCur, st.Results[0], t.look); s != nil {
			s.add(pr.ReturnDest(stCur), false)
			out = append(out, s)
		}
	}
	return out
}

// priorDefSites: the constant definitions of target other than the
// Lookup's, which are what target holds when the Lookup finds nothing.
func (pr *Provenance) priorDefSites(cur inspector.Cursor, target ast.Expr, t envTest) []*FallbackSite {
	var v *types.Var
	switch x := ast.Unparen(target).(type) {
	case *ast.Ident:
		v, _ = pr.info.Uses[x].(*types.Var)
	case *ast.SelectorExpr:
		if sel, ok := pr.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			v, _ = sel.Obj().(*types.Var)
		} else {
			v, _ = pr.info.Uses[x.Sel].(*types.Var)
		}
	}
	if v == nil {
		return nil
	}
	defs, ok := pr.ix.Defs.Of(v)
	if !ok {
		return nil
	}
	var out []*FallbackSite
	for _, d := range defs {
		if d.Expr == nil || d.Index >= 0 {
			continue
		}
		dc, ok := pr.ins.Root().FindByPos(d.Expr.Pos(), d.Expr.End())
		if !ok {
			continue
		}
		s := pr.constSite(dc, d.Expr, t.look)
		if s == nil {
			continue
		}
		s.add(pr.LValue(target), false)
		if lv := LocalVar(pr.info, target); lv != nil {
			s.add(pr.UsesDest(cur, lv), false)
		}
		out = append(out, s)
	}
	return out
}

// constSite builds a site for a non-empty constant e.
func (pr *Provenance) constSite(cur inspector.Cursor, e ast.Expr, look Lookup) *FallbackSite {
	o := pr.flow.Origin(e)
	if o.Kind != Constant || o.Const.Len == 0 || o.Const.PEM.Public {
		return nil
	}
	s := &FallbackSite{Lookup: look, ConstPos: o.Pos, Where: pr.flow.Describe(o), Pos: e.Pos(), End: e.End(), Value: o.Const}
	if pr.inPackage(o.Pos) {
		s.Pos, s.End = o.Pos, o.Pos
		if o.Expr != nil {
			s.End = o.Expr.End()
		}
	}
	return s
}

// sameValue reports whether e reads the value the test looked at.
func (pr *Provenance) sameValue(e ast.Expr, t envTest) bool {
	e = jwtapi.UnwrapValue(pr.info, e)
	if t.holder != nil {
		switch x := e.(type) {
		case *ast.Ident:
			return pr.info.Uses[x] == t.holder
		case *ast.SelectorExpr:
			if sel, ok := pr.info.Selections[x]; ok {
				return sel.Obj() == t.holder
			}
			return pr.info.Uses[x.Sel] == t.holder
		}
		return false
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	look, ok := pr.lookupCall(call)
	return ok && look.Name != "" && look.Name == t.look.Name
}

// presence recognises `x == ""`, `x != ""`, `len(x) == 0`, `len(x) > 0`,
// `!ok`, `ok`, and a disjunction holding an emptiness test, where x holds
// the result of a Lookup.
func (pr *Provenance) presence(cond ast.Expr, depth int) (envTest, bool) {
	if depth > 4 {
		return envTest{}, false
	}
	cond = ast.Unparen(cond)
	switch x := cond.(type) {
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LOR:
			for _, side := range []ast.Expr{x.X, x.Y} {
				if t, ok := pr.presence(side, depth+1); ok && t.emptyWhenTrue {
					return t, true
				}
			}
			return envTest{}, false
		case token.EQL, token.NEQ:
			var subject ast.Expr
			if s, ok := jwtapi.ConstString(pr.info, x.Y); ok && s == "" {
				subject = x.X
			} else if s, ok := jwtapi.ConstString(pr.info, x.X); ok && s == "" {
				subject = x.Y
			} else if n := jwtapi.LenOperand(pr.info, x.X); n != nil && jwtapi.IsConstZero(pr.info, x.Y) {
				subject = n
			} else {
				return envTest{}, false
			}
			t, ok := pr.lookupValue(subject)
			t.emptyWhenTrue = x.Op == token.EQL
			return t, ok
		case token.GTR, token.LSS, token.GEQ:
			n := jwtapi.LenOperand(pr.info, x.X)
			if n == nil {
				return envTest{}, false
			}
			t, ok := pr.lookupValue(n)
			switch {
			case x.Op == token.GTR && jwtapi.IsConstZero(pr.info, x.Y), x.Op == token.GEQ && isOne(pr.info, x.Y):
				t.emptyWhenTrue = false
			case x.Op == token.LSS && isOne(pr.info, x.Y):
				t.emptyWhenTrue = true
			default:
				return envTest{}, false
			}
			return t, ok
		}
	case *ast.UnaryExpr:
		if x.Op != token.NOT {
			return envTest{}, false
		}
		t, ok := pr.okFlag(x.X)
		t.emptyWhenTrue = true
		return t, ok
	case *ast.Ident:
		t, ok := pr.okFlag(x)
		t.emptyWhenTrue = false
		return t, ok
	}
	return envTest{}, false
}

func isOne(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.ExactString() == "1"
}

// okFlag recognises the bool result of os.LookupEnv.
func (pr *Provenance) okFlag(e ast.Expr) (envTest, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return envTest{}, false
	}
	v, ok := pr.info.Uses[id].(*types.Var)
	if !ok {
		return envTest{}, false
	}
	defs, ok := pr.ix.Defs.Of(v)
	if !ok || len(defs) != 1 || defs[0].Index != 1 {
		return envTest{}, false
	}
	call, ok := ast.Unparen(defs[0].Expr).(*ast.CallExpr)
	if !ok {
		return envTest{}, false
	}
	look, ok := pr.lookupCall(call)
	fn, _ := typeutil.Callee(pr.info, call).(*types.Func)
	if src := jwtapi.ConfigSourceOf(fn); !ok || src == nil || !src.TellsUnset {
		return envTest{}, false
	}
	t := envTest{subject: call, look: look}
	// The value is the sibling result of the same call.
	for w, ds := range pr.lookupSiblings(call) {
		_ = ds
		t.holder = w
	}
	return t, true
}

// lookupSiblings returns the variable given result 0 of call.
func (pr *Provenance) lookupSiblings(call *ast.CallExpr) map[types.Object]bool {
	out := map[types.Object]bool{}
	cur, ok := pr.ins.Root().FindNode(call)
	if !ok {
		return out
	}
	p := cur.Parent().Node()
	switch p := p.(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 2 && len(p.Rhs) == 1 {
			if id, ok := p.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
				obj := pr.info.Defs[id]
				if obj == nil {
					obj = pr.info.Uses[id]
				}
				if obj != nil {
					out[obj] = true
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == 2 && p.Names[0].Name != "_" {
			if obj := pr.info.Defs[p.Names[0]]; obj != nil {
				out[obj] = true
			}
		}
	}
	return out
}

// lookupValue recognises an expression holding a Lookup's result: the
// call itself, or a variable or field one of whose definitions is it.
func (pr *Provenance) lookupValue(e ast.Expr) (envTest, bool) {
	e = jwtapi.UnwrapValue(pr.info, e)
	if call, ok := e.(*ast.CallExpr); ok {
		look, ok := pr.lookupCall(call)
		return envTest{subject: call, look: look}, ok
	}
	var v *types.Var
	switch x := e.(type) {
	case *ast.Ident:
		v, _ = pr.info.Uses[x].(*types.Var)
	case *ast.SelectorExpr:
		if sel, ok := pr.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			v, _ = sel.Obj().(*types.Var)
			// A field an env-config library fills: `env:"JWT_SECRET"`.
			if name, ok := envTagOf(sel); ok {
				return envTest{subject: e, holder: v, look: Lookup{What: "environment variable", Name: name, Via: "env struct tag", Pos: x.Pos()}}, true
			}
		} else {
			v, _ = pr.info.Uses[x.Sel].(*types.Var)
		}
	}
	if v == nil {
		return envTest{}, false
	}
	defs, ok := pr.ix.Defs.Of(v)
	if !ok {
		return envTest{}, false
	}
	if v.IsField() {
		// Config{Secret: os.Getenv(…)} defines the field too.
		for _, e := range pr.ix.Defs.LitValues(v) {
			defs = append(defs, jwtapi.Def{Expr: e, Index: -1})
		}
	}
	for _, d := range defs {
		if d.Expr == nil || d.Index > 0 {
			continue
		}
		call, ok := jwtapi.UnwrapValue(pr.info, d.Expr).(*ast.CallExpr)
		if !ok {
			continue
		}
		if look, ok := pr.lookupCall(call); ok {
			return envTest{subject: e, holder: v, look: look}, true
		}
	}
	return envTest{}, false
}

// lookupCall recognises a read of an environment variable or config key.
func (pr *Provenance) lookupCall(call *ast.CallExpr) (Lookup, bool) {
	fn, _ := typeutil.Callee(pr.info, call).(*types.Func)
	row := pr.configGetterOf(fn)
	if row == nil || row.NameIn(call) == nil {
		return Lookup{}, false
	}
	name, _ := jwtapi.ConstString(pr.info, row.NameIn(call))
	if name == "" && row.Reads == jwtapi.ReadsEnv {
		name = pr.flow.Origin(call).Env
	}
	return Lookup{What: string(row.Reads), Name: name, Via: fn.Pkg().Name() + "." + fn.Name(), Pos: call.Pos()}, true
}

// --- struct tags ---

func (pr *Provenance) tagSites(cur inspector.Cursor, st *ast.StructType) []*FallbackSite {
	if st.Fields == nil {
		return nil
	}
	ctx := pr.structContext(cur, 0)
	var out []*FallbackSite
	for _, f := range st.Fields.List {
		if f.Tag == nil || len(f.Names) == 0 {
			continue
		}
		raw, err := strconv.Unquote(f.Tag.Value)
		if err != nil {
			continue
		}
		tag := reflect.StructTag(raw)
		def, tagKey := jwtapi.TagDefault(tag)
		if def == "" || strings.Contains(def, "${") {
			continue
		}
		field, _ := pr.info.Defs[f.Names[0]].(*types.Var)
		if field == nil || !keyLike(field.Type()) {
			continue
		}
		look := Lookup{What: "environment variable", Via: tagKey + " struct tag", Pos: f.Tag.Pos()}
		var extra []Name
		for _, nt := range jwtapi.NameTags() {
			k := nt.Tag
			v, ok := tag.Lookup(k)
			if !ok {
				continue
			}
			n := strings.TrimSpace(strings.Split(v, ",")[0])
			if n == "" || n == "-" {
				continue
			}
			if nt.Reads == jwtapi.ReadsEnv && look.Name == "" {
				look.Name = n
			}
			extra = append(extra, Name{Context: ctx, Words: jwtapi.Words(n)})
		}
		where := fmt.Sprintf("the %s tag of field %s (%s)", tagKey, f.Names[0].Name, position(pr.pass.Fset, f.Tag.Pos()))
		s := &FallbackSite{Pos: f.Tag.Pos(), End: f.Tag.End(), Where: where, Lookup: look}
		s.Names = append(s.Names, Name{Context: ctx, Words: jwtapi.Words(f.Names[0].Name)})
		s.Names = append(s.Names, extra...)
		if id := pr.ObjID(field); id != "" {
			s.Roots = append(s.Roots, Root{ID: id, Obj: field, Param: -1})
			s.Objs = append(s.Objs, field)
		}
		out = append(out, s)
	}
	return out
}

// structContext returns the words naming a struct type: its type name,
// or for a nested anonymous struct the field names leading to it.
func (pr *Provenance) structContext(cur inspector.Cursor, depth int) []string {
	if depth > 4 {
		return nil
	}
	p := cur.Parent()
	switch n := p.Node().(type) {
	case *ast.TypeSpec:
		return jwtapi.Words(n.Name.Name)
	case *ast.Field:
		var ws []string
		// Field -> FieldList -> StructType
		if outer := p.Parent().Parent(); outer.Node() != nil {
			if _, ok := outer.Node().(*ast.StructType); ok {
				ws = append(ws, pr.structContext(outer, depth+1)...)
			}
		}
		for _, nm := range n.Names {
			ws = append(ws, jwtapi.Words(nm.Name)...)
		}
		return ws
	}
	return nil
}

// envTagOf returns the environment variable an `env` or `envconfig` tag
// names for the selected field.
func envTagOf(sel *types.Selection) (string, bool) {
	t := sel.Recv()
	idx := sel.Index()
	for i, fi := range idx {
		st := jwtapi.StructOf(t)
		if st == nil || fi >= st.NumFields() {
			return "", false
		}
		if i == len(idx)-1 {
			tag := reflect.StructTag(st.Tag(fi))
			for _, nt := range jwtapi.NameTags() {
				if nt.Reads != jwtapi.ReadsEnv {
					continue
				}
				if v, ok := tag.Lookup(nt.Tag); ok {
					if n := strings.TrimSpace(strings.Split(v, ",")[0]); n != "" && n != "-" {
						return n, true
					}
				}
			}
			return "", false
		}
		t = st.Field(fi).Type()
	}
	return "", false
}

// funcName names a function for messages: getenv, envutil.Get,
// Env.String.
func (pr *Provenance) funcName(fn *types.Func) string {
	name := fn.Name()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && jwtapi.NamedTypeName(sig.Recv().Type()) != "" {
		name = jwtapi.NamedTypeName(sig.Recv().Type()) + "." + name
	}
	if fn.Pkg() != nil && fn.Pkg() != pr.pass.Pkg {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}
