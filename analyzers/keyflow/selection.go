package keyflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// A selection by environment chooses a value by the deployment
// environment: a map or struct literal keyed by it, a slice of
// per-environment structs, package declarations named after it
// (devJWTSecret, prodJWTSecret), a switch or if-else chain on its name.
// Each choice is an EnvArm; the constant secrets an arm holds are its
// EnvCandidates, compared by fingerprint, never by value.

// EnvArm is one environment's choice in a selection by environment.
type EnvArm struct {
	// Envs are the canonical environments of the arm ("production");
	// nil for the default or else branch of a switch or if chain.
	Envs []string
	// Label is the arm as written: the map key, field, variable or case
	// value, "the default branch".
	Label string
	// Rest are the words of the label besides the environment:
	// ProdJWTSecret gives [jwt secret].
	Rest []string
	// Value is the entry's value, for literals and declarations.
	Value ast.Expr
	// Body is the branch's statements, for switches and if chains.
	Body []ast.Stmt
	Pos  token.Pos
}

// Env returns the arm's environment, "" for a default branch.
func (a *EnvArm) Env() string {
	if len(a.Envs) == 0 {
		return ""
	}
	return a.Envs[0]
}

// SameEnvs reports whether two branches choose for the same
// environments only.
func SameEnvs(a, b *EnvArm) bool {
	if len(a.Envs) == 0 || len(b.Envs) == 0 {
		return false
	}
	for _, x := range a.Envs {
		for _, y := range b.Envs {
			if x != y {
				return false
			}
		}
	}
	return true
}

// EnvCandidate is one constant secret an arm chooses.
type EnvCandidate struct {
	Arm *EnvArm
	// Name are the words of the field or map key the value is held under
	// in the arm's struct or map, nil for the arm's own value; Label is
	// that field or key as written (the arm's label for its own value).
	Name  []string
	Label string
	// Field is the struct field the value is held under, if any, and In
	// the literal holding it.
	Field *types.Var
	In    *ast.CompositeLit
	// Dest is the assignment target, for a branch that assigns.
	Dest ast.Expr
	// Return: the branch returns the value (or a literal holding it).
	Return bool
	Expr   ast.Expr
	FP     uint64
}

// EnvLiteral returns the per-environment entries of a map or struct
// literal keyed by environment, or of a slice of structs that name their
// environment.
func (f *Flow) EnvLiteral(lit *ast.CompositeLit) []*EnvArm {
	tv, ok := f.info.Types[lit]
	if !ok {
		return nil
	}
	var out []*EnvArm
	switch tv.Type.Underlying().(type) {
	case *types.Map:
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if key, ok := jwtapi.ConstString(f.info, kv.Key); ok {
				if a := envArm(key, kv.Value, kv.Pos()); a != nil {
					out = append(out, a)
				}
			}
		}
	case *types.Struct:
		for id, kv := range jwtapi.KeyedFields(lit) {
			if a := envArm(id.Name, kv.Value, kv.Pos()); a != nil {
				out = append(out, a)
			}
		}
	case *types.Slice, *types.Array:
		for _, elt := range lit.Elts {
			inner := elementLit(elt)
			if inner == nil {
				continue
			}
			if env, label := f.envField(inner); env != "" {
				out = append(out, &EnvArm{Envs: []string{env}, Label: label, Value: inner, Pos: elt.Pos()})
			}
		}
	}
	return out
}

// EnvDecls returns the package-level constants and variables whose names
// differ only by an environment: devJWTSecret and prodJWTSecret,
// devConfig and prodConfig.
func (f *Flow) EnvDecls() []*EnvArm {
	var out []*EnvArm
	for _, file := range f.pass.Files {
		for _, d := range file.Decls {
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
					if a := envArm(n.Name, vs.Values[i], n.Pos()); a != nil && len(a.Rest) > 0 {
						out = append(out, a)
					}
				}
			}
		}
	}
	return out
}

