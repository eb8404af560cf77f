package sharedkey

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// checkPerEnvLiterals reports map and struct literals keyed by
// environment, slices of per-environment structs, and package-level
// declarations named after environments, that give two environments the
// same secret.
func (c *checker) checkPerEnvLiterals() {
	for cur := range c.ins.Root().Preorder((*ast.CompositeLit)(nil)) {
		lit := cur.Node().(*ast.CompositeLit)
		arms := c.flow.EnvLiteral(lit)
		if len(arms) < 2 {
			continue
		}
		d := c.prov.DestOf(cur, false)
		names, refs, objs := d.Names, d.Roots, d.Objs
		ctx := jwtapi.Words(c.litTypeName(lit))
		for _, n := range names {
			ctx = append(ctx, n.Context...)
			ctx = append(ctx, n.Words...)
		}
		// A package map read by jwtSecretFor(env): the reader's name
		// counts.
		for _, obj := range objs {
			if v, ok := obj.(*types.Var); ok && !v.IsField() {
				for _, n := range c.readNames(v) {
					ctx = append(ctx, n.Context...)
					ctx = append(ctx, n.Words...)
				}
			}
		}
		display := ""
		for _, n := range names {
			display = strings.Join(n.Words, "_")
			break
		}
		c.compareEntries(arms, ctx, refs, display)
	}
	if arms := c.flow.EnvDecls(); len(arms) >= 2 {
		var refs []keyflow.Root
		for _, a := range arms {
			if obj := c.pass.Pkg.Scope().Lookup(a.Label); obj != nil {
				if id := c.prov.ObjID(obj); id != "" {
					refs = append(refs, keyflow.Root{ID: id, Obj: obj, Param: -1})
				}
			}
		}
		c.compareEntries(arms, nil, refs, "")
	}
}

func (c *checker) litTypeName(lit *ast.CompositeLit) string {
	if tv, ok := c.info.Types[lit]; ok {
		return typeNameOf(tv.Type)
	}
	return ""
}

// fieldRefs identifies the struct field a candidate is held under.
func (c *checker) fieldRefs(v keyflow.EnvCandidate) []keyflow.Root {
	if v.Field == nil {
		return nil
	}
	if id := c.prov.ObjID(v.Field); id != "" {
		return []keyflow.Root{{ID: id, Obj: v.Field, Param: -1}}
	}
	return nil
}

// compareEntries groups entries by what they hold besides the
// environment and reports equal secrets among different environments.
// ctx names the container.
func (c *checker) compareEntries(arms []*keyflow.EnvArm, ctx []string, containerRefs []keyflow.Root, display string) {
	groups := map[string][]*keyflow.EnvArm{}
	var order []string
	for _, a := range arms {
		k := strings.Join(a.Rest, " ")
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], a)
	}
	for _, k := range order {
		g := groups[k]
		envs := map[string]bool{}
		for _, a := range g {
			envs[a.Env()] = true
		}
		if len(envs) < 2 {
			continue
		}
		// Compared values, by the name they are held under.
		byName := map[string][]keyflow.EnvCandidate{}
		var names []string
		for _, a := range g {
			for _, v := range c.flow.EnvCandidates(a) {
				key := strings.Join(v.Name, " ")
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
			sort.SliceStable(vals, func(i, j int) bool { return vals[i].Expr.Pos() < vals[j].Expr.Pos() })
			name := append(append([]string{}, vals[0].Arm.Rest...), vals[0].Name...)
			qualified := keyflow.IsSecretName(ctx, name) || c.selectedBySink(vals[0].Expr) || c.readBySink(containerRefs) || c.readBySink(c.fieldRefs(vals[0]))
			if !qualified {
				continue
			}
			if len(name) == 0 && display != "" {
				name = []string{display}
			}
			what := "jwt secret"
			if len(name) > 0 {
				what += " " + strings.Join(name, "_")
			}
			c.reportEqual(vals, func(int) string { return what })
		}
	}
}

// readBySink reports whether a sink's key is read from one of refs.
func (c *checker) readBySink(refs []keyflow.Root) bool {
	for _, r := range refs {
		if _, ok := c.sinkRoots[r.ID]; ok && r.ID != "" {
			return true
		}
	}
	return false
}

