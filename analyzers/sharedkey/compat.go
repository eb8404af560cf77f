package sharedkey

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// The names the rule's other files use for keyflow's naming of keys.
var (
	words        = jwtapi.Words
	has          = jwtapi.HasWord
	isSecretName = keyflow.IsSecretName
	envName      = keyflow.EnvName
	envOfValue   = keyflow.EnvOfValue
	splitEnv     = keyflow.SplitEnv
)

// rootRef and nameCtx are keyflow.Root and keyflow.Name as the rule's
// other files read them.
type rootRef struct {
	id         string
	obj        types.Object
	param      int
	recv, weak bool
}

type nameCtx struct{ context, name []string }

func refsOf(rs []keyflow.Root) []rootRef {
	out := make([]rootRef, len(rs))
	for i, r := range rs {
		out[i] = rootRef{id: r.ID, obj: r.Obj, param: r.Param, recv: r.Recv, weak: r.Weak}
	}
	return out
}

func namesOf(ns []keyflow.Name) []nameCtx {
	out := make([]nameCtx, len(ns))
	for i, n := range ns {
		out[i] = nameCtx{context: n.Context, name: n.Words}
	}
	return out
}

var (
	localVar = keyflow.LocalVar
	keyLike  = keyflow.KeyLike
)

func (c *checker) roots(e ast.Expr) []rootRef                  { return refsOf(c.prov.Roots(e)) }
func (c *checker) objID(obj types.Object) string               { return c.prov.ObjID(obj) }
func (c *checker) climb(cur inspector.Cursor) inspector.Cursor { return c.prov.Climb(cur) }

func (c *checker) destOf(cur inspector.Cursor, followLocals bool) ([]nameCtx, []rootRef, []types.Object) {
	d := c.prov.DestOf(cur, followLocals)
	return namesOf(d.Names), refsOf(d.Roots), d.Objs
}

func (c *checker) lvalue(l ast.Expr) (nameCtx, []rootRef, []types.Object) {
	d := c.prov.LValue(l)
	return namesOf(d.Names)[0], refsOf(d.Roots), d.Objs
}

func (c *checker) usesDest(from inspector.Cursor, v *types.Var) ([]nameCtx, []rootRef, []types.Object) {
	d := c.prov.UsesDest(from, v)
	return namesOf(d.Names), refsOf(d.Roots), d.Objs
}

func (c *checker) returnDest(cur inspector.Cursor) []nameCtx {
	return namesOf(c.prov.ReturnDest(cur).Names)
}
func (c *checker) returnRefs(cur inspector.Cursor) []rootRef {
	return refsOf(c.prov.ReturnDest(cur).Roots)
}