// envArm makes an arm from a key naming one environment ("prod",
// "ProdSecret", "dev_jwt_secret"), or nil.
func envArm(key string, value ast.Expr, pos token.Pos) *EnvArm {
	if env := EnvOfValue(key); env != "" {
		return &EnvArm{Envs: []string{env}, Label: key, Value: value, Pos: pos}
	}
	env, rest, ok := SplitEnv(jwtapi.Words(key))
	if !ok {
		return nil
	}
	return &EnvArm{Envs: []string{env}, Label: key, Rest: rest, Value: value, Pos: pos}
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
func (f *Flow) envField(lit *ast.CompositeLit) (env, label string) {
	for id, kv := range jwtapi.KeyedFields(lit) {
		switch strings.ToLower(id.Name) {
		case "env", "environment", "name", "stage", "mode", "profile", "envname", "environmentname":
		default:
			continue
		}
		if s, ok := jwtapi.ConstString(f.info, kv.Value); ok {
			if e := EnvOfValue(s); e != "" {
				return e, s
			}
		}
	}
	return "", ""
}

// EnvCandidates returns the constant secrets of a literal or declaration
// arm: its value itself when that is a string, else the string fields of
// its struct or map literal.
func (f *Flow) EnvCandidates(a *EnvArm) []EnvCandidate {
	val := ast.Unparen(a.Value)
	if tv, ok := f.info.Types[val]; ok && keyLike(tv.Type) {
		if fp, ok := f.SecretFP(val); ok {
			return []EnvCandidate{{Arm: a, Label: a.Label, Expr: val, FP: fp}}
		}
		return nil
	}
	lit := elementLit(val)
	if lit == nil {
		return nil
	}
	tv, ok := f.info.Types[lit]
	if !ok {
		return nil
	}
	var out []EnvCandidate
	_, isMap := tv.Type.Underlying().(*types.Map)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		c := EnvCandidate{Arm: a, Expr: kv.Value, In: lit}
		if isMap {
			s, ok := jwtapi.ConstString(f.info, kv.Key)
			if !ok {
				continue
			}
			c.Label = s
		} else {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			c.Label = id.Name
			c.Field, _ = f.info.Uses[id].(*types.Var)
		}
		vtv, ok := f.info.Types[kv.Value]
		if !ok || !keyLike(vtv.Type) {
			continue
		}
		if c.FP, ok = f.SecretFP(kv.Value); !ok {
			continue
		}
		c.Name = jwtapi.Words(c.Label)
		out = append(out, c)
	}
	return out
}

// SecretFP returns the fingerprint of a non-empty constant secret (not a
// public key).
func (f *Flow) SecretFP(e ast.Expr) (uint64, bool) {
	o := f.Origin(e)
	if o.Kind != Constant || o.Const.FP == 0 || o.Const.Len == 0 || o.Const.PEM.Public {
		return 0, false
	}
	return o.Const.FP, true
}

// EnvSwitch is a switch statement or if-else chain on an environment
// name, with at least one arm naming an environment.
type EnvSwitch struct {
	Stmt ast.Stmt // the switch, or the first if of the chain
	Arms []*EnvArm
}

// EnvSwitches returns the package's switches and if-else chains on an
// environment name with two arms or more.
func (f *Flow) EnvSwitches() []EnvSwitch {
	var out []EnvSwitch
	inChain := map[*ast.IfStmt]bool{}
	for cur := range f.ix.Inspector().Root().Preorder((*ast.SwitchStmt)(nil), (*ast.IfStmt)(nil)) {
		var arms []*EnvArm
		switch n := cur.Node().(type) {
		case *ast.SwitchStmt:
			arms = f.switchArms(n)
		case *ast.IfStmt:
			if inChain[n] {
				continue
			}
			arms = f.ifArms(n, inChain)
		}
		named := 0
		for _, a := range arms {
			if len(a.Envs) > 0 {
				named++
			}
		}
		if named > 0 && len(arms) >= 2 {
			out = append(out, EnvSwitch{Stmt: cur.Node().(ast.Stmt), Arms: arms})
		}
	}
	return out
}

func (f *Flow) switchArms(sw *ast.SwitchStmt) []*EnvArm {
	var arms []*EnvArm
	for _, st := range sw.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			continue
		}
		b := &EnvArm{Body: cc.Body, Pos: cc.Pos()}
		if cc.List == nil {
			b.Label = "the default branch"
			arms = append(arms, b)
			continue
		}
		for _, e := range cc.List {
			var s string
			var ok bool
			if sw.Tag != nil {
				s, ok = jwtapi.ConstString(f.info, e)
			} else {
				s, ok = f.envComparison(e)
			}
			if !ok {
				return nil
			}
			env := EnvOfValue(s)
			if env == "" {
				return nil // a switch on something else
			}
			b.Envs = append(b.Envs, env)
			if b.Label == "" {
				b.Label = s
			}
		}
		arms = append(arms, b)
	}
	return arms
}

