package algnone

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

const useRealAlg = "sign with HS256, RS256, ES256 or EdDSA and a real key"

// signing reports tokens minted or signed with the none method. Test files
// are skipped: an unsigned token is what a test sends to check that the
// server refuses it.
func (c *checker) signing() {
	for _, call := range c.ix.Calls {
		if c.isTest(call.Expr) {
			continue
		}
		f := call.Func
		switch f.Role {
		case jwtapi.RoleNewToken:
			if m := call.Arg(f.Method); c.mayBeNoneMethod(m, 0) {
				c.report(analysis.Diagnostic{Pos: m.Pos(), End: m.End(), Message: fmt.Sprintf(
					"%s with the none signing method mints an unsigned token that anyone can forge; %s", c.callName(call), useRealAlg)})
			}
		case jwtapi.RoleSign:
			c.signCall(call)
		}
		if f.Role != jwtapi.RoleNewToken && !f.MethodFromRecv && !f.TokenFromRecv {
			c.algArgument(call)
		}
	}
}

// algArgument reports a modelled call whose algorithm is none: its
// algorithm argument (kataras jwt.Sign(jwt.NONE, …), jwt.Verify(jwt.NONE,
// …), jwx WithKey(jwa.NoSignature, …)) or the algorithm the row fixes (jwx
// WithInsecureNoSignature). What the call does with it, signing or
// verifying, decides the message.
func (c *checker) algArgument(call *jwtapi.Call) {
	f := call.Func
	var at ast.Node = call.Expr
	switch m := call.Arg(f.Method); {
	case m != nil:
		if !c.mayBeNoneMethod(m, 0) {
			return
		}
		at = m
	case f.Alg != jwtapi.AlgNone:
		return
	}
	switch c.ix.KeyUse(call) {
	case jwtapi.SinkSign:
		c.report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Message: fmt.Sprintf(
			"%s with the none algorithm mints an unsigned token that anyone can forge; %s", c.callName(call), useRealAlg)})
	case jwtapi.SinkVerify:
		c.report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Message: fmt.Sprintf(
			`%s with the none algorithm accepts unsigned tokens that anyone can forge; verify with the algorithm your tokens are signed with`, c.callName(call))})
	}
}

func (c *checker) signCall(call *jwtapi.Call) {
	f := call.Func
	switch {
	case f.MethodFromRecv:
		if r := call.Recv(); r != nil && c.mayBeNoneMethod(r, 0) {
			c.report(analysis.Diagnostic{Pos: call.Expr.Pos(), End: call.Expr.End(), Message: fmt.Sprintf(
				"%s returns an empty signature that anyone can forge; %s", c.callName(call), useRealAlg)})
			return
		}
	case f.TokenFromRecv:
		if m := c.noneTokenLiteral(call.Recv(), 0); m != nil {
			c.report(analysis.Diagnostic{Pos: m.Pos(), End: m.End(), Message: fmt.Sprintf(
				"%s signs a token whose Method is the none signing method: the result is unsigned and anyone can forge it; %s", c.callName(call), useRealAlg)})
			return
		}
	}
	key := call.Arg(f.Key)
	if key == nil || !c.isNoneKey(key) {
		return
	}
	// With a known algorithm the call either was reported above (none)
	// or fails at run time (the magic key is no HMAC, RSA or ECDSA key).
	if c.ix.CallAlg(call) != "" {
		return
	}
	c.report(analysis.Diagnostic{Pos: key.Pos(), End: key.End(), Message: fmt.Sprintf(
		"%s with %s as the key mints an unsigned token when the method is none; %s", c.callName(call), c.noneKeyName(key), useRealAlg)})
}

// mayBeNoneMethod reports whether a signing-method expression is, or on
// some path may be, the none method: jwt.SigningMethodNone,
// jwt.GetSigningMethod("none"), or a variable one of whose definitions is.
func (c *checker) mayBeNoneMethod(e ast.Expr, depth int) bool {
	if e == nil || depth > 8 {
		return false
	}
	if c.ix.SigningAlg(e) == jwtapi.AlgNone {
		return true
	}
	v := c.localVar(e)
	if v == nil {
		return false
	}
	defs, ok := c.ix.Defs.Of(v)
	if !ok {
		return false
	}
	for _, d := range defs {
		if d.Index < 0 && c.mayBeNoneMethod(d.Expr, depth+1) {
			return true
		}
	}
	return false
}

// noneTokenLiteral returns the Method value of the token literal e comes
// from (&jwt.Token{Method: jwt.SigningMethodNone}) when that method may be
// none, or nil.
func (c *checker) noneTokenLiteral(e ast.Expr, depth int) ast.Expr {
	if e == nil || depth > 8 {
		return nil
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		tv, ok := c.info.Types[lit]
		if !ok {
			return nil
		}
		t := c.ix.Model.Type(tv.Type)
		if t == nil || t.Role != jwtapi.TypeToken || t.MethodField == "" {
			return nil
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == t.MethodField && c.mayBeNoneMethod(kv.Value, 0) {
				return kv.Value
			}
		}
		return nil
	}
	v := c.localVar(e)
	if v == nil {
		return nil
	}
	defs, ok := c.ix.Defs.Of(v)
	if !ok {
		return nil
	}
	for _, d := range defs {
		if d.Index < 0 {
			if m := c.noneTokenLiteral(d.Expr, depth+1); m != nil {
				return m
			}
		}
	}
	return nil
}

