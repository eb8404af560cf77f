package sharedkey

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// envEntry is one environment's value in a per-environment literal or
// declaration.
type envEntry struct {
	env   string // canonical environment
	label string // the key, field or variable as written
	rest  []string
	value ast.Expr
	pos   token.Pos // the entry, for messages
}

// envValue is one compared value: the entry's own value, or one field of
// the entry's struct or map.
type envValue struct {
	entry *envEntry
	name  []string // the field or key name, nil for the entry itself
	label string
	expr  ast.Expr
	refs  []rootRef
	fp    uint64
}

// checkPerEnvLiterals reports map and struct literals keyed by
// environment, slices of per-environment structs, and package-level
// declarations named after environments, that give two environments the
// same secret.
func (c *checker) checkPerEnvLiterals() {
	for cur := range c.ins.Root().Preorder((*ast.CompositeLit)(nil)) {
		lit := cur.Node().(*ast.CompositeLit)
		entries := c.envEntries(lit)
		if len(entries) < 2 {
			continue
		}
		names, refs, objs := c.destOf(cur, false)
		ctx := words(c.litTypeName(lit))
		for _, n := range names {
			ctx = append(ctx, n.context...)
			ctx = append(ctx, n.name...)
		}
		// A package map read by jwtSecretFor(env): the reader's name
		// counts.
		for _, obj := range objs {
			if v, ok := obj.(*types.Var); ok && !v.IsField() {
				for _, n := range c.readNames(v) {
					ctx = append(ctx, n.context...)
					ctx = append(ctx, n.name...)
				}
			}
		}
		display := ""
		for _, n := range names {
			display = strings.Join(n.name, "_")
			break
		}
		c.compareEntries(entries, ctx, refs, display)
	}
	c.compareEnvDecls()
}

func (c *checker) litTypeName(lit *ast.CompositeLit) string {
	if tv, ok := c.info.Types[lit]; ok {
		return typeNameOf(tv.Type)
	}
	return ""
}

// envEntries lists the per-environment entries of a literal.
func (c *checker) envEntries(lit *ast.CompositeLit) []*envEntry {
	tv, ok := c.info.Types[lit]
	if !ok {
		return nil
	}
	var out []*envEntry
	switch u := tv.Type.Underlying().(type) {
	case *types.Map:
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			key, ok := c.constString(kv.Key)
			if !ok {
				continue
			}
			if e := entryFor(key, kv.Value, kv.Pos()); e != nil {
				out = append(out, e)
			}
		}
	case *types.Struct:
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			if e := entryFor(id.Name, kv.Value, kv.Pos()); e != nil {
				out = append(out, e)
			}
		}
	case *types.Slice, *types.Array:
		_ = u
		for _, elt := range lit.Elts {
			inner := elementLit(elt)
			if inner == nil {
				continue
			}
			if env, label := c.envField(inner); env != "" {
				out = append(out, &envEntry{env: env, label: label, value: inner, pos: elt.Pos()})
			}
		}
	}
	return out
}

// entryFor makes an entry from a key naming one environment ("prod",
// "ProdSecret", "dev_jwt_secret"), or nil.
func entryFor(key string, value ast.Expr, pos token.Pos) *envEntry {
	if env := keyflow.EnvOfValue(key); env != "" {
		return &envEntry{env: env, label: key, value: value, pos: pos}
	}
	env, rest, ok := keyflow.SplitEnv(words(key))
	if !ok {
		return nil
	}
	return &envEntry{env: env, label: key, rest: rest, value: value, pos: pos}
}

// elementLit returns the struct literal an element is, or nil.
func elementLit(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}

// envField finds the field of a struct literal that names its
// environment: Name: "prod", Env: "production".
func (c *checker) envField(lit *ast.CompositeLit) (env, label string) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		switch strings.ToLower(id.Name) {
		case "env", "environment", "name", "stage", "mode", "profile", "envname", "environmentname":
		default:
			continue
		}
		if s, ok := c.constString(kv.Value); ok {
			if e := keyflow.EnvOfValue(s); e != "" {
				return e, s
			}
		}
	}
	return "", ""
}

