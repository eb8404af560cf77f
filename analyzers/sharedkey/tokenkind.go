package sharedkey

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// Kinds reads the kind of token (access, refresh, ID, …) a key use serves,
// with the evidence the rule itself compares: a type claim, the names of
// the token, claims and result variables, the claims type, the enclosing
// function. It exists for the key inventory (jwtvet keys), so that the
// inventory and the rule never disagree on a kind.
type Kinds struct{ c *checker }

// NewKinds returns the token-kind reader for a pass of an analyzer that
// requires jwtapi.Analyzer and keyflow.Analyzer, or nil when the package
// holds nothing to read.
func NewKinds(pass *analysis.Pass) *Kinds {
	ix, _ := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
	flow, _ := pass.ResultOf[keyflow.Analyzer].(*keyflow.Flow)
	if ix == nil || flow == nil || ix.Skipped || pass.TypesInfo == nil {
		return nil
	}
	return &Kinds{c: &checker{
		pass:          pass,
		ix:            ix,
		flow:          flow,
		info:          pass.TypesInfo,
		ins:           ix.Inspector(),
		sinkRoots:     make(map[string]*jwtapi.KeySink),
		sinkFallbacks: make(map[token.Pos]*jwtapi.KeySink),
		prov:          flow.Provenance(pass),
		reported:      make(map[string]bool),
	}}
}

// Sink returns the kind of token a key sink signs or verifies, or "".
func (k *Kinds) Sink(s *jwtapi.KeySink) string {
	if k == nil || s == nil {
		return ""
	}
	c := k.c
	switch {
	case s.Call != nil:
		at := s.Call
		if at.Outer != nil {
			at = at.Outer
		}
		cur, ok := c.ins.Root().FindNode(at.Expr)
		if !ok {
			return ""
		}
		if at.Func.Role == jwtapi.RoleSign {
			kind, _, _ := c.signEvidence(cur, at)
			return kind
		}
		return c.callSiteKind(cur, at)
	case s.Lit != nil:
		cur, ok := c.ins.Root().FindNode(s.Lit.Expr)
		if !ok {
			return ""
		}
		names, _, _ := c.destOf(cur, false)
		var levels [][]string
		for _, n := range names {
			levels = append(levels, n.name)
		}
		levels = append(levels, c.funcLevels(cur)...)
		return kindFromLevels(levels)
	case s.Keyfunc != nil:
		return k.keyfunc(s.Keyfunc)
	}
	return ""
}

func (k *Kinds) keyfunc(kf *jwtapi.Keyfunc) string {
	c := k.c
	if decl, ok := kf.Node.(*ast.FuncDecl); ok {
		return kindFromLevels([][]string{words(decl.Name.Name)})
	}
	cur, ok := c.ins.Root().FindNode(kf.Node)
	if !ok {
		return ""
	}
	names, _, _ := c.destOf(cur, false)
	var levels [][]string
	for _, n := range names {
		levels = append(levels, n.name)
	}
	levels = append(levels, c.funcLevels(cur)...)
	return kindFromLevels(levels)
}

// Call returns the kind of token a modelled call (a parse with a keyfunc,
// a verifier constructor) handles, or "".
func (k *Kinds) Call(call *jwtapi.Call) string {
	if k == nil || call == nil {
		return ""
	}
	cur, ok := k.c.ins.Root().FindNode(call.Expr)
	if !ok {
		return ""
	}
	if call.Func.Role == jwtapi.RoleSign {
		kind, _, _ := k.c.signEvidence(cur, call)
		return kind
	}
	return k.c.callSiteKind(cur, call)
}

// KindLabel names a kind for people: "access", "refresh", "ID",
// "password-reset", …; "" for an unknown kind.
func KindLabel(kind string) string {
	if kind == kindID {
		return "ID"
	}
	if _, ok := kindLabels[kind]; ok {
		return kind
	}
	return ""
}