// isNoneKey reports whether e is the magic none key itself.
func (c *checker) isNoneKey(e ast.Expr) bool {
	v := c.modelVar(stripConversions(c.info, e))
	return v != nil && v.Role == jwtapi.VarNoneKey
}

func (c *checker) noneKeyName(e ast.Expr) string {
	if id := refIdent(stripConversions(c.info, e)); id != nil {
		if n := objName(c.info.Uses[id]); n != "" {
			return n
		}
	}
	return "jwt.UnsafeAllowNoneSignatureType"
}

// stripConversions removes parentheses and conversions (any(x),
// interface{}(x)) around e.
func stripConversions(info *types.Info, e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
			return e
		}
		e = call.Args[0]
	}
}

// noneKeys reports uses of the magic none key: returned from a keyfunc
// (with a fix), or used as a key elsewhere. Comparisons with it are fine,
// and so are signing calls, which signCall judges.
func (c *checker) noneKeys() {
	for _, ref := range c.ix.Refs {
		if ref.Var == nil || ref.Var.Role != jwtapi.VarNoneKey || ref.File == nil {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(ref.File, ref.Ident.Pos(), ref.Ident.End())
		if len(path) < 2 {
			continue
		}
		// Climb from the identifier to the whole value: the qualified
		// name, parentheses and conversions around it.
		i := 0
		if sel, ok := path[1].(*ast.SelectorExpr); ok && sel.Sel == ref.Ident {
			i = 1
		}
		for i+1 < len(path) && c.wrapsValue(path[i+1]) {
			i++
		}
		value, _ := path[i].(ast.Expr)
		if value == nil || i+1 >= len(path) {
			continue
		}
		c.noneKeyUse(ref, value, path[i+1], path[i+1:])
	}
}

// wrapsValue reports whether n only wraps the value below it: parentheses
// or a conversion.
func (c *checker) wrapsValue(n ast.Node) bool {
	switch p := n.(type) {
	case *ast.ParenExpr:
		return true
	case *ast.CallExpr:
		tv, ok := c.info.Types[p.Fun]
		return ok && tv.IsType() && len(p.Args) == 1
	}
	return false
}

func (c *checker) noneKeyUse(ref *jwtapi.Ref, value ast.Expr, parent ast.Node, path []ast.Node) {
	name := objName(c.info.Uses[ref.Ident])
	switch p := parent.(type) {
	case *ast.BinaryExpr:
		if p.Op == token.EQL || p.Op == token.NEQ {
			return
		}
	case *ast.CaseClause:
		return
	case *ast.CallExpr:
		if call := c.ix.CallOf(p); call != nil && call.Func.Role == jwtapi.RoleSign && call.Arg(call.Func.Key) == value {
			return // signCall's business
		}
	case *ast.ReturnStmt:
		if kf := c.keyfuncOf(path); kf != nil && len(p.Results) == 2 && p.Results[0] == value {
			c.report(analysis.Diagnostic{
				Pos: value.Pos(), End: value.End(),
				Message:        fmt.Sprintf(`keyfunc returns %s, so tokens with alg "none" verify without a signature; return an error for "none" instead`, name),
				SuggestedFixes: c.returnErrorFix(ref.File, p),
			})
			return
		}
	}
	if c.isTest(value) {
		return // in tests, the key is most likely minting an unsigned token to send
	}
	c.report(analysis.Diagnostic{Pos: value.Pos(), End: value.End(), Message: fmt.Sprintf(
		`%s used as a key makes the none algorithm sign and verify, so tokens need no signature; use a real key`, name)})
}

// keyfuncOf returns the keyfunc whose own body holds the innermost node of
// path, or nil.
func (c *checker) keyfuncOf(path []ast.Node) *jwtapi.Keyfunc {
	for _, n := range path {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			for _, kf := range c.ix.Keyfuncs {
				if kf.Node == n {
					return kf
				}
			}
			return nil
		}
	}
	return nil
}

// returnErrorFix replaces the results of ret with nil and an error.
func (c *checker) returnErrorFix(file *ast.File, ret *ast.ReturnStmt) []analysis.SuggestedFix {
	name, edits, ok := diag.ImportName(c.info, c.pass.Pkg, file, "errors", ret.Pos())
	if !ok {
		return nil
	}
	if len(ret.Results) != 2 {
		return nil
	}
	edits = append(edits, analysis.TextEdit{
		Pos:     ret.Results[0].Pos(),
		End:     ret.Results[1].End(),
		NewText: []byte(`nil, ` + name + `.New("unsigned tokens (alg \"none\") are not accepted")`),
	})
	return []analysis.SuggestedFix{{Message: `return an error for alg "none"`, TextEdits: edits}}
}
