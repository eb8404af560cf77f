package noexp

import (
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
		sh := c.r.ShapeOf(named)
		if sh.Kind != jwtapi.ShapeStruct {
			continue
		}
		path, hidden := c.hiddenValid(sh, fn.Name(), nil, 0)
		var ownExp *types.Var
		if hidden == nil {
			for _, car := range sh.Carriers {
				if car.Own {
					ownExp = car.Field
					break
				}
			}
			if ownExp == nil {
				continue
			}
			if usedAsClaims == nil {
				usedAsClaims = c.r.ClaimsTypes(fn.Name())
			}
			if !usedAsClaims[named] {
				continue
			}
		}
		if c.r.ChecksExpiry(decl, recv) {
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
func (c *checker) hiddenValid(sh *jwtapi.ClaimsShape, name string, path []string, depth int) ([]string, *types.Named) {
	if depth > 4 {
		return nil, nil
	}
	for _, car := range sh.Carriers {
		if car.Own || !car.Field.Embedded() || car.Sub == nil {
			continue
		}
		p := append(append([]string(nil), path...), car.Field.Name())
		switch car.Sub.Kind {
		case jwtapi.ShapeRegistered:
			row := c.ix.Model.Package(car.Sub.Row.Pkg)
			n, ok := car.Sub.Type.(*types.Named)
			if ok && row != nil && row.ClaimsValidMethod == name {
				return p, n
			}
		case jwtapi.ShapeStruct:
			// An embedded user struct that defines the method itself is
			// checked on its own.
			if inner := recvNamed(car.Field.Type()); inner != nil && jwtapi.HasMethod(inner, name) {
				continue
			}
			if q, n := c.hiddenValid(car.Sub, name, p, depth+1); n != nil {
				return q, n
			}
		}
	}
	return nil, nil
}
