package keyflow

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Root is one thing a key expression reads: a package variable, a
// field, a call, a parameter of the enclosing function.
type Root struct {
	// ID is the identity, the same for every read of the same thing.
	ID  string
	Obj types.Object // the variable, field or function, when there is one
	// Param is the parameter index for a parameter of the function the
	// expression is in, else -1.
	Param int
	// Recv: the value is a field read through the receiver.
	Recv bool
	// Weak: good for finding where a value goes, not for telling keys
	// apart (a function called with arguments that may differ).
	Weak bool
	// Pos is where a concatenation is written, for messages.
	Pos token.Pos
}

const maxRootDepth = 8

// Roots returns what e is read from, following local variables to their
// definitions. Identities are strings: ObjID for objects, "at:<pos>" for
// calls in this package, "call:<func>(<arg fingerprints>)" for calls with
// constant arguments.
func (pr *Provenance) Roots(e ast.Expr) []Root {
	var out []Root
	seen := map[ast.Node]bool{}
	pr.collectRoots(e, 0, seen, &out)
	return out
}

func (pr *Provenance) collectRoots(e ast.Expr, depth int, seen map[ast.Node]bool, out *[]Root) {
	if e == nil || depth > maxRootDepth || seen[e] {
		return
	}
	seen[e] = true
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := pr.info.Uses[x].(*types.Var)
		if !ok {
			return
		}
		pr.varRoots(v, depth, seen, out)
	case *ast.SelectorExpr:
		sel, ok := pr.info.Selections[x]
		if !ok {
			if v, ok := pr.info.Uses[x.Sel].(*types.Var); ok {
				pr.varRoots(v, depth, seen, out)
			}
			return
		}
		if sel.Kind() != types.FieldVal {
			return
		}
		if pr.flow.Origin(x).Kind == Secret {
			// A member of a secret manager's response: the request names
			// the secret, the field (SecretString) does not.
			return
		}
		field, _ := sel.Obj().(*types.Var)
		if id := pr.ObjID(field); id != "" {
			if outer := pr.siblingField(x.X); outer != "" {
				id += "@" + outer
			}
			// tc.Secret of a parameter tc is the field of whatever the
			// caller passes (mint(cfg.Access) or mint(cfg.Refresh)): the
			// parameter says which key it is, the field alone does not.
			if pi := pr.paramOf(x.X); pi >= 0 {
				*out = append(*out, Root{ID: id, Obj: field, Param: -1, Weak: true})
				*out = append(*out, Root{ID: fmt.Sprintf("param:%d", pi), Param: pi})
				return
			}
			*out = append(*out, Root{ID: id, Obj: field, Param: -1, Recv: pr.isRecv(x.X)})
		}
	case *ast.StarExpr:
		pr.collectRoots(x.X, depth+1, seen, out)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			pr.collectRoots(x.X, depth+1, seen, out)
		}
	case *ast.SliceExpr:
		pr.collectRoots(x.X, depth+1, seen, out)
	case *ast.IndexExpr:
		// keys["refresh"] and keys["access"] are two keys: a constant
		// index is part of what the key is.
		tv, ok := pr.info.Types[x.Index]
		if !ok || tv.Value == nil {
			pr.collectRoots(x.X, depth+1, seen, out)
			return
		}
		var inner []Root
		pr.collectRoots(x.X, depth+1, seen, &inner)
		for _, r := range inner {
			if r.Param < 0 && !r.Weak {
				r.ID += fmt.Sprintf("[%x]", Fingerprint(tv.Value.ExactString()))
			}
			*out = append(*out, r)
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			pr.concatRoots(x, depth, seen, out)
		}
	case *ast.CallExpr:
		pr.callRoots(x, depth, seen, out)
	}
}

// siblingField returns the identity of the field e selects when its
// struct has another field of the same type (Access and Refresh, both a
// TokenConfig): cfg.Access.Secret and cfg.Refresh.Secret are then two
// keys, though Secret is one field. It returns "" otherwise, so that
// cfg.JWTSecret stays one identity however cfg is reached.
func (pr *Provenance) siblingField(e ast.Expr) string {
	se, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	sel, ok := pr.info.Selections[se]
	if !ok || sel.Kind() != types.FieldVal {
		return ""
	}
	f, _ := sel.Obj().(*types.Var)
	if f == nil {
		return ""
	}
	// The struct that declares f: the receiver's, or for a field promoted
	// through embedding (c.VerificationToken of an embedded options
	// struct) the embedded one's.
	var st *types.Struct
	if len(sel.Index()) == 1 {
		recv := sel.Recv()
		if p, ok := recv.Underlying().(*types.Pointer); ok {
			recv = p.Elem()
		}
		st, _ = recv.Underlying().(*types.Struct)
	} else {
		_, st, _ = jwtapi.DeclaringStruct(f)
	}
	if st == nil {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		if g := st.Field(i); g != f && types.Identical(g.Type(), f.Type()) {
			if id := pr.ObjID(f); id != "" {
				if outer := pr.siblingField(se.X); outer != "" {
					id += "@" + outer
				}
				return id
			}
			return ""
		}
	}
	return ""
}

