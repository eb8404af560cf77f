package jwtapi

import (
	"go/ast"
	"go/types"
	"sync"

	"golang.org/x/tools/go/types/typeutil"
)

// The syntax tree around verify events: parents of every node and the
// static calls of the package, built once on first use (the Index is
// shared by the analyzers that run on a package, possibly at once).

type verifyCache struct {
	treeOnce   sync.Once
	tree       *verifyTree
	eventsOnce sync.Once
	events     []*VerifyEvent
	eventOf    map[*ast.CallExpr]*VerifyEvent
}

type verifyTree struct {
	parents map[ast.Node]ast.Node
	calls   []StaticCall
}

// StaticCall is a call whose callee is a function or method known
// statically.
type StaticCall struct {
	Call *ast.CallExpr
	Fn   *types.Func // the generic origin
}

func (ix *Index) tree() *verifyTree {
	ix.verify.treeOnce.Do(func() {
		t := &verifyTree{parents: make(map[ast.Node]ast.Node)}
		if ix.pass != nil {
			for _, f := range ix.pass.Files {
				var stack []ast.Node
				ast.Inspect(f, func(n ast.Node) bool {
					if n == nil {
						stack = stack[:len(stack)-1]
						return true
					}
					if len(stack) > 0 {
						t.parents[n] = stack[len(stack)-1]
					}
					stack = append(stack, n)
					if call, ok := n.(*ast.CallExpr); ok {
						if fn, ok := typeutil.Callee(ix.Info, call).(*types.Func); ok {
							t.calls = append(t.calls, StaticCall{call, fn.Origin()})
						}
					}
					return true
				})
			}
		}
		ix.verify.tree = t
	})
	return ix.verify.tree
}

// StaticCalls lists every static call of the package in source order.
func (ix *Index) StaticCalls() []StaticCall { return ix.tree().calls }
