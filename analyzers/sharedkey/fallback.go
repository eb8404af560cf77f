package sharedkey

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
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// lookup is a read of configuration: an environment variable, a config
// key or a flag.
type lookup struct {
	what string // "environment variable", "config key", "flag"
	name string // its name when constant, else ""
	via  string // the function that reads or registers it
	pos  token.Pos
}

func (l lookup) String() string {
	switch {
	case l.name != "" && l.what == "flag":
		return "flag -" + l.name
	case l.name != "":
		return l.what + " " + l.name
	}
	return "the " + l.what
}

// nameCtx is a name (the last words) and what contains it (context).
type nameCtx struct{ context, name []string }

// fbSite is one constant fallback of a lookup.
type fbSite struct {
	pos, end token.Pos // where to report
	constPos token.Pos // keyflow's position of the constant, for matching sinks
	where    string    // the constant, by place
	look     lookup
	names    []nameCtx
	refs     []rootRef      // identities of where the value goes
	objs     []types.Object // package-level destinations, for facts
	value    keyflow.Const  // the constant, measured
}

func (s *fbSite) qualified() bool {
	if s.look.name != "" && isSecretName(nil, words(s.look.name)) {
		return true
	}
	for _, n := range s.names {
		if isSecretName(n.context, n.name) {
			return true
		}
	}
	return false
}

// checkFallbacks reports lookups whose constant default reaches a key or
// is named as a JWT secret.
func (c *checker) checkFallbacks() {
	var sites []*fbSite
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil), (*ast.IfStmt)(nil), (*ast.StructType)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			if s := c.callSite(cur, n); s != nil {
				sites = append(sites, s)
			}
		case *ast.IfStmt:
			sites = append(sites, c.guardSites(cur, n)...)
		case *ast.StructType:
			sites = append(sites, c.tagSites(cur, n)...)
		}
	}
	reportedSites := map[*fbSite]bool{}
	for _, s := range sites {
		if c.rejectedAtStartup(s) {
			continue
		}
		sink := c.sinkFallbacks[s.constPos]
		if !s.constPos.IsValid() {
			sink = nil
		}
		if sink == nil {
			for _, r := range s.refs {
				if k, ok := c.sinkRoots[r.id]; ok {
					sink = k
					break
				}
			}
		}
		reported := sink != nil || s.qualified()
		if reported {
			reportedSites[s] = true
			c.reportSite(s, sink)
		}
		if reported {
			continue
		}
		// Another package may read the value into a key: tell it.
		for _, obj := range s.objs {
			if obj.Pkg() != c.pass.Pkg || !obj.Exported() {
				continue
			}
			c.pass.ExportObjectFact(obj, &FallbackFact{Where: c.placeOf(s), Lookup: s.look.String(), Via: s.look.via})
		}
	}
	c.exportGetters(sites, reportedSites)
	c.importedFallbacks()
}

// exportGetters exports a FallbackFact for exported functions of this
// package that return a value with an unreported constant fallback:
// func SecretKey() []byte { return []byte(secretKey) }.
func (c *checker) exportGetters(sites []*fbSite, reported map[*fbSite]bool) {
	byConst := map[token.Pos]*fbSite{}
	for _, s := range sites {
		if s.constPos.IsValid() && !reported[s] {
			byConst[s.constPos] = s
		}
	}
	if len(byConst) == 0 {
		return
	}
	for fn, decl := range c.ix.Funcs {
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
				o := c.flow.Origin(n.Results[0])
				if s := byConst[o.Pos]; o.Kind == keyflow.Fallback && s != nil {
					var f FallbackFact
					if !c.pass.ImportObjectFact(fn, &f) {
						c.pass.ExportObjectFact(fn, &FallbackFact{Where: c.placeOf(s), Lookup: s.look.String(), Via: s.look.via})
					}
				}
			}
			return true
		})
	}
}

// placeOf describes a site's constant for other packages.
func (c *checker) placeOf(s *fbSite) string {
	w := s.where
	if i := strings.LastIndex(w, "("); i >= 0 && strings.HasSuffix(w, ")") {
		return w[:i] + "(" + lastElem(c.pass.Pkg.Path()) + "/" + w[i+1:]
	}
	return w
}