// paramOf returns the parameter index of e when e is a parameter (not the
// receiver) of the function it is in, else -1.
func (pr *Provenance) paramOf(e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return -1
	}
	v, ok := pr.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() != pr.pass.Pkg || !pr.ix.Defs.IsParam(v) || pr.isRecvVar(v) {
		return -1
	}
	return pr.paramIndex(v)
}

// isRecv reports whether e is the receiver of the enclosing method.
func (pr *Provenance) isRecv(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := pr.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	return pr.isRecvVar(v)
}

// isRecvVar reports whether v is the receiver of one of this package's
// methods.
func (pr *Provenance) isRecvVar(v *types.Var) bool {
	if pr.receivers == nil {
		pr.receivers = make(map[*types.Var]bool)
		for _, decl := range pr.ix.Funcs {
			if decl.Recv != nil && len(decl.Recv.List) == 1 && len(decl.Recv.List[0].Names) == 1 {
				if rv, ok := pr.info.Defs[decl.Recv.List[0].Names[0]].(*types.Var); ok {
					pr.receivers[rv] = true
				}
			}
		}
	}
	return pr.receivers[v]
}

func (pr *Provenance) varRoots(v *types.Var, depth int, seen map[ast.Node]bool, out *[]Root) {
	if v.Pkg() == nil {
		return
	}
	if id := pr.ObjID(v); id != "" {
		*out = append(*out, Root{ID: id, Obj: v, Param: -1})
		return
	}
	if v.Pkg() != pr.pass.Pkg {
		return
	}
	if pr.ix.Defs.IsParam(v) {
		if i := pr.paramIndex(v); i >= 0 {
			*out = append(*out, Root{ID: fmt.Sprintf("param:%d", i), Obj: v, Param: i})
		}
		return
	}
	defs, ok := pr.ix.Defs.Of(v)
	if !ok {
		return
	}
	for _, d := range defs {
		if d.Expr != nil {
			pr.collectRoots(d.Expr, depth+1, seen, out)
		}
	}
}

// paramIndex returns the index of v among the parameters of the function
// (declared or literal) that declares it, or -1.
func (pr *Provenance) paramIndex(v *types.Var) int {
	if pr.params == nil {
		pr.params = make(map[*types.Var]int)
		add := func(ft *ast.FuncType) {
			if ft == nil || ft.Params == nil {
				return
			}
			i := 0
			for _, f := range ft.Params.List {
				if len(f.Names) == 0 {
					i++
					continue
				}
				for _, n := range f.Names {
					if pv, ok := pr.info.Defs[n].(*types.Var); ok {
						pr.params[pv] = i
					}
					i++
				}
			}
		}
		for cur := range pr.ins.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.FuncDecl:
				add(n.Type)
			case *ast.FuncLit:
				add(n.Type)
			}
		}
	}
	if i, ok := pr.params[v]; ok {
		return i
	}
	return -1
}