// compareEntries groups entries by what they hold besides the
// environment and reports equal secrets among different environments.
// ctx names the container; kind describes it for messages.
func (c *checker) compareEntries(entries []*envEntry, ctx []string, containerRefs []rootRef, display string) {
	groups := map[string][]*envEntry{}
	var order []string
	for _, e := range entries {
		k := strings.Join(e.rest, " ")
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], e)
	}
	for _, k := range order {
		g := groups[k]
		if distinctEnvs(g) < 2 {
			continue
		}
		// Compared values, by the name they are held under.
		byName := map[string][]envValue{}
		var names []string
		for _, e := range g {
			for _, v := range c.entryValues(e) {
				key := strings.Join(v.name, " ")
				if _, ok := byName[key]; !ok {
					names = append(names, key)
				}
				byName[key] = append(byName[key], v)
			}
		}
		for _, n := range names {
			vals := byName[n]
			if len(vals) < 2 {
				continue
			}
			name := append(append([]string{}, vals[0].entry.rest...), vals[0].name...)
			qualified := isSecretName(ctx, name) || c.selectedBySink(vals[0].expr)
			if !qualified {
				for _, r := range append(append([]rootRef{}, containerRefs...), vals[0].refs...) {
					if _, ok := c.sinkRoots[r.id]; ok {
						qualified = true
						break
					}
				}
			}
			if !qualified {
				continue
			}
			if len(name) == 0 && display != "" {
				name = []string{display}
			}
			c.reportEqual(vals, name, ctx)
		}
	}
}

func distinctEnvs(g []*envEntry) int {
	seen := map[string]bool{}
	for _, e := range g {
		seen[e.env] = true
	}
	return len(seen)
}

// entryValues returns the values of an entry worth comparing: the entry
// itself when it holds a string, else the string fields of its struct or
// map literal.
func (c *checker) entryValues(e *envEntry) []envValue {
	val := ast.Unparen(e.value)
	if tv, ok := c.info.Types[val]; ok && keyLike(tv.Type) {
		if fp, ok := c.fingerprint(val); ok {
			return []envValue{{entry: e, label: e.label, expr: val, fp: fp}}
		}
		return nil
	}
	lit := elementLit(val)
	if lit == nil {
		return nil
	}
	tv, ok := c.info.Types[lit]
	if !ok {
		return nil
	}
	var out []envValue
	_, isMap := tv.Type.Underlying().(*types.Map)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		var name string
		var refs []rootRef
		if isMap {
			s, ok := c.constString(kv.Key)
			if !ok {
				continue
			}
			name = s
		} else {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			name = id.Name
			if f, ok := c.info.Uses[id].(*types.Var); ok {
				if fid := c.objID(f); fid != "" {
					refs = append(refs, rootRef{id: fid, obj: f, param: -1})
				}
			}
		}
		vtv, ok := c.info.Types[kv.Value]
		if !ok || !keyLike(vtv.Type) {
			continue
		}
		fp, ok := c.fingerprint(kv.Value)
		if !ok {
			continue
		}
		out = append(out, envValue{entry: e, name: words(name), label: name, expr: kv.Value, refs: refs, fp: fp})
	}
	return out
}

// fingerprint returns the fingerprint of a non-empty constant secret.
func (c *checker) fingerprint(e ast.Expr) (uint64, bool) {
	o := c.flow.Origin(e)
	if o.Kind != keyflow.Constant || o.Const.FP == 0 || o.Const.Len == 0 || o.Const.PEM.Public {
		return 0, false
	}
	return o.Const.FP, true
}

// reportEqual reports each value equal to one of an earlier environment.
func (c *checker) reportEqual(vals []envValue, name []string, ctx []string) {
	sort.SliceStable(vals, func(i, j int) bool { return vals[i].expr.Pos() < vals[j].expr.Pos() })
	for i, v := range vals {
		for _, prev := range vals[:i] {
			if prev.fp != v.fp || prev.entry.env == v.entry.env {
				continue
			}
			what := "jwt secret"
			if len(name) > 0 {
				what += " " + strings.Join(name, "_")
			}
			c.report(v.expr.Pos(), v.expr.End(), "%s is the same for %s (%s) and %s (%s): one secret serves several environments; give each environment its own secret",
				what, prev.entry.label, c.at(prev.expr.Pos()), v.entry.label, c.at(v.expr.Pos()))
			break
		}
	}
}

// compareEnvDecls compares package-level constants and variables whose
// names differ only by an environment: devJWTSecret and prodJWTSecret,
// devConfig and prodConfig.
func (c *checker) compareEnvDecls() {
	var entries []*envEntry
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || (gd.Tok != token.CONST && gd.Tok != token.VAR) {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, n := range vs.Names {
					if e := entryFor(n.Name, vs.Values[i], n.Pos()); e != nil && len(e.rest) > 0 {
						entries = append(entries, e)
					}
				}
			}
		}
	}
	if len(entries) < 2 {
		return
	}
	var refs []rootRef
	for _, e := range entries {
		if id, ok := c.declRef(e); ok {
			refs = append(refs, id)
		}
	}
	c.compareEntries(entries, nil, refs, "")
}