func (c *checker) reportSite(s *fbSite, sink *jwtapi.KeySink) {
	subject := "jwt secret"
	if sink != nil {
		subject = sinkSubject(sink)
	} else if d := s.display(); d != "" {
		subject = "jwt secret " + d
	}
	via := s.look.via
	if !c.sameLine(s.look.pos, s.pos) && s.look.pos.IsValid() {
		via += " at " + c.at(s.look.pos)
	}
	c.report(s.pos, s.end, "%s falls back to %s when %s is unset (%s): every environment without it shares this secret; fail when it is unset and give each environment its own secret",
		subject, s.where, s.look, via)
}

// display names the first secret-like destination of a site.
func (s *fbSite) display() string {
	for _, n := range s.names {
		if isSecretName(n.context, n.name) && len(n.name) > 0 {
			return strings.Join(n.name, "_")
		}
	}
	return ""
}

// importedFallbacks reports keys read from another package's variable,
// field or function whose fallback that package did not report.
func (c *checker) importedFallbacks() {
	done := map[string]bool{}
	for _, s := range c.sinks {
		if c.isReported(s.Key.Pos()) {
			continue
		}
		for _, r := range c.roots(s.Key) {
			if r.obj == nil || r.obj.Pkg() == nil || r.obj.Pkg() == c.pass.Pkg {
				continue
			}
			var f FallbackFact
			if !c.pass.ImportObjectFact(r.obj, &f) || done[f.Where] {
				continue
			}
			done[f.Where] = true
			c.report(s.Key.Pos(), s.Key.End(), "%s falls back to %s when %s is unset (%s): every environment without it shares this secret; fail when it is unset and give each environment its own secret",
				sinkSubject(s), f.Where, f.Lookup, f.Via)
			break
		}
	}
}

// --- call sites: cmp.Or, getenv helpers, config defaults ---

func (c *checker) callSite(cur inspector.Cursor, call *ast.CallExpr) *fbSite {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	if fn.Pkg().Path() == "cmp" && fn.Name() == "Or" {
		o := c.flow.Origin(call)
		if o.Kind != keyflow.Fallback || o.Const.Len == 0 {
			return nil
		}
		var def ast.Expr
		for _, a := range call.Args[1:] {
			if ao := c.flow.Origin(a); ao.Kind == keyflow.Constant {
				def = a
				break
			}
		}
		if def == nil {
			return nil
		}
		look := lookup{what: "environment variable", name: o.Env, via: "cmp.Or", pos: call.Pos()}
		return c.newCallSite(cur, call, def, look)
	}
	if h := c.helperOf(fn); h != nil {
		if h.Name >= len(call.Args) || h.Default >= len(call.Args) {
			return nil
		}
		name, _ := c.constString(call.Args[h.Name])
		look := lookup{what: "environment variable", name: name, via: c.funcName(fn), pos: call.Pos()}
		return c.newCallSite(cur, call, call.Args[h.Default], look)
	}
	if fn.Pkg() == c.pass.Pkg {
		// Any other function of this package that keyflow sees return a
		// lookup or one of its constant arguments: firstNonEmpty(os.Getenv(…), "…").
		if o := c.flow.Origin(call); o.Kind == keyflow.Fallback && o.Const.Len != 0 {
			for _, a := range call.Args {
				if ao := c.flow.Origin(a); ao.Kind == keyflow.Constant && ao.Pos == o.Pos {
					look := lookup{what: "environment variable", name: o.Env, via: c.funcName(fn), pos: call.Pos()}
					return c.newCallSite(cur, call, a, look)
				}
			}
		}
	}
	if row := c.configDefaultOf(fn); row != nil {
		if row.NameArg >= len(call.Args) || row.DefaultArg >= len(call.Args) {
			return nil
		}
		name, _ := c.constString(call.Args[row.NameArg])
		look := lookup{what: string(row.Reads), name: name, via: fn.Pkg().Name() + "." + fn.Name(), pos: call.Pos()}
		s := c.newCallSite(cur, call, call.Args[row.DefaultArg], look)
		if s == nil {
			return nil
		}
		if row.Reads == jwtapi.ReadsConfigKey && name != "" {
			s.refs = append(s.refs, rootRef{id: "cfgkey:" + strings.ToLower(name), param: -1})
		}
		if row.PtrArg >= 0 && row.PtrArg < len(call.Args) {
			// flag.StringVar(&cfg.JWTSecret, …): the variable is the
			// destination.
			if nc, refs, objs := c.lvalue(call.Args[row.PtrArg]); len(nc.name) > 0 {
				s.names = append(s.names, nc)
				s.refs = append(s.refs, refs...)
				s.objs = append(s.objs, objs...)
			}
		}
		return s
	}
	return nil
}