func (pr *Provenance) callRoots(call *ast.CallExpr, depth int, seen map[ast.Node]bool, out *[]Root) {
	if isTypeExpr(pr.info, call.Fun) {
		if len(call.Args) == 1 {
			pr.collectRoots(call.Args[0], depth+1, seen, out)
		}
		return
	}
	*out = append(*out, Root{ID: fmt.Sprintf("at:%d", call.Pos()), Param: -1, Weak: true})
	fn, _ := typeutil.Callee(pr.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	// Pass-through helpers keep the identity of their argument.
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "strings.TrimSpace", "strings.TrimSuffix", "strings.TrimPrefix", "strings.Trim", "cmp.Or", "bytes.TrimSpace":
		for _, a := range call.Args {
			pr.collectRoots(a, depth+1, seen, out)
		}
		return
	}
	// A call with constant (or no) arguments reads the same thing each
	// time: cfg.Secret(), viper.GetString("jwt.secret").
	id := pr.ObjID(fn)
	if id == "" {
		return
	}
	*out = append(*out, Root{ID: id, Obj: fn, Param: -1, Weak: true})
	if row := pr.configGetterOf(fn); row != nil && row.Reads == jwtapi.ReadsConfigKey && row.NameIn(call) != nil {
		if key, ok := jwtapi.ConstString(pr.info, row.NameIn(call)); ok {
			*out = append(*out, Root{ID: "cfgkey:" + strings.ToLower(key), Param: -1})
		}
	}
	args := ""
	for _, a := range call.Args {
		s, ok := jwtapi.ConstString(pr.info, a)
		if !ok {
			tv, ok := pr.info.Types[a]
			if !ok || tv.Value == nil {
				id = ""
				break
			}
			s = tv.Value.ExactString()
		}
		args += fmt.Sprintf("%x,", Fingerprint(s))
	}
	if id != "" {
		recv := false
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s, ok := pr.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				recv = true
				// A getter of the method's own receiver (a.key()) is one
				// key for that receiver, like a field of it.
				if pr.isRecv(sel.X) {
					*out = append(*out, Root{ID: "call:" + id + "(" + args + ")@recv", Obj: fn, Param: -1, Recv: true})
				}
				// A method of a value: the receiver's identity matters.
				for _, r := range pr.Roots(sel.X) {
					if r.Param < 0 && r.Obj != nil {
						*out = append(*out, Root{ID: "call:" + id + "(" + args + ")@" + r.ID, Obj: fn, Param: -1})
					}
				}
			}
		}
		if !recv {
			*out = append(*out, Root{ID: "call:" + id + "(" + args + ")", Obj: fn, Param: -1})
		}
	}
	// A getter of this package: what it returns.
	if fn.Pkg() == pr.pass.Pkg {
		if decl := pr.ix.Funcs[fn]; decl != nil && decl.Body != nil && depth < maxRootDepth-2 {
			var got []Root
			var sets []string
			ast.Inspect(decl.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					if len(n.Results) > 0 {
						rs := pr.rootsNoParams(n.Results[0], depth+1, seen)
						got = append(got, rs...)
						if set := rootSet(rs); set != "" && !slices.Contains(sets, set) {
							sets = append(sets, set)
						}
					}
				}
				return true
			})
			// A getter with parameters whose returns read different keys
			// picks one by its arguments (keyFor("refresh")): what it
			// returns at a call is one of them, not all, so they tell
			// where values go but not which key the call reads. The
			// call's own identity, arguments included, still does.
			choose := len(sets) > 1 && fn.Type().(*types.Signature).Params().Len() > 0
			for _, r := range got {
				if choose {
					r.Weak = true
				}
				*out = append(*out, r)
			}
		}
	}
}

// rootSet names the identities of roots, in order, for comparing what two
// return statements read; "" when they read nothing that tells keys apart.
func rootSet(rs []Root) string {
	var ids []string
	for _, r := range rs {
		if !r.Weak && r.Param < 0 {
			ids = append(ids, r.ID)
		}
	}
	slices.Sort(ids)
	return strings.Join(slices.Compact(ids), "|")
}

// rootsNoParams collects roots of a getter's result, dropping the
// getter's own parameters (they mean nothing at the call).
func (pr *Provenance) rootsNoParams(e ast.Expr, depth int, seen map[ast.Node]bool) []Root {
	var tmp []Root
	pr.collectRoots(e, depth, seen, &tmp)
	out := tmp[:0]
	for _, r := range tmp {
		if r.Param < 0 {
			out = append(out, r)
		}
	}
	return out
}

// concatRoots gives a concatenation one identity made of all its parts:
// base+"-refresh" and base+"-access", or base+a.Secret and base+b.Secret,
// are two keys, though they share a part. Parameters and weak roots pass
// through, for lifting and for following where the value goes. A
// concatenation of constants is a constant, whose fingerprint is its
// identity.
func (pr *Provenance) concatRoots(x *ast.BinaryExpr, depth int, seen map[ast.Node]bool, out *[]Root) {
	if tv, ok := pr.info.Types[x]; ok && tv.Value != nil {
		return
	}
	var parts []Root
	var ids []string
	for _, operand := range []ast.Expr{x.X, x.Y} {
		if tv, ok := pr.info.Types[ast.Unparen(operand)]; ok && tv.Value != nil {
			ids = append(ids, fmt.Sprintf("lit:%x", Fingerprint(tv.Value.ExactString())))
			continue
		}
		pr.collectRoots(operand, depth+1, seen, &parts)
	}
	var recv bool
	var whole []Root
	for _, r := range parts {
		switch {
		case r.Param >= 0 || r.Weak:
			*out = append(*out, r)
		case strings.HasPrefix(r.ID, "concat("):
			// a + b + c: the parts of the inner concatenation.
			ids = append(ids, strings.Split(strings.TrimSuffix(strings.TrimPrefix(r.ID, "concat("), ")"), "+")...)
			recv = recv || r.Recv
		default:
			whole = append(whole, r)
			ids = append(ids, r.ID)
			recv = recv || r.Recv
		}
	}
	if len(ids) <= 1 {
		*out = append(*out, whole...)
		return
	}
	sort.Strings(ids)
	*out = append(*out, Root{ID: "concat(" + strings.Join(ids, "+") + ")", Param: -1, Recv: recv, Pos: x.Pos()})
}

// IsConcat reports whether a root is the identity of a concatenation.
func (r Root) IsConcat() bool { return strings.HasPrefix(r.ID, "concat(") }