// envComparison recognises x == "prod" and strings.EqualFold(x, "prod").
func (f *Flow) envComparison(e ast.Expr) (string, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if x.Op != token.EQL {
			return "", false
		}
		if s, ok := jwtapi.ConstString(f.info, x.Y); ok {
			return s, true
		}
		if s, ok := jwtapi.ConstString(f.info, x.X); ok {
			return s, true
		}
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "EqualFold" && len(x.Args) == 2 {
			if s, ok := jwtapi.ConstString(f.info, x.Args[1]); ok {
				return s, true
			}
			if s, ok := jwtapi.ConstString(f.info, x.Args[0]); ok {
				return s, true
			}
		}
	}
	return "", false
}

func (f *Flow) ifArms(ifs *ast.IfStmt, inChain map[*ast.IfStmt]bool) []*EnvArm {
	var arms []*EnvArm
	for cur := ifs; cur != nil; {
		inChain[cur] = true
		s, ok := f.envComparison(cur.Cond)
		if !ok || EnvOfValue(s) == "" {
			return nil
		}
		arms = append(arms, &EnvArm{Envs: []string{EnvOfValue(s)}, Label: s, Body: cur.Body.List, Pos: cur.Pos()})
		switch e := cur.Else.(type) {
		case *ast.IfStmt:
			cur = e
		case *ast.BlockStmt:
			arms = append(arms, &EnvArm{Label: "the else branch", Body: e.List, Pos: e.Pos()})
			cur = nil
		default:
			cur = nil
		}
	}
	return arms
}

// BranchCandidates returns the constant secrets a statement of a branch
// assigns (Dest set) or returns (Return set): a returned struct literal
// gives one candidate per secret field.
func (f *Flow) BranchCandidates(a *EnvArm, st ast.Stmt) []EnvCandidate {
	var out []EnvCandidate
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok != token.ASSIGN || len(st.Lhs) != len(st.Rhs) {
			return nil
		}
		for i, r := range st.Rhs {
			if fp, ok := f.SecretFP(r); ok {
				out = append(out, EnvCandidate{Arm: a, Label: a.Label, Dest: st.Lhs[i], Expr: r, FP: fp})
			}
		}
	case *ast.ReturnStmt:
		if len(st.Results) == 0 {
			return nil
		}
		if fp, ok := f.SecretFP(st.Results[0]); ok {
			return []EnvCandidate{{Arm: a, Label: a.Label, Return: true, Expr: st.Results[0], FP: fp}}
		}
		// return Config{JWTSecret: "…", …}: each field of the literal.
		if lit := elementLit(st.Results[0]); lit != nil {
			for _, c := range f.EnvCandidates(&EnvArm{Value: lit}) {
				c.Arm, c.Return = a, true
				out = append(out, c)
			}
		}
	}
	return out
}

// Selection answers for a key expression: the candidates of the
// selections by environment whose constants its origin joins (a map
// keyed by environment indexed at run time, a function switching on the
// environment), in source order; nil when the key is not chosen by
// environment. It walks the package's selections on each call.
func (f *Flow) Selection(e ast.Expr) []EnvCandidate {
	o := f.Origin(e)
	if len(o.Candidates) < 2 {
		return nil
	}
	var out []EnvCandidate
	add := func(cs []EnvCandidate) {
		for _, c := range cs {
			for _, p := range o.Candidates {
				if c.Expr.Pos() <= p && p < c.Expr.End() {
					out = append(out, c)
					break
				}
			}
		}
	}
	for cur := range f.ix.Inspector().Root().Preorder((*ast.CompositeLit)(nil)) {
		if arms := f.EnvLiteral(cur.Node().(*ast.CompositeLit)); len(arms) >= 2 {
			for _, a := range arms {
				add(f.EnvCandidates(a))
			}
		}
	}
	if arms := f.EnvDecls(); len(arms) >= 2 {
		for _, a := range arms {
			add(f.EnvCandidates(a))
		}
	}
	for _, sw := range f.EnvSwitches() {
		for _, a := range sw.Arms {
			for _, st := range a.Body {
				add(f.BranchCandidates(a, st))
			}
		}
	}
	return out
}