// newCallSite builds a site for a call whose argument def is the
// default. It returns nil unless def is a non-empty constant.
func (c *checker) newCallSite(cur inspector.Cursor, call *ast.CallExpr, def ast.Expr, look lookup) *fbSite {
	o := c.flow.Origin(def)
	if o.Kind != keyflow.Constant || o.Const.Len == 0 {
		return nil
	}
	s := &fbSite{look: look, constPos: o.Pos, where: c.flow.Describe(o), value: o.Const}
	s.pos, s.end = def.Pos(), def.End()
	if c.inPackage(o.Pos) {
		s.pos = o.Pos
		s.end = o.Pos
		if o.Expr != nil {
			s.end = o.Expr.End()
		}
	}
	s.refs = append(s.refs, rootRef{id: fmt.Sprintf("at:%d", call.Pos()), param: -1})
	names, refs, objs := c.destOf(cur, true)
	s.names = append(s.names, names...)
	s.refs = append(s.refs, refs...)
	s.objs = append(s.objs, objs...)
	return s
}

func (c *checker) configDefaultOf(fn *types.Func) *jwtapi.ConfigSource {
	if r := jwtapi.ConfigSourceOf(fn); r != nil && r.RegistersDefault() {
		return r
	}
	return nil
}

func (c *checker) configGetterOf(fn *types.Func) *jwtapi.ConfigSource {
	if r := jwtapi.ConfigSourceOf(fn); r != nil && r.IsGetter() {
		return r
	}
	return nil
}

func recvName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	return typeNameOf(sig.Recv().Type())
}

// --- getenv(name, def) helpers ---

