package unverified

import (
	"go/ast"

	"golang.org/x/tools/go/cfg"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// funcFlow is the control-flow graph of one function body that holds a
// verify event (or a use of its claims), built on first need.
type funcFlow struct {
	g *cfg.CFG
	// at places every node of the graph: its block and index there.
	at map[ast.Node]flowPos
}

type flowPos struct {
	b *cfg.Block
	i int
}

// flowOf returns the graph of body, building it once.
func (s *state) flowOf(body *ast.BlockStmt) *funcFlow {
	if f, ok := s.flows[body]; ok {
		return f
	}
	g := cfg.New(body, func(call *ast.CallExpr) bool { return !jwtapi.NeverReturns(s.info, call) })
	f := &funcFlow{g: g, at: make(map[ast.Node]flowPos)}
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			f.at[n] = flowPos{b, i}
		}
	}
	s.flows[body] = f
	return f
}

// locate returns the graph node that holds n: n itself or its nearest
// ancestor in the graph.
func (s *state) locate(f *funcFlow, n ast.Node) (flowPos, bool) {
	for ; n != nil; n = s.ix.Parent(n) {
		if p, ok := f.at[n]; ok {
			return p, true
		}
		switch n.(type) {
		case *ast.FuncDecl, *ast.File:
			return flowPos{}, false
		}
	}
	return flowPos{}, false
}

// reachable reports whether control can go from the node at from (the
// function's entry when from is nil) to the node at to without passing the
// node at wall (when not nil) and without taking an edge that blocked
// closes. An edge leaves a block ending in a condition: blocked(cond, tag,
// pol) is asked whether the branch where cond (compared with tag, for a
// case of a tagged switch) evaluates to pol is closed.
func (s *state) reachable(f *funcFlow, from *flowPos, to flowPos, wall *flowPos, blocked func(cond, tag ast.Expr, pol bool) bool) bool {
	walled := func(b *cfg.Block, after, before int) bool {
		return wall != nil && wall.b == b && wall.i > after && wall.i < before
	}
	var work []*cfg.Block
	expand := func(b *cfg.Block) {
		cond, tag, isCond := s.branchCond(b)
		for i, succ := range b.Succs {
			if isCond && blocked != nil && blocked(cond, tag, i == 0) {
				continue
			}
			work = append(work, succ)
		}
	}
	if from == nil {
		if len(f.g.Blocks) == 0 {
			return false
		}
		work = append(work, f.g.Blocks[0])
	} else {
		if from.b == to.b && to.i > from.i && !walled(to.b, from.i, to.i) {
			return true
		}
		if walled(from.b, from.i, len(from.b.Nodes)) {
			return false
		}
		expand(from.b)
	}
	seen := map[*cfg.Block]bool{}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		if b == to.b && !walled(b, -1, to.i) {
			return true
		}
		if walled(b, -1, len(b.Nodes)) {
			continue
		}
		expand(b)
	}
	return false
}

// branchCond returns the condition a block ends in when it branches on
// one: an if or for condition, or a case expression of a switch (with the
// switch's tag, nil for a tagless switch).
func (s *state) branchCond(b *cfg.Block) (cond, tag ast.Expr, ok bool) {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return nil, nil, false
	}
	e, isExpr := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !isExpr {
		return nil, nil, false
	}
	switch p := s.ix.Parent(e).(type) {
	case *ast.IfStmt:
		return e, nil, p.Cond == e
	case *ast.ForStmt:
		return e, nil, p.Cond == e
	case *ast.CaseClause:
		sw, ok := s.ix.Parent(s.ix.Parent(p)).(*ast.SwitchStmt)
		if !ok {
			return nil, nil, false
		}
		return e, sw.Tag, true
	}
	return nil, nil, false
}
