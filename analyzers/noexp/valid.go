package noexp

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// checkValidMethods reports a claims type's own validation method (v3/v4
// Valid) that the parser calls in place of the library's claims checks,
// when it never looks at exp: it hides the embedded claims' Valid, or
// ignores the type's own exp field.
func (c *checker) checkValidMethods() {
	objs := make([]*types.Func, 0, len(c.ix.Funcs))
	for fn := range c.ix.Funcs {
		objs = append(objs, fn)
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].Pos() < objs[j].Pos() })
	var usedAsClaims map[*types.Named]bool
	for _, fn := range objs {
		decl := c.ix.Funcs[fn]
		if decl == nil || decl.Recv == nil || decl.Body == nil || c.inTest(decl.Pos()) || !isErrorMethod(fn) {
			continue
		}
		sig, _ := fn.Type().(*types.Signature)
		if sig == nil || sig.Recv() == nil {
			continue
		}
		recv := sig.Recv()
		named := recvNamed(recv.Type())
		if named == nil || named.Obj().Pkg() != c.pass.Pkg {
			continue
		}
		sh := c.shapeOf(named, 0)
		if sh.kind != shapeStruct {
			continue
		}
		path, hidden := c.hiddenValid(sh, fn.Name(), nil, 0)
		var ownExp *types.Var
		if hidden == nil {
			for _, car := range sh.carriers {
				if car.own {
					ownExp = car.field
					break
				}
			}
			if ownExp == nil {
				continue
			}
			if usedAsClaims == nil {
				usedAsClaims = c.claimsTypes(fn.Name())
			}
			if !usedAsClaims[named] {
				continue
			}
		}
		if c.checksExpiry(decl, recv) {
			continue
		}
		rv := "c"
		if recv.Name() != "" && recv.Name() != "_" {
			rv = recv.Name()
		}
		method := named.Obj().Name() + "." + fn.Name()
		var msg string
		if hidden != nil {
			lib := qualified(hidden.Obj().Pkg().Name(), hidden.Obj().Name())
			msg = "method " + method + " replaces " + lib + "." + fn.Name() + " and never checks exp, so expired tokens are accepted: call " +
				rv + "." + strings.Join(path, ".") + "." + fn.Name() + "() from it"
		} else {
			msg = "method " + method + " replaces the library's claims checks and never reads " + ownExp.Name() +
				", so expired tokens are accepted: reject the token when " + ownExp.Name() + " is missing or in the past"
		}
		c.report(analysis.Diagnostic{Pos: decl.Name.Pos(), End: decl.Name.End(), Message: msg})
	}
}

// isErrorMethod reports whether fn has the shape of a claims validation
// method: func() error.
func isErrorMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type())
}

func recvNamed(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// hiddenValid finds an embedded library claims struct (directly, or in an
// embedded struct) whose package's parser calls a method named name in
// place of its own checks: the user's method of that name hides it. It
// returns the field path to it.
func (c *checker) hiddenValid(sh *shape, name string, path []string, depth int) ([]string, *types.Named) {
	if depth > 4 {
		return nil, nil
	}
	for _, car := range sh.carriers {
		if car.own || !car.field.Embedded() || car.sub == nil {
			continue
		}
		p := append(append([]string(nil), path...), car.field.Name())
		switch car.sub.kind {
		case shapeRegistered:
			row := c.ix.Model.Package(car.sub.row.Pkg)
			n, ok := car.sub.typ.(*types.Named)
			if ok && row != nil && row.ClaimsValidMethod == name {
				return p, n
			}
		case shapeStruct:
			// An embedded user struct that defines the method itself is
			// checked on its own.
			if inner := recvNamed(car.field.Type()); inner != nil && hasMethod(inner, name) {
				continue
			}
			if q, n := c.hiddenValid(car.sub, name, p, depth+1); n != nil {
				return q, n
			}
		}
	}
	return nil, nil
}

func hasMethod(n *types.Named, name string) bool {
	for i := 0; i < n.NumMethods(); i++ {
		if n.Method(i).Name() == name {
			return true
		}
	}
	return false
}

// claimsTypes returns the named types used as claims in modelled calls of
// libraries whose parser calls a method named name in place of its checks.
func (c *checker) claimsTypes(name string) map[*types.Named]bool {
	out := make(map[*types.Named]bool)
	for _, call := range c.ix.Calls {
		if call.Func.Claims < 0 {
			continue
		}
		row := c.ix.Model.Package(call.Func.Pkg)
		if row == nil || row.ClaimsValidMethod != name {
			continue
		}
		if a := call.Arg(call.Func.Claims); a != nil {
			if n := recvNamed(c.info.TypeOf(a)); n != nil {
				out[n] = true
			}
		}
	}
	return out
}

// checksExpiry reports whether a validation method may check exp: it reads
// an expiry field or exp entry, calls a library claims method (Valid,
// VerifyExpiresAt), or hands its receiver to other code.
func (c *checker) checksExpiry(decl *ast.FuncDecl, recv *types.Var) bool {
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.SelectorExpr:
			s := c.info.Selections[x]
			if s == nil {
				return true
			}
			switch s.Kind() {
			case types.FieldVal:
				if f, _ := s.Obj().(*types.Var); c.isExpiryField(f) {
					found = true
				}
			case types.MethodVal, types.MethodExpr:
				fn, _ := s.Obj().(*types.Func)
				if fn == nil || fn.Pkg() == nil {
					found = true
					return false
				}
				if c.ix.Model.IsLibrary(fn.Pkg().Path()) {
					sig, _ := fn.Type().(*types.Signature)
					if sig == nil || sig.Recv() == nil {
						return true
					}
					if row := c.ix.Model.Type(sig.Recv().Type()); row != nil &&
						(row.Role == jwtapi.TypeRegistered || row.Role == jwtapi.TypeMapClaims) {
						found = true
					}
					return true
				}
				if s.Kind() == types.MethodExpr || c.rootedAt(x.X, recv) {
					found = true // a method of the claims type: may check exp
				}
			}
		case *ast.IndexExpr:
			if c.isExpiryExpr(x, 0) {
				found = true
			}
		case *ast.CallExpr:
			for _, a := range x.Args {
				if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok {
					a = u.X
				}
				if id, ok := ast.Unparen(a).(*ast.Ident); ok && recv != nil && c.info.Uses[id] == recv {
					found = true // the receiver is handed to other code
				}
			}
		}
		return true
	})
	return found
}

// rootedAt reports whether e is the variable v or a selection from it.
func (c *checker) rootedAt(e ast.Expr, v *types.Var) bool {
	if v == nil {
		return false
	}
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return c.info.Uses[x] == v
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return false
		}
	}
}