// helperOf returns the getenv shape of fn: from this package's analysis
// or from a fact.
func (c *checker) helperOf(fn *types.Func) *EnvDefaultFact {
	if fn.Pkg() == c.pass.Pkg {
		return c.helpers[fn]
	}
	var f EnvDefaultFact
	if c.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// findHelpers finds this package's functions that return an environment
// variable named by one parameter, or another parameter when it is unset,
// and exports the shape as a fact.
func (c *checker) findHelpers() {
	for fn, decl := range c.ix.Funcs {
		if decl.Body == nil {
			continue
		}
		sig, ok := fn.Type().(*types.Signature)
		if !ok || sig.Params().Len() < 2 || sig.Results().Len() == 0 || !keyLike(sig.Results().At(0).Type()) {
			continue
		}
		parts, ok := c.helperReturns(decl)
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
		c.helpers[fn] = f
		if fn.Exported() {
			c.pass.ExportObjectFact(fn, f)
		}
	}
}

type helperPart struct {
	env   bool // the environment variable named by param; else param itself
	param int
}

func (c *checker) helperReturns(decl *ast.FuncDecl) (map[helperPart]bool, bool) {
	parts := map[helperPart]bool{}
	for _, ret := range jwtapi.OwnReturns(decl.Body) {
		if len(ret.Results) == 0 || !c.helperExpr(ret.Results[0], parts, 0) {
			return parts, false
		}
	}
	return parts, len(parts) > 0
}

// helperExpr classifies a returned expression of a getenv helper.
func (c *checker) helperExpr(e ast.Expr, parts map[helperPart]bool, depth int) bool {
	if depth > 4 {
		return false
	}
	e = ast.Unparen(e)
	if s, ok := c.constString(e); ok && s == "" {
		return true // returning "" when unset is no default
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		if c.ix.Defs.IsParam(v) {
			i := c.paramIndex(v)
			if i < 0 {
				return false
			}
			parts[helperPart{param: i}] = true
			return true
		}
		defs, ok := c.ix.Defs.Of(v)
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
			if !c.helperExpr(d.Expr, parts, depth+1) {
				return false
			}
		}
		return true
	case *ast.CallExpr:
		if isTypeExpr(c.info, x.Fun) && len(x.Args) == 1 {
			return c.helperExpr(x.Args[0], parts, depth+1)
		}
		fn, _ := typeutil.Callee(c.info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		if src := c.configGetterOf(fn); src != nil && src.Reads == jwtapi.ReadsEnv {
			if len(x.Args) != 1 || src.NameArg != 0 {
				return false
			}
			// The name is a parameter, perhaps with a prefix:
			// os.Getenv(e.prefix + name), strings.ToUpper(name).
			param := -1
			ok := true
			ast.Inspect(x.Args[src.NameArg], func(n ast.Node) bool {
				id, isID := n.(*ast.Ident)
				if !isID {
					return true
				}
				if v, isVar := c.info.Uses[id].(*types.Var); isVar && c.ix.Defs.IsParam(v) && !c.isRecvVar(v) {
					i := c.paramIndex(v)
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
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "cmp.Or":
			for _, a := range x.Args {
				if !c.helperExpr(a, parts, depth+1) {
					return false
				}
			}
			return true
		case "strings.TrimSpace":
			return len(x.Args) == 1 && c.helperExpr(x.Args[0], parts, depth+1)
		}
	}
	return false
}

// --- if v == "" { v = "…" } ---

// envTest is an if condition that tests whether a lookup found a value.
type envTest struct {
	subject       ast.Expr
	holder        types.Object // the variable or field holding the value
	look          lookup
	emptyWhenTrue bool
}

func (c *checker) guardSites(cur inspector.Cursor, ifs *ast.IfStmt) []*fbSite {
	t, ok := c.presence(ifs.Cond, 0)
	if !ok {
		return nil
	}
	var out []*fbSite
	var branch *ast.BlockStmt
	if t.emptyWhenTrue {
		branch = ifs.Body
	} else if b, ok := ifs.Else.(*ast.BlockStmt); ok {
		branch = b
	}
	if branch != nil {
		for _, st := range branch.List {
			out = append(out, c.branchSites(cur, st, t)...)
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
				if !c.sameValue(r, t) {
					continue
				}
				out = append(out, c.priorDefSites(cur, as.Lhs[i], t)...)
			}
		}
		// if v := os.Getenv(…); v != "" { return v }; return "…"
		if n := len(ifs.Body.List); n > 0 {
			if ret, ok := ifs.Body.List[n-1].(*ast.ReturnStmt); ok && len(ret.Results) > 0 && c.sameValue(ret.Results[0], t) {
				if next, ok := cur.NextSibling(); ok {
					if r2, ok := next.Node().(*ast.ReturnStmt); ok && len(r2.Results) > 0 {
						if s := c.constSite(next, r2.Results[0], t.look); s != nil {
							s.names = append(s.names, c.returnDest(next)...)
							s.refs = append(s.refs, c.returnRefs(next)...)
							s.objs = append(s.objs, c.returnObjs(next)...)
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
// branch taken when the lookup found nothing.
func (c *checker) branchSites(ifCur inspector.Cursor, st ast.Stmt, t envTest) []*fbSite {
	stCur, ok := ifCur.FindNode(st)
	if !ok {
		return nil
	}
	var out []*fbSite
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok != token.ASSIGN || len(st.Lhs) != len(st.Rhs) {
			return nil
		}
		for i, r := range st.Rhs {
			s := c.constSite(stCur, r, t.look)
			if s == nil {
				continue
			}
			nc, refs, objs := c.lvalue(st.Lhs[i])
			s.names = append(s.names, nc)
			s.refs = append(s.refs, refs...)
			s.objs = append(s.objs, objs...)
			if v := localVar(c.info, st.Lhs[i]); v != nil {
				names, refs, objs := c.usesDest(stCur, v)
				s.names = append(s.names, names...)
				s.refs = append(s.refs, refs...)
				s.objs = append(s.objs, objs...)
			}
			out = append(out, s)
		}
	case *ast.ExprStmt:
		// os.Setenv("JWT_SECRET", "…") when it is unset.
		call, ok := st.X.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return nil
		}
		fn, _ := typeutil.Callee(c.info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "os" || fn.Name() != "Setenv" {
			return nil
		}
		name, _ := c.constString(call.Args[0])
		look := lookup{what: "environment variable", name: name, via: "os.Setenv", pos: call.Pos()}
		if s := c.constSite(stCur, call.Args[1], look); s != nil {
			s.refs = append(s.refs, rootRef{id: "env:" + name, param: -1})
			out = append(out, s)
		}
	case *ast.ReturnStmt:
		if len(st.Results) == 0 {
			return nil
		}
		if s := c.constSite(stCur, st.Results[0], t.look); s != nil {
			s.names = append(s.names, c.returnDest(stCur)...)
			s.refs = append(s.refs, c.returnRefs(stCur)...)
			s.objs = append(s.objs, c.returnObjs(stCur)...)
			out = append(out, s)
		}
	}
	return out
}

// priorDefSites: the constant definitions of target other than the
// lookup's, which are what target holds when the lookup finds nothing.
func (c *checker) priorDefSites(cur inspector.Cursor, target ast.Expr, t envTest) []*fbSite {
	var v *types.Var
	switch x := ast.Unparen(target).(type) {
	case *ast.Ident:
		v, _ = c.info.Uses[x].(*types.Var)
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			v, _ = sel.Obj().(*types.Var)
		} else {
			v, _ = c.info.Uses[x.Sel].(*types.Var)
		}
	}
	if v == nil {
		return nil
	}
	defs, ok := c.ix.Defs.Of(v)
	if !ok {
		return nil
	}
	var out []*fbSite
	for _, d := range defs {
		if d.Expr == nil || d.Index >= 0 {
			continue
		}
		dc, ok := c.ins.Root().FindByPos(d.Expr.Pos(), d.Expr.End())
		if !ok {
			continue
		}
		s := c.constSite(dc, d.Expr, t.look)
		if s == nil {
			continue
		}
		nc, refs, objs := c.lvalue(target)
		s.names = append(s.names, nc)
		s.refs = append(s.refs, refs...)
		s.objs = append(s.objs, objs...)
		if lv := localVar(c.info, target); lv != nil {
			names, refs, objs := c.usesDest(cur, lv)
			s.names = append(s.names, names...)
			s.refs = append(s.refs, refs...)
			s.objs = append(s.objs, objs...)
		}
		out = append(out, s)
	}
	return out
}

// constSite builds a site for a non-empty constant e.
func (c *checker) constSite(cur inspector.Cursor, e ast.Expr, look lookup) *fbSite {
	o := c.flow.Origin(e)
	if o.Kind != keyflow.Constant || o.Const.Len == 0 || o.Const.PEM.Public {
		return nil
	}
	s := &fbSite{look: look, constPos: o.Pos, where: c.flow.Describe(o), pos: e.Pos(), end: e.End(), value: o.Const}
	if c.inPackage(o.Pos) {
		s.pos, s.end = o.Pos, o.Pos
		if o.Expr != nil {
			s.end = o.Expr.End()
		}
	}
	return s
}

// sameValue reports whether e reads the value the test looked at.
func (c *checker) sameValue(e ast.Expr, t envTest) bool {
	e = unwrapValue(c.info, e)
	if t.holder != nil {
		switch x := e.(type) {
		case *ast.Ident:
			return c.info.Uses[x] == t.holder
		case *ast.SelectorExpr:
			if sel, ok := c.info.Selections[x]; ok {
				return sel.Obj() == t.holder
			}
			return c.info.Uses[x.Sel] == t.holder
		}
		return false
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	look, ok := c.lookupCall(call)
	return ok && look.name != "" && look.name == t.look.name
}

// presence recognises `x == ""`, `x != ""`, `len(x) == 0`, `len(x) > 0`,
// `!ok`, `ok`, and a disjunction holding an emptiness test, where x holds
// the result of a lookup.
func (c *checker) presence(cond ast.Expr, depth int) (envTest, bool) {
	if depth > 4 {
		return envTest{}, false
	}
	cond = ast.Unparen(cond)
	switch x := cond.(type) {
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LOR:
			for _, side := range []ast.Expr{x.X, x.Y} {
				if t, ok := c.presence(side, depth+1); ok && t.emptyWhenTrue {
					return t, true
				}
			}
			return envTest{}, false
		case token.EQL, token.NEQ:
			var subject ast.Expr
			if s, ok := c.constString(x.Y); ok && s == "" {
				subject = x.X
			} else if s, ok := c.constString(x.X); ok && s == "" {
				subject = x.Y
			} else if n, ok := c.lenOf(x.X); ok && isZero(c.info, x.Y) {
				subject = n
			} else {
				return envTest{}, false
			}
			t, ok := c.lookupValue(subject)
			t.emptyWhenTrue = x.Op == token.EQL
			return t, ok
		case token.GTR, token.LSS, token.GEQ:
			n, ok := c.lenOf(x.X)
			if !ok {
				return envTest{}, false
			}
			t, ok := c.lookupValue(n)
			switch {
			case x.Op == token.GTR && isZero(c.info, x.Y), x.Op == token.GEQ && isOne(c.info, x.Y):
				t.emptyWhenTrue = false
			case x.Op == token.LSS && isOne(c.info, x.Y):
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
		t, ok := c.okFlag(x.X)
		t.emptyWhenTrue = true
		return t, ok
	case *ast.Ident:
		t, ok := c.okFlag(x)
		t.emptyWhenTrue = false
		return t, ok
	}
	return envTest{}, false
}

func (c *checker) lenOf(e ast.Expr) (ast.Expr, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil, false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || c.info.Uses[id] != types.Universe.Lookup("len") {
		return nil, false
	}
	return call.Args[0], true
}

func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.ExactString() == "0"
}

func isOne(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.ExactString() == "1"
}

// okFlag recognises the bool result of os.LookupEnv.
func (c *checker) okFlag(e ast.Expr) (envTest, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return envTest{}, false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return envTest{}, false
	}
	defs, ok := c.ix.Defs.Of(v)
	if !ok || len(defs) != 1 || defs[0].Index != 1 {
		return envTest{}, false
	}
	call, ok := ast.Unparen(defs[0].Expr).(*ast.CallExpr)
	if !ok {
		return envTest{}, false
	}
	look, ok := c.lookupCall(call)
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if src := jwtapi.ConfigSourceOf(fn); !ok || src == nil || !src.TellsUnset {
		return envTest{}, false
	}
	t := envTest{subject: call, look: look}
	// The value is the sibling result of the same call.
	for w, ds := range c.lookupSiblings(call) {
		_ = ds
		t.holder = w
	}
	return t, true
}

// lookupSiblings returns the variable given result 0 of call.
func (c *checker) lookupSiblings(call *ast.CallExpr) map[types.Object]bool {
	out := map[types.Object]bool{}
	cur, ok := c.ins.Root().FindNode(call)
	if !ok {
		return out
	}
	p := cur.Parent().Node()
	switch p := p.(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 2 && len(p.Rhs) == 1 {
			if id, ok := p.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
				obj := c.info.Defs[id]
				if obj == nil {
					obj = c.info.Uses[id]
				}
				if obj != nil {
					out[obj] = true
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == 2 && p.Names[0].Name != "_" {
			if obj := c.info.Defs[p.Names[0]]; obj != nil {
				out[obj] = true
			}
		}
	}
	return out
}

// lookupValue recognises an expression holding a lookup's result: the
// call itself, or a variable or field one of whose definitions is it.
func (c *checker) lookupValue(e ast.Expr) (envTest, bool) {
	e = unwrapValue(c.info, e)
	if call, ok := e.(*ast.CallExpr); ok {
		look, ok := c.lookupCall(call)
		return envTest{subject: call, look: look}, ok
	}
	var v *types.Var
	switch x := e.(type) {
	case *ast.Ident:
		v, _ = c.info.Uses[x].(*types.Var)
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			v, _ = sel.Obj().(*types.Var)
			// A field an env-config library fills: `env:"JWT_SECRET"`.
			if name, ok := envTagOf(sel); ok {
				return envTest{subject: e, holder: v, look: lookup{what: "environment variable", name: name, via: "env struct tag", pos: x.Pos()}}, true
			}
		} else {
			v, _ = c.info.Uses[x.Sel].(*types.Var)
		}
	}
	if v == nil {
		return envTest{}, false
	}
	defs, ok := c.ix.Defs.Of(v)
	if !ok {
		return envTest{}, false
	}
	if v.IsField() {
		// Config{Secret: os.Getenv(…)} defines the field too.
		for _, e := range c.ix.Defs.LitValues(v) {
			defs = append(defs, jwtapi.Def{Expr: e, Index: -1})
		}
	}
	for _, d := range defs {
		if d.Expr == nil || d.Index > 0 {
			continue
		}
		call, ok := unwrapValue(c.info, d.Expr).(*ast.CallExpr)
		if !ok {
			continue
		}
		if look, ok := c.lookupCall(call); ok {
			return envTest{subject: e, holder: v, look: look}, true
		}
	}
	return envTest{}, false
}

// lookupCall recognises a read of an environment variable or config key.
func (c *checker) lookupCall(call *ast.CallExpr) (lookup, bool) {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	row := c.configGetterOf(fn)
	if row == nil || row.NameArg >= len(call.Args) {
		return lookup{}, false
	}
	name, _ := c.constString(call.Args[row.NameArg])
	if name == "" && row.Reads == jwtapi.ReadsEnv {
		name = c.flow.Origin(call).Env
	}
	return lookup{what: string(row.Reads), name: name, via: fn.Pkg().Name() + "." + fn.Name(), pos: call.Pos()}, true
}

// unwrapValue strips parentheses, conversions and trimming.
func unwrapValue(info *types.Info, e ast.Expr) ast.Expr {
	for i := 0; i < 8; i++ {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if isTypeExpr(info, call.Fun) {
			e = call.Args[0]
			continue
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn != nil && fn.Pkg() != nil && (fn.Pkg().Path() == "strings" || fn.Pkg().Path() == "bytes") && fn.Name() == "TrimSpace" {
			e = call.Args[0]
			continue
		}
		return e
	}
	return e
}

// --- struct tags ---

func (c *checker) tagSites(cur inspector.Cursor, st *ast.StructType) []*fbSite {
	if st.Fields == nil {
		return nil
	}
	ctx := c.structContext(cur, 0)
	var out []*fbSite
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
		field, _ := c.info.Defs[f.Names[0]].(*types.Var)
		if field == nil || !keyLike(field.Type()) {
			continue
		}
		look := lookup{what: "environment variable", via: tagKey + " struct tag", pos: f.Tag.Pos()}
		var extra []nameCtx
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
			if nt.Reads == jwtapi.ReadsEnv && look.name == "" {
				look.name = n
			}
			extra = append(extra, nameCtx{context: ctx, name: words(n)})
		}
		where := fmt.Sprintf("the %s tag of field %s (%s)", tagKey, f.Names[0].Name, c.at(f.Tag.Pos()))
		s := &fbSite{pos: f.Tag.Pos(), end: f.Tag.End(), where: where, look: look}
		s.names = append(s.names, nameCtx{context: ctx, name: words(f.Names[0].Name)})
		s.names = append(s.names, extra...)
		if id := c.objID(field); id != "" {
			s.refs = append(s.refs, rootRef{id: id, obj: field, param: -1})
			s.objs = append(s.objs, field)
		}
		out = append(out, s)
	}
	return out
}

// structContext returns the words naming a struct type: its type name,
// or for a nested anonymous struct the field names leading to it.
func (c *checker) structContext(cur inspector.Cursor, depth int) []string {
	if depth > 4 {
		return nil
	}
	p := cur.Parent()
	switch n := p.Node().(type) {
	case *ast.TypeSpec:
		return words(n.Name.Name)
	case *ast.Field:
		var ws []string
		// Field -> FieldList -> StructType
		if outer := p.Parent().Parent(); outer.Node() != nil {
			if _, ok := outer.Node().(*ast.StructType); ok {
				ws = append(ws, c.structContext(outer, depth+1)...)
			}
		}
		for _, nm := range n.Names {
			ws = append(ws, words(nm.Name)...)
		}
		return ws
	}
	return nil
}

func keyLike(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && (b.Kind() == types.Byte || b.Kind() == types.Uint8)
	}
	return false
}

// envTagOf returns the environment variable an `env` or `envconfig` tag
// names for the selected field.
func envTagOf(sel *types.Selection) (string, bool) {
	t := sel.Recv()
	idx := sel.Index()
	for i, fi := range idx {
		st := structOf(t)
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

func structOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// funcName names a function for messages: getenv, envutil.Get,
// Env.String.
func (c *checker) funcName(fn *types.Func) string {
	name := fn.Name()
	if r := recvName(fn); r != "" {
		name = r + "." + name
	}
	if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}
