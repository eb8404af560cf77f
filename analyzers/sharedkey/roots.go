package sharedkey

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// rootRef is one thing a key expression reads: a package variable, a
// field, a call, a parameter of the enclosing function.
type rootRef struct {
	id  string
	obj types.Object // the variable, field or function, when there is one
	// param is the parameter index for a parameter of the function the
	// expression is in, else -1.
	param int
	// recv: the value is a field read through the receiver.
	recv bool
	// weak: good for finding where a value goes, not for telling keys
	// apart (a function called with arguments that may differ).
	weak bool
}

const maxRootDepth = 8

// roots returns what e is read from, following local variables to their
// definitions. Identities are strings: objID for objects, "at:<pos>" for
// calls in this package, "call:<func>(<arg fingerprints>)" for calls with
// constant arguments.
func (c *checker) roots(e ast.Expr) []rootRef {
	var out []rootRef
	seen := map[ast.Node]bool{}
	c.collectRoots(e, 0, seen, &out)
	return out
}

func (c *checker) collectRoots(e ast.Expr, depth int, seen map[ast.Node]bool, out *[]rootRef) {
	if e == nil || depth > maxRootDepth || seen[e] {
		return
	}
	seen[e] = true
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return
		}
		c.varRoots(v, depth, seen, out)
	case *ast.SelectorExpr:
		sel, ok := c.info.Selections[x]
		if !ok {
			if v, ok := c.info.Uses[x.Sel].(*types.Var); ok {
				c.varRoots(v, depth, seen, out)
			}
			return
		}
		if sel.Kind() != types.FieldVal {
			return
		}
		if c.flow.Origin(x).Kind == keyflow.Secret {
			// A member of a secret manager's response: the request names
			// the secret, the field (SecretString) does not.
			return
		}
		field, _ := sel.Obj().(*types.Var)
		if id := c.objID(field); id != "" {
			if outer := c.siblingField(x.X); outer != "" {
				id += "@" + outer
			}
			// tc.Secret of a parameter tc is the field of whatever the
			// caller passes (mint(cfg.Access) or mint(cfg.Refresh)): the
			// parameter says which key it is, the field alone does not.
			if pi := c.paramOf(x.X); pi >= 0 {
				*out = append(*out, rootRef{id: id, obj: field, param: -1, weak: true})
				*out = append(*out, rootRef{id: fmt.Sprintf("param:%d", pi), param: pi})
				return
			}
			*out = append(*out, rootRef{id: id, obj: field, param: -1, recv: c.isRecv(x.X)})
		}
	case *ast.StarExpr:
		c.collectRoots(x.X, depth+1, seen, out)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			c.collectRoots(x.X, depth+1, seen, out)
		}
	case *ast.SliceExpr:
		c.collectRoots(x.X, depth+1, seen, out)
	case *ast.IndexExpr:
		// keys["refresh"] and keys["access"] are two keys: a constant
		// index is part of what the key is.
		tv, ok := c.info.Types[x.Index]
		if !ok || tv.Value == nil {
			c.collectRoots(x.X, depth+1, seen, out)
			return
		}
		var inner []rootRef
		c.collectRoots(x.X, depth+1, seen, &inner)
		for _, r := range inner {
			if r.param < 0 && !r.weak {
				r.id += fmt.Sprintf("[%x]", keyflow.Fingerprint(tv.Value.ExactString()))
			}
			*out = append(*out, r)
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			c.collectRoots(x.X, depth+1, seen, out)
			c.collectRoots(x.Y, depth+1, seen, out)
		}
	case *ast.CallExpr:
		c.callRoots(x, depth, seen, out)
	}
}

// siblingField returns the identity of the field e selects when its
// struct has another field of the same type (Access and Refresh, both a
// TokenConfig): cfg.Access.Secret and cfg.Refresh.Secret are then two
// keys, though Secret is one field. It returns "" otherwise, so that
// cfg.JWTSecret stays one identity however cfg is reached.
func (c *checker) siblingField(e ast.Expr) string {
	se, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	sel, ok := c.info.Selections[se]
	if !ok || sel.Kind() != types.FieldVal || len(sel.Index()) != 1 {
		return ""
	}
	f, _ := sel.Obj().(*types.Var)
	if f == nil {
		return ""
	}
	recv := sel.Recv()
	if p, ok := recv.Underlying().(*types.Pointer); ok {
		recv = p.Elem()
	}
	st, ok := recv.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		if g := st.Field(i); g != f && types.Identical(g.Type(), f.Type()) {
			if id := c.objID(f); id != "" {
				if outer := c.siblingField(se.X); outer != "" {
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
func (c *checker) paramOf(e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return -1
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() != c.pass.Pkg || !c.ix.Defs.IsParam(v) || c.isRecvVar(v) {
		return -1
	}
	return c.paramIndex(v)
}

// isRecv reports whether e is the receiver of the enclosing method.
func (c *checker) isRecv(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	return c.isRecvVar(v)
}

// isRecvVar reports whether v is the receiver of one of this package's
// methods.
func (c *checker) isRecvVar(v *types.Var) bool {
	if c.receivers == nil {
		c.receivers = make(map[*types.Var]bool)
		for _, decl := range c.ix.Funcs {
			if decl.Recv != nil && len(decl.Recv.List) == 1 && len(decl.Recv.List[0].Names) == 1 {
				if rv, ok := c.info.Defs[decl.Recv.List[0].Names[0]].(*types.Var); ok {
					c.receivers[rv] = true
				}
			}
		}
	}
	return c.receivers[v]
}

func (c *checker) varRoots(v *types.Var, depth int, seen map[ast.Node]bool, out *[]rootRef) {
	if v.Pkg() == nil {
		return
	}
	if id := c.objID(v); id != "" {
		*out = append(*out, rootRef{id: id, obj: v, param: -1})
		return
	}
	if v.Pkg() != c.pass.Pkg {
		return
	}
	if c.ix.Defs.IsParam(v) {
		if i := c.paramIndex(v); i >= 0 {
			*out = append(*out, rootRef{id: fmt.Sprintf("param:%d", i), obj: v, param: i})
		}
		return
	}
	defs, ok := c.ix.Defs.Of(v)
	if !ok {
		return
	}
	for _, d := range defs {
		if d.Expr != nil {
			c.collectRoots(d.Expr, depth+1, seen, out)
		}
	}
}

// paramIndex returns the index of v among the parameters of the function
// (declared or literal) that declares it, or -1.
func (c *checker) paramIndex(v *types.Var) int {
	if c.params == nil {
		c.params = make(map[*types.Var]int)
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
					if pv, ok := c.info.Defs[n].(*types.Var); ok {
						c.params[pv] = i
					}
					i++
				}
			}
		}
		for cur := range c.ins.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.FuncDecl:
				add(n.Type)
			case *ast.FuncLit:
				add(n.Type)
			}
		}
	}
	if i, ok := c.params[v]; ok {
		return i
	}
	return -1
}