func (c *checker) declRef(e *envEntry) (rootRef, bool) {
	for _, f := range c.pass.Files {
		if f.FileStart <= e.pos && e.pos <= f.FileEnd {
			if obj := c.pass.Pkg.Scope().Lookup(e.label); obj != nil {
				if id := c.objID(obj); id != "" {
					return rootRef{id: id, obj: obj, param: -1}, true
				}
			}
		}
	}
	return rootRef{}, false
}

// --- switch and if on an environment name ---

// branch is one arm of a switch or if chain on an environment name.
type branch struct {
	envs  []string // canonical environments; nil for default/else
	label string
	body  []ast.Stmt
	pos   token.Pos
}

// checkEnvSwitches reports switch statements and if-else chains on an
// environment name whose arms give the same secret.
func (c *checker) checkEnvSwitches() {
	inChain := map[*ast.IfStmt]bool{}
	for cur := range c.ins.Root().Preorder((*ast.SwitchStmt)(nil), (*ast.IfStmt)(nil)) {
		var arms []branch
		switch n := cur.Node().(type) {
		case *ast.SwitchStmt:
			arms = c.switchArms(n)
		case *ast.IfStmt:
			if inChain[n] {
				continue
			}
			arms = c.ifArms(n, inChain)
		}
		named := 0
		for _, a := range arms {
			if len(a.envs) > 0 {
				named++
			}
		}
		if named == 0 || len(arms) < 2 {
			continue
		}
		c.compareArms(cur, arms)
	}
}

func (c *checker) switchArms(sw *ast.SwitchStmt) []branch {
	var arms []branch
	for _, st := range sw.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			continue
		}
		b := branch{body: cc.Body, pos: cc.Pos()}
		if cc.List == nil {
			b.label = "the default branch"
			arms = append(arms, b)
			continue
		}
		for _, e := range cc.List {
			var s string
			var ok bool
			if sw.Tag != nil {
				s, ok = c.constString(e)
			} else {
				s, ok = c.envComparison(e)
			}
			if !ok {
				return nil
			}
			env := keyflow.EnvOfValue(s)
			if env == "" {
				return nil // a switch on something else
			}
			b.envs = append(b.envs, env)
			if b.label == "" {
				b.label = s
			}
		}
		arms = append(arms, b)
	}
	return arms
}

// envComparison recognises x == "prod" and strings.EqualFold(x, "prod").
func (c *checker) envComparison(e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op != token.EQL {
			return "", false
		}
		if s, ok := c.constString(x.Y); ok {
			return s, true
		}
		if s, ok := c.constString(x.X); ok {
			return s, true
		}
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "EqualFold" && len(x.Args) == 2 {
			if s, ok := c.constString(x.Args[1]); ok {
				return s, true
			}
			if s, ok := c.constString(x.Args[0]); ok {
				return s, true
			}
		}
	}
	return "", false
}

func (c *checker) ifArms(ifs *ast.IfStmt, inChain map[*ast.IfStmt]bool) []branch {
	var arms []branch
	for cur := ifs; cur != nil; {
		inChain[cur] = true
		s, ok := c.envComparison(cur.Cond)
		if !ok || keyflow.EnvOfValue(s) == "" {
			return nil
		}
		arms = append(arms, branch{envs: []string{keyflow.EnvOfValue(s)}, label: s, body: cur.Body.List, pos: cur.Pos()})
		switch e := cur.Else.(type) {
		case *ast.IfStmt:
			cur = e
		case *ast.BlockStmt:
			arms = append(arms, branch{label: "the else branch", body: e.List, pos: e.Pos()})
			cur = nil
		default:
			cur = nil
		}
	}
	return arms
}

// armValue is a constant an arm assigns to a destination or returns.
type armValue struct {
	arm   *branch
	dest  string // identity of the destination
	names []nameCtx
	refs  []rootRef
	expr  ast.Expr
	fp    uint64
}