// reportEqual reports each value equal to one of an earlier environment.
// what(i) names the secret of vals[i]; vals are in source order.
func (c *checker) reportEqual(vals []keyflow.EnvCandidate, what func(i int) string) {
	for i, v := range vals {
		for _, prev := range vals[:i] {
			if prev.FP != v.FP || prev.Arm == v.Arm || keyflow.SameEnvs(prev.Arm, v.Arm) {
				continue
			}
			c.report(v.Expr.Pos(), v.Expr.End(), "%s is the same for %s (%s) and %s (%s): one secret serves several environments; give each environment its own secret",
				what(i), prev.Arm.Label, c.at(prev.Expr.Pos()), v.Arm.Label, c.at(v.Expr.Pos()))
			break
		}
	}
}

// --- switch and if on an environment name ---

// armValue is a constant an arm assigns to a destination or returns.
type armValue struct {
	keyflow.EnvCandidate
	dest  string // identity of the destination
	names []keyflow.Name
	refs  []keyflow.Root
}

// checkEnvSwitches reports switch statements and if-else chains on an
// environment name whose arms give the same secret.
func (c *checker) checkEnvSwitches() {
	for _, sw := range c.flow.EnvSwitches() {
		cur, ok := c.ins.Root().FindNode(sw.Stmt)
		if !ok {
			continue
		}
		byDest := map[string][]armValue{}
		var order []string
		for _, a := range sw.Arms {
			for _, st := range a.Body {
				for _, v := range c.flow.BranchCandidates(a, st) {
					av := c.armValue(cur, v)
					if _, ok := byDest[av.dest]; !ok {
						order = append(order, av.dest)
					}
					byDest[av.dest] = append(byDest[av.dest], av)
				}
			}
		}
		for _, d := range order {
			avs := byDest[d]
			if len(avs) < 2 || !c.armQualified(avs[0]) {
				continue
			}
			vals := make([]keyflow.EnvCandidate, len(avs))
			for i, av := range avs {
				vals[i] = av.EnvCandidate
			}
			c.reportEqual(vals, func(i int) string { return "jwt secret " + displayNames(avs[i].names) })
		}
	}
}

// armQualified: the destination is named as a JWT secret or read by a
// sink.
func (c *checker) armQualified(av armValue) bool {
	for _, n := range av.names {
		if keyflow.IsSecretName(n.Context, n.Words) {
			return true
		}
	}
	return c.readBySink(av.refs)
}

func displayNames(ns []keyflow.Name) string {
	for _, n := range ns {
		if keyflow.IsSecretName(n.Context, n.Words) {
			return strings.Join(n.Words, "_")
		}
	}
	if len(ns) > 0 {
		return strings.Join(ns[0].Words, "_")
	}
	return "value"
}

// armValue names where a branch's constant goes.
func (c *checker) armValue(swCur inspector.Cursor, v keyflow.EnvCandidate) armValue {
	switch {
	case v.Dest != nil:
		lv := c.prov.LValue(v.Dest)
		nc, refs := lv.Names[0], lv.Roots
		dest := types.ExprString(v.Dest)
		if obj := targetObj(c.info, v.Dest); obj != nil {
			dest = c.objKey(obj)
			if local := keyflow.LocalVar(c.info, v.Dest); local != nil {
				// A local: also where its value goes after the switch.
				uses := c.prov.UsesDest(swCur, local)
				names, rs := uses.Names, uses.Roots
				return armValue{v, dest, append([]keyflow.Name{nc}, names...), append(refs, rs...)}
			}
		}
		return armValue{v, dest, []keyflow.Name{nc}, refs}
	case v.In != nil:
		return armValue{v, "return." + v.Label, []keyflow.Name{{Context: jwtapi.Words(c.litTypeName(v.In)), Words: v.Name}}, c.fieldRefs(v)}
	}
	ret := c.prov.ReturnDest(swCur)
	return armValue{v, "return", ret.Names, ret.Roots}
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
	if id := c.prov.ObjID(obj); id != "" {
		return id
	}
	return obj.Name() + "@" + c.at(obj.Pos())
}

// readNames names where a package variable's elements go: the variables,
// fields and functions that read v[k].
func (c *checker) readNames(v *types.Var) []keyflow.Name {
	var out []keyflow.Name
	for cur := range c.ins.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.info.Uses[id] != v {
			continue
		}
		if _, ok := cur.Parent().Node().(*ast.IndexExpr); ok {
			cur = cur.Parent()
		}
		out = append(out, c.prov.DestOf(cur, true).Names...)
		if len(out) > 16 {
			break
		}
	}
	return out
}