func (c *checker) callRoots(call *ast.CallExpr, depth int, seen map[ast.Node]bool, out *[]rootRef) {
	if isTypeExpr(c.info, call.Fun) {
		if len(call.Args) == 1 {
			c.collectRoots(call.Args[0], depth+1, seen, out)
		}
		return
	}
	*out = append(*out, rootRef{id: fmt.Sprintf("at:%d", call.Pos()), param: -1, weak: true})
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	// Pass-through helpers keep the identity of their argument.
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "strings.TrimSpace", "strings.TrimSuffix", "strings.TrimPrefix", "strings.Trim", "cmp.Or", "bytes.TrimSpace":
		for _, a := range call.Args {
			c.collectRoots(a, depth+1, seen, out)
		}
		return
	}
	// A call with constant (or no) arguments reads the same thing each
	// time: cfg.Secret(), viper.GetString("jwt.secret").
	id := c.objID(fn)
	if id == "" {
		return
	}
	*out = append(*out, rootRef{id: id, obj: fn, param: -1, weak: true})
	if row := c.configGetterOf(fn); row != nil && row.Reads == jwtapi.ReadsConfigKey && row.NameArg < len(call.Args) {
		if key, ok := c.constString(call.Args[row.NameArg]); ok {
			*out = append(*out, rootRef{id: "cfgkey:" + strings.ToLower(key), param: -1})
		}
	}
	args := ""
	for _, a := range call.Args {
		s, ok := c.constString(a)
		if !ok {
			tv, ok := c.info.Types[a]
			if !ok || tv.Value == nil {
				id = ""
				break
			}
			s = tv.Value.ExactString()
		}
		args += fmt.Sprintf("%x,", keyflow.Fingerprint(s))
	}
	if id != "" {
		recv := false
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				recv = true
				// A getter of the method's own receiver (a.key()) is one
				// key for that receiver, like a field of it.
				if c.isRecv(sel.X) {
					*out = append(*out, rootRef{id: "call:" + id + "(" + args + ")@recv", obj: fn, param: -1, recv: true})
				}
				// A method of a value: the receiver's identity matters.
				for _, r := range c.roots(sel.X) {
					if r.param < 0 && r.obj != nil {
						*out = append(*out, rootRef{id: "call:" + id + "(" + args + ")@" + r.id, obj: fn, param: -1})
					}
				}
			}
		}
		if !recv {
			*out = append(*out, rootRef{id: "call:" + id + "(" + args + ")", obj: fn, param: -1})
		}
	}
	// A getter of this package: what it returns.
	if fn.Pkg() == c.pass.Pkg {
		if decl := c.ix.Funcs[fn]; decl != nil && decl.Body != nil && depth < maxRootDepth-2 {
			var got []rootRef
			var sets []string
			ast.Inspect(decl.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					if len(n.Results) > 0 {
						rs := c.rootsNoParams(n.Results[0], depth+1, seen)
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
					r.weak = true
				}
				*out = append(*out, r)
			}
		}
	}
}

// rootSet names the identities of roots, in order, for comparing what two
// return statements read; "" when they read nothing that tells keys apart.
func rootSet(rs []rootRef) string {
	var ids []string
	for _, r := range rs {
		if !r.weak && r.param < 0 {
			ids = append(ids, r.id)
		}
	}
	slices.Sort(ids)
	return strings.Join(slices.Compact(ids), "|")
}

// rootsNoParams collects roots of a getter's result, dropping the
// getter's own parameters (they mean nothing at the call).
func (c *checker) rootsNoParams(e ast.Expr, depth int, seen map[ast.Node]bool) []rootRef {
	var tmp []rootRef
	c.collectRoots(e, depth, seen, &tmp)
	out := tmp[:0]
	for _, r := range tmp {
		if r.param < 0 {
			out = append(out, r)
		}
	}
	return out
}