func (c *checker) compareArms(cur inspector.Cursor, arms []branch) {
	byDest := map[string][]armValue{}
	var order []string
	for i := range arms {
		a := &arms[i]
		for _, st := range a.body {
			for _, v := range c.armValues(cur, a, st) {
				if _, ok := byDest[v.dest]; !ok {
					order = append(order, v.dest)
				}
				byDest[v.dest] = append(byDest[v.dest], v)
			}
		}
	}
	for _, d := range order {
		vals := byDest[d]
		if len(vals) < 2 {
			continue
		}
		qualified := false
		for _, n := range vals[0].names {
			if isSecretName(n.context, n.name) {
				qualified = true
			}
		}
		for _, r := range vals[0].refs {
			if _, ok := c.sinkRoots[r.id]; ok {
				qualified = true
			}
		}
		if !qualified {
			continue
		}
		for i, v := range vals {
			for _, prev := range vals[:i] {
				if prev.fp != v.fp || prev.arm == v.arm || sameEnvs(prev.arm, v.arm) {
					continue
				}
				c.report(v.expr.Pos(), v.expr.End(), "jwt secret %s is the same for %s (%s) and %s (%s): one secret serves several environments; give each environment its own secret",
					displayNames(v.names), armLabel(prev.arm), c.at(prev.expr.Pos()), armLabel(v.arm), c.at(v.expr.Pos()))
				break
			}
		}
	}
}

func sameEnvs(a, b *branch) bool {
	if len(a.envs) == 0 || len(b.envs) == 0 {
		return false
	}
	for _, x := range a.envs {
		for _, y := range b.envs {
			if x != y {
				return false
			}
		}
	}
	return true
}

func armLabel(b *branch) string {
	if len(b.envs) == 0 {
		return b.label
	}
	return b.label
}

func displayNames(ns []nameCtx) string {
	for _, n := range ns {
		if isSecretName(n.context, n.name) {
			return strings.Join(n.name, "_")
		}
	}
	if len(ns) > 0 {
		return strings.Join(ns[0].name, "_")
	}
	return "value"
}

// armValues returns the constants an arm statement assigns or returns.
func (c *checker) armValues(swCur inspector.Cursor, a *branch, st ast.Stmt) []armValue {
	var out []armValue
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok != token.ASSIGN || len(st.Lhs) != len(st.Rhs) {
			return nil
		}
		for i, r := range st.Rhs {
			fp, ok := c.fingerprint(r)
			if !ok {
				continue
			}
			nc, refs, _ := c.lvalue(st.Lhs[i])
			dest := types.ExprString(st.Lhs[i])
			if v := targetObj(c.info, st.Lhs[i]); v != nil {
				dest = c.objKey(v)
				if lv := localVar(c.info, st.Lhs[i]); lv != nil {
					// A local: also where its value goes after the switch.
					names, rs, _ := c.usesDest(swCur, lv)
					refs = append(refs, rs...)
					out = append(out, armValue{arm: a, dest: dest, names: append([]nameCtx{nc}, names...), refs: refs, expr: r, fp: fp})
					continue
				}
			}
			out = append(out, armValue{arm: a, dest: dest, names: []nameCtx{nc}, refs: refs, expr: r, fp: fp})
		}
	case *ast.ReturnStmt:
		if len(st.Results) == 0 {
			return nil
		}
		if fp, ok := c.fingerprint(st.Results[0]); ok {
			return []armValue{{arm: a, dest: "return", names: c.returnDest(swCur), refs: c.returnRefs(swCur), expr: st.Results[0], fp: fp}}
		}
		// return Config{JWTSecret: "…", …}: each field of the literal.
		if lit := elementLit(st.Results[0]); lit != nil {
			ctx := words(c.litTypeName(lit))
			for _, v := range c.entryValues(&envEntry{value: lit}) {
				var refs []rootRef
				refs = append(refs, v.refs...)
				out = append(out, armValue{arm: a, dest: "return." + v.label, names: []nameCtx{{context: ctx, name: v.name}}, refs: refs, expr: v.expr, fp: v.fp})
			}
		}
	}
	return out
}

func targetObj(info *types.Info, l ast.Expr) types.Object {
	switch x := ast.Unparen(l).(type) {
	case *ast.Ident:
		if o := info.Defs[x]; o != nil {
			return o
		}
		return info.Uses[x]
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok {
			return sel.Obj()
		}
		return info.Uses[x.Sel]
	}
	return nil
}

// objKey identifies an object within this pass.
func (c *checker) objKey(obj types.Object) string {
	if id := c.objID(obj); id != "" {
		return id
	}
	return obj.Name() + "@" + c.at(obj.Pos())
}

// readNames names where a package variable's elements go: the variables,
// fields and functions that read v[k].
func (c *checker) readNames(v *types.Var) []nameCtx {
	var out []nameCtx
	for cur := range c.ins.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.info.Uses[id] != v {
			continue
		}
		if _, ok := cur.Parent().Node().(*ast.IndexExpr); ok {
			cur = cur.Parent()
		}
		names, _, _ := c.destOf(cur, true)
		out = append(out, names...)
		if len(out) > 16 {
			break
		}
	}
	return out
}
