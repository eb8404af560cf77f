package noexp

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// checkParse reports a parse, or a parser construction, of a library that
// accepts tokens without exp unless an option says otherwise, when none of
// its options does. Parser methods are covered by the construction.
func (c *checker) checkParse(p *jwtapi.ExpiryParse) {
	call, optName, opts := p.Call, p.RequireOption, p.Options
	if opts.Kinds[jwtapi.OptSkipClaims] || opts.Kinds[jwtapi.OptExpirationRequired] || !opts.Complete {
		return
	}
	if c.r.EnforcesExpiry(p) || (p.NewParser && c.r.OnlyUnverified(call.Expr)) {
		return
	}
	name := c.callName(call.Expr)
	q, qualOK := c.pkgQualifier(call.Expr)
	opt := qualified(q, optName) + "()"
	if !qualOK {
		opt = optName + "()"
	}
	d := analysis.Diagnostic{
		Pos:     call.Expr.Pos(),
		End:     call.Expr.End(),
		Message: name + " accepts tokens that have no exp claim, and such tokens never expire: add " + opt,
	}
	if fix, ok := c.optionFix(call, opt, optName, opts.Lits, qualOK); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.report(d)
}

// optionFix appends the option to the call, or, when the options are
// spread from a slice (opts...), to the one literal that builds the slice.
func (c *checker) optionFix(call *jwtapi.Call, opt, optName string, lits []*ast.CompositeLit, qualOK bool) (analysis.SuggestedFix, bool) {
	msg := "add " + opt
	if !call.Expr.Ellipsis.IsValid() {
		if !qualOK {
			return analysis.SuggestedFix{}, false
		}
		pos, first := call.NextArgPos()
		text := ", " + opt
		if first {
			text = opt
		}
		e := analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
		return analysis.SuggestedFix{Message: msg, TextEdits: []analysis.TextEdit{e}}, true
	}
	if len(lits) != 1 || c.fixed[lits[0]] {
		return analysis.SuggestedFix{}, false
	}
	lit := lits[0]
	file := c.ix.FileAt(lit.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	q, edits, ok := c.importName(file, call.Func.Pkg, lit.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits, ok = mergeInserts(append(edits, c.addElement(lit, qualified(q, optName)+"()")...))
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	c.fixed[lit] = true
	return analysis.SuggestedFix{Message: msg, TextEdits: edits}, true
}

// checkSetting reports options and parser fields that switch off or
// loosen expiry checks.
func (c *checker) checkSetting(s *jwtapi.ExpirySetting) {
	switch s.Kind {
	case jwtapi.OptSkipClaims:
		if !s.On || c.validatesByHand(s.Pkg) {
			return
		}
		what := s.What
		if s.Call != nil {
			what = c.callName(s.Call.Expr)
		}
		c.report(analysis.Diagnostic{
			Pos:     s.Node.Pos(),
			End:     s.Node.End(),
			Message: what + " switches off claims validation, so expired tokens are accepted: remove it",
		})
	case jwtapi.OptLeeway:
		name := c.callName(s.Call.Expr)
		call := s.Call
		d, ok := c.durationValue(s.Value, 0)
		if !ok || d < c.maxLeeway {
			return
		}
		c.report(analysis.Diagnostic{
			Pos:     call.Expr.Pos(),
			End:     call.Expr.End(),
			Message: fmt.Sprintf("%s(%s) accepts tokens for %s after they expire: use a leeway below %s, of seconds or a few minutes", name, d, d, c.maxLeeway),
		})
	}
}

// durationValue returns the value of a constant duration, or of a local
// variable only ever set to one.
func (c *checker) durationValue(e ast.Expr, depth int) (time.Duration, bool) {
	if e == nil || depth > 3 {
		return 0, false
	}
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() != constant.Int {
			return 0, false
		}
		n, exact := constant.Int64Val(tv.Value)
		return time.Duration(n), exact
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return 0, false
	}
	defs, ok := c.ix.Defs.Of(v)
	if !ok || len(defs) != 1 || defs[0].Index >= 0 {
		return 0, false
	}
	return c.durationValue(defs[0].Expr, depth+1)
}

// validatesByHand reports whether the package validates claims itself
// (claims.Valid() in v3/v4, a Validator's Validate in v5), which is what a
// parse that skips claims validation is usually paired with.
func (c *checker) validatesByHand(pkg string) bool {
	if r, ok := c.handValidation[pkg]; ok {
		return r
	}
	row := c.ix.Model.Package(pkg)
	found := false
	if row != nil && row.ValidateMethod != "" {
		for _, f := range c.pass.Files {
			if c.inTest(f.Pos()) {
				continue
			}
			for _, d := range f.Decls {
				// A claims type's own Valid calling the embedded Valid is
				// the library's check, not one made after a lenient parse.
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && (fd.Name.Name == row.ValidateMethod || fd.Name.Name == row.ClaimsValidMethod) {
					continue
				}
				if c.callsValidate(d, row.ValidateMethod) {
					found = true
				}
			}
		}
	}
	c.handValidation[pkg] = found
	return found
}

// recvVar returns the named receiver of a method declaration, or nil.
func (c *checker) recvVar(decl *ast.FuncDecl) *types.Var {
	if decl.Recv == nil || len(decl.Recv.List) == 0 || len(decl.Recv.List[0].Names) == 0 {
		return nil
	}
	v, _ := c.info.Defs[decl.Recv.List[0].Names[0]].(*types.Var)
	return v
}

// callsValidate reports whether n calls a method named name that
// validates claims: a library method, or a method of the program's claims
// type that checks exp.
func (c *checker) callsValidate(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn, _ := typeutil.Callee(c.info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Name() != name {
			return true
		}
		if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() == nil {
			return true
		}
		if c.ix.Model.IsLibrary(fn.Pkg().Path()) {
			found = true
		} else if decl := c.ix.Funcs[fn.Origin()]; decl != nil && decl.Body != nil && c.r.ChecksExpiry(decl, c.recvVar(decl)) {
			found = true
		}
		return true
	})
	return found
}
