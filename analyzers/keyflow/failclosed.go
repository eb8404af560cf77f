package keyflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// A default that fails closed: the program refuses a secret shorter than
// N bytes, or equal to a known placeholder, and stops (log.Fatal, panic,
// os.Exit, a returned error). A constant default the check rejects never
// signs anything, wherever the check is.

// rejection is one startup check: the value it reads, and what it refuses.
type rejection struct {
	ids    map[string]bool // identities of the value checked
	minLen int             // values shorter than this are refused; 0 when none
	fps    []uint64        // values equal to these are refused
}

// FailsClosed reports whether a startup check of the package refuses
// the site's constant in the variable or field it is assigned to.
func (pr *Provenance) FailsClosed(s *FallbackSite) bool {
	if pr.rejections == nil {
		pr.rejections = pr.collectRejections()
	}
	v := s.Value
	for _, r := range pr.rejections {
		refused := v.Len >= 0 && v.Len < r.minLen
		for _, fp := range r.fps {
			if v.FP != 0 && fp == v.FP {
				refused = true
			}
		}
		if !refused {
			continue
		}
		for _, ref := range s.Roots {
			if !ref.Weak && ref.Param < 0 && r.ids[ref.ID] {
				return true
			}
		}
	}
	return false
}

func (pr *Provenance) collectRejections() []rejection {
	out := []rejection{}
	for cur := range pr.ins.Root().Preorder((*ast.IfStmt)(nil)) {
		ifs := cur.Node().(*ast.IfStmt)
		if !pr.stops(ifs.Body) {
			continue
		}
		for _, cond := range disjuncts(ifs.Cond) {
			r, x, ok := pr.rejectionOf(cond)
			if !ok {
				continue
			}
			r.ids = make(map[string]bool)
			for _, root := range pr.Roots(x) {
				if !root.Weak && root.Param < 0 {
					r.ids[root.ID] = true
				}
			}
			if len(r.ids) > 0 {
				out = append(out, r)
			}
		}
	}
	return out
}

// disjuncts splits a || b || c.
func disjuncts(e ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.LOR {
		return append(disjuncts(b.X), disjuncts(b.Y)...)
	}
	return []ast.Expr{e}
}

// rejectionOf recognises len(x) < n, len(x) <= n, n > len(x) and
// x == "placeholder".
func (pr *Provenance) rejectionOf(cond ast.Expr) (rejection, ast.Expr, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return rejection{}, nil, false
	}
	l, r, op := b.X, b.Y, b.Op
	switch op {
	case token.GTR, token.GEQ:
		l, r = r, l
		if op == token.GTR {
			op = token.LSS
		} else {
			op = token.LEQ
		}
	}
	switch op {
	case token.LSS, token.LEQ:
		x := jwtapi.LenOperand(pr.info, l)
		if x == nil {
			return rejection{}, nil, false
		}
		tv, ok := pr.info.Types[r]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
			return rejection{}, nil, false
		}
		n, ok := constant.Int64Val(tv.Value)
		if !ok {
			return rejection{}, nil, false
		}
		if op == token.LEQ {
			n++
		}
		return rejection{minLen: int(n)}, x, true
	case token.EQL:
		for _, pair := range [][2]ast.Expr{{l, r}, {r, l}} {
			if s, ok := jwtapi.ConstString(pr.info, pair[1]); ok && s != "" {
				if _, isConst := jwtapi.ConstString(pr.info, pair[0]); !isConst {
					return rejection{fps: []uint64{Fingerprint(s)}}, pair[0], true
				}
			}
		}
	}
	return rejection{}, nil, false
}

// stops reports whether a block ends the program or returns an error.
func (pr *Provenance) stops(body *ast.BlockStmt) bool {
	if body == nil || len(body.List) == 0 {
		return false
	}
	switch last := body.List[len(body.List)-1].(type) {
	case *ast.ExprStmt:
		call, ok := ast.Unparen(last.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		return jwtapi.NeverReturns(pr.info, call)
	case *ast.ReturnStmt:
		if len(last.Results) == 0 {
			return false
		}
		e := last.Results[len(last.Results)-1]
		tv, ok := pr.info.Types[e]
		return ok && !tv.IsNil() && types.Identical(tv.Type, types.Universe.Lookup("error").Type())
	}
	return false
}
