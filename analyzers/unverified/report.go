package unverified

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// checkSites reports parse results trusted without a check and decoded
// claims used without verification.
func (s *state) checkSites() {
	for _, st := range s.collectSites() {
		if tests.Skip(s.pass.Fset, st.Expr.Pos()) {
			continue
		}
		if st.Unverified {
			s.checkUnverified(st)
		} else {
			s.checkVerified(st)
		}
	}
}

// returnsAsWrapper reports whether u is the return that makes st's
// function a wrapper: its callers judge the result.
func (s *state) returnsAsWrapper(st *jwtapi.VerifyEvent, u claimUse) bool {
	if u.ret == nil {
		return false
	}
	decl, ok := st.Encl.(*ast.FuncDecl)
	if !ok || s.ix.EnclosingFunc(u.ret) != decl {
		return false
	}
	fn, _ := s.info.Defs[decl.Name].(*types.Func)
	w := s.wrappers[fn]
	return w != nil && w.Result == u.idx && (w.Kind == jwtapi.WrapUnverified) == st.Unverified
}

func (s *state) checkUnverified(st *jwtapi.VerifyEvent) {
	var first *claimUse
	for _, u := range s.claimUses(st) {
		if u.token || s.returnsAsWrapper(st, u) {
			continue
		}
		first = &u
		break
	}
	if first == nil {
		return
	}
	if s.verifiedAfter(s.outerBody(st.Expr), st.Expr.End(), st.Token, st.TokenVar) || s.peekHelper(st) || s.verifiedBefore(st) {
		return
	}
	s.rep.Reportf(st.Expr.Pos(), st.Expr.End(),
		"claims of %s are used but the token's signature is never verified: verify the same token with its key before trusting its claims", st.API)
}

// peekHelper reports whether st sits in a helper that decodes its token
// parameter for callers in this package that all verify the same token
// string afterwards: the peek-then-verify idiom split over two functions.
func (s *state) peekHelper(st *jwtapi.VerifyEvent) bool {
	return s.handPeekHelper(st.Encl, st.Token)
}

func (s *state) checkVerified(st *jwtapi.VerifyEvent) {
	if !st.ClaimsOnError {
		return
	}
	for _, u := range s.claimUses(st) {
		if u.token || s.returnsAsWrapper(st, u) || s.guarded(st, u.node) || s.returnsValidity(st, u) {
			continue
		}
		s.reportUnchecked(st, u)
		return
	}
}

// reportUnchecked reports the first unguarded use of st's claims, with the
// reason the check fails.
func (s *state) reportUnchecked(st *jwtapi.VerifyEvent, u claimUse) {
	d := analysis.Diagnostic{Pos: st.Expr.Pos(), End: st.Expr.End()}
	sentinel, inside := s.sentinelTest(st, u.node)
	switch {
	case st.ErrVar == nil && st.ErrDropped:
		d.Message = "error of " + st.API + " is discarded but its claims are used: return on a non-nil error (or check token.Valid) before reading the claims"
		d.SuggestedFixes = s.errCheckFix(st)
	case st.ErrVar == nil && st.HasErr():
		// The error goes somewhere this analysis does not follow.
		return
	case st.ErrVar == nil:
		d.Message = "claims of " + st.API + " are used without checking that the parse succeeded: check token.Valid before reading the claims"
	case sentinel != "" && inside:
		d.Message = "claims of " + st.API + " are used when the error only matches " + sentinel + ", which this library also reports for tokens with a bad signature: require err == nil, or compare the error bits for equality, before reading the claims"
	case sentinel != "":
		d.Message = "error of " + st.API + " is only tested for " + sentinel + " before its claims are used, so other failures such as a bad signature fall through: return on every non-nil error before reading the claims"
	case !s.errReferenced(st, u.node.Pos()):
		d.Message = "claims of " + st.API + " are used before its error is checked: return on a non-nil error (or check token.Valid) before reading the claims"
		d.SuggestedFixes = s.errCheckFix(st)
	default:
		d.Message = "claims of " + st.API + " are used on a path where its error may be non-nil: return on a non-nil error (or check token.Valid) before reading the claims"
	}
	s.rep.Report(d)
}

// errReferenced reports whether the site's error variable is mentioned
// between the site and pos.
func (s *state) errReferenced(st *jwtapi.VerifyEvent, pos token.Pos) bool {
	found := false
	ast.Inspect(st.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && id.Pos() > st.After && id.Pos() < pos && s.info.Uses[id] == st.ErrVar {
			found = true
		}
		return true
	})
	return found
}

// sentinelTest looks for tests of the error against modelled sentinels
// between the site and the use. It returns their names and whether the
// use sits in the branch where such a test holds.
func (s *state) sentinelTest(st *jwtapi.VerifyEvent, use ast.Node) (string, bool) {
	var names []string
	seen := map[string]bool{}
	for _, r := range s.ix.SentinelRefs() {
		if r.Ident.Pos() <= st.After || r.Ident.Pos() >= use.Pos() || r.Ident.Pos() < st.Body.Pos() || r.Ident.End() > st.Body.End() {
			continue
		}
		if s.inBranchOf(use, r.Ident) {
			return sentinelName(s.info, r.Ident), r.Var.ClaimsOnly && !r.Var.AfterSignature
		}
		if n := sentinelName(s.info, r.Ident); !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return strings.Join(names, " or "), false
}

// inBranchOf reports whether use sits in the then-branch of an if whose
// condition contains id.
func (s *state) inBranchOf(use ast.Node, id *ast.Ident) bool {
	child := use
	for p := s.ix.Parent(child); p != nil; child, p = p, s.ix.Parent(p) {
		if ifs, ok := p.(*ast.IfStmt); ok && child == ifs.Body && ifs.Cond != nil && ifs.Cond.Pos() <= id.Pos() && id.End() <= ifs.Cond.End() {
			return true
		}
		if _, ok := p.(*ast.FuncDecl); ok {
			return false
		}
	}
	return false
}

func sentinelName(info *types.Info, id *ast.Ident) string {
	obj := info.Uses[id]
	if obj == nil || obj.Pkg() == nil {
		return id.Name
	}
	return obj.Pkg().Name() + "." + obj.Name()
}

// returnsValidity reports whether u returns the claims together with the
// outcome of the parse (return claims, token.Valid), leaving the check to
// the caller.
func (s *state) returnsValidity(st *jwtapi.VerifyEvent, u claimUse) bool {
	if u.ret == nil {
		return false
	}
	for i, r := range u.ret.Results {
		if i != u.idx && s.proves(st, r, true, 0) {
			return true
		}
	}
	return false
}

// outerBody returns the body of the function declaration (or, at package
// level, the outermost function literal) that holds n: a peek inside a
// keyfunc is verified by the parse that calls the keyfunc.
func (s *state) outerBody(n ast.Node) *ast.BlockStmt {
	var body *ast.BlockStmt
	for p := s.ix.Parent(n); p != nil; p = s.ix.Parent(p) {
		switch f := p.(type) {
		case *ast.FuncDecl:
			return f.Body
		case *ast.FuncLit:
			body = f.Body
		}
	}
	return body
}
