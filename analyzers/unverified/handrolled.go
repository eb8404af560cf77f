package unverified

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Hand-rolled decoding: a token split on "." whose payload segment is
// base64-decoded and unmarshalled into claims that are then used, with no
// verification of the same token string in the function. No library is
// involved, so the shape is read from the standard library calls.

// segKind says what a local value holds of a split token.
type segKind uint8

const (
	segNone    segKind = iota
	segParts           // strings.Split(tok, "."): every segment
	segRest            // the rest after the header (strings.Cut's second result)
	segPayload         // the payload segment, or a value built from it
	segDecoded         // the base64-decoded payload
)

// segVal is a tracked value and the token string it came from.
type segVal struct {
	kind segKind
	tok  ast.Expr
}

// importsHandDecoding reports whether the package can hold the shape at
// all: it imports strings, a base64 decoder (encoding/base64, or a JWT
// library's DecodeSegment) and a JSON decoder.
func importsHandDecoding(pkg *types.Package, lib bool) bool {
	var str, b64, js bool
	for _, imp := range pkg.Imports() {
		switch imp.Path() {
		case "strings":
			str = true
		case "encoding/base64":
			b64 = true
		case "encoding/json":
			js = true
		}
	}
	return str && (b64 || lib) && js
}

// checkHandRolled reports the hand-rolled decodes of every function.
func (s *state) checkHandRolled() {
	for _, f := range s.pass.Files {
		if tests.Skip(s.pass.Fset, f.Pos()) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch fn := n.(type) {
			case *ast.FuncDecl:
				if fn.Body != nil {
					s.handRolledIn(fn, fn.Body)
				}
			case *ast.FuncLit:
				s.handRolledIn(fn, fn.Body)
			}
			return true
		})
	}
}

// handRolledIn tracks the segments of split tokens through the local
// variables of one function (not its nested literals) and reports a JSON
// decode of a payload whose claims the function then reads.
func (s *state) handRolledIn(fn ast.Node, body *ast.BlockStmt) {
	vals := map[*types.Var]segVal{}
	var unmarshals []*ast.CallExpr
	// Definitions may come in any order in the source (loops): iterate to
	// a fixed point, bounded by the depth of the chain split → segment →
	// decode.
	for range 4 {
		changed := false
		inspectOwn(body, func(n ast.Node) {
			switch x := n.(type) {
			case *ast.AssignStmt:
				if len(x.Lhs) == len(x.Rhs) {
					for i, l := range x.Lhs {
						if s.setSeg(vals, l, s.segOf(vals, x.Rhs[i], -1), x.Tok) {
							changed = true
						}
					}
				} else if len(x.Rhs) == 1 {
					for i, l := range x.Lhs {
						if s.setSeg(vals, l, s.segOf(vals, x.Rhs[0], i), x.Tok) {
							changed = true
						}
					}
				}
			case *ast.ValueSpec:
				for i, name := range x.Names {
					var v segVal
					switch {
					case len(x.Values) == len(x.Names):
						v = s.segOf(vals, x.Values[i], -1)
					case len(x.Values) == 1:
						v = s.segOf(vals, x.Values[0], i)
					}
					if s.setSeg(vals, name, v, token.DEFINE) {
						changed = true
					}
				}
			}
		})
		if !changed {
			break
		}
	}
	inspectOwn(body, func(n ast.Node) {
		if call, ok := n.(*ast.CallExpr); ok && s.isJSONDecode(call) {
			unmarshals = append(unmarshals, call)
		}
	})
	for _, call := range unmarshals {
		data, dest := s.jsonDecodeArgs(call)
		src := s.segOf(vals, data, -1)
		if src.kind != segDecoded {
			continue
		}
		claims := s.destVar(dest)
		if claims == nil {
			continue
		}
		uses := s.claimsUses(body, claims, dest)
		if len(uses) == 0 {
			continue
		}
		if s.verifiedAfter(body, body.Pos(), src.tok, nil) || s.handPeekHelper(fn, src.tok) {
			continue
		}
		if ret, only := onlyReturned(uses); only && !s.callersTrust(fn, ret) {
			// A decoding helper: what its callers do with the claims decides.
			continue
		}
		s.rep.Reportf(call.Pos(), call.End(),
			"claims decoded by hand from the token's payload segment are used but the token's signature is never verified: parse and verify the token with a JWT library and its key before trusting its claims")
	}
}

// inspectOwn visits the nodes of body outside nested function literals.
func inspectOwn(body *ast.BlockStmt, f func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n != nil {
			f(n)
		}
		return true
	})
}

// setSeg records what lhs now holds; it reports whether vals changed.
func (s *state) setSeg(vals map[*types.Var]segVal, lhs ast.Expr, v segVal, tok token.Token) bool {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return false
	}
	lv := jwtapi.LocalVar(s.info, id)
	if lv == nil {
		return false
	}
	if v.kind == segNone {
		if tok != token.ADD_ASSIGN {
			return false
		}
		// seg += "=": padding keeps what seg holds.
		return false
	}
	if old, ok := vals[lv]; ok && old.kind >= v.kind {
		return false
	}
	vals[lv] = v
	return true
}

// segOf says what e holds (result idx of a multi-valued call, -1 for a
// single value).
func (s *state) segOf(vals map[*types.Var]segVal, e ast.Expr, idx int) segVal {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		if idx >= 0 {
			return segVal{}
		}
		if v := jwtapi.LocalVar(s.info, x); v != nil {
			return vals[v]
		}
	case *ast.IndexExpr:
		if idx >= 0 {
			return segVal{}
		}
		if p := s.segOf(vals, x.X, -1); p.kind == segParts {
			if tv, ok := s.info.Types[x.Index]; ok && tv.Value != nil && tv.Value.ExactString() == "1" {
				return segVal{segPayload, p.tok}
			}
		}
	case *ast.BinaryExpr:
		// parts[1] + padding
		if x.Op == token.ADD && idx < 0 {
			if l := s.segOf(vals, x.X, -1); l.kind == segPayload {
				return l
			}
		}
	case *ast.CallExpr:
		return s.segCall(vals, x, idx)
	}
	return segVal{}
}

func (s *state) segCall(vals map[*types.Var]segVal, call *ast.CallExpr, idx int) segVal {
	if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 && idx < 0 {
		return s.segOf(vals, call.Args[0], -1) // []byte(payload), string(decoded)
	}
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || len(call.Args) == 0 {
		return segVal{}
	}
	path, name := fn.Pkg().Path(), fn.Name()
	isDot := func(e ast.Expr) bool {
		str, ok := s.constStr(e)
		return ok && str == "."
	}
	switch {
	case path == "strings" && (name == "Split" || name == "SplitN") && len(call.Args) >= 2 && isDot(call.Args[1]) && idx < 0:
		// A split of the rest after the header starts at the payload.
		if r := s.segOf(vals, call.Args[0], -1); r.kind == segRest {
			return segVal{segNone, nil}
		}
		return segVal{segParts, call.Args[0]}
	case path == "strings" && name == "Cut" && len(call.Args) == 2 && isDot(call.Args[1]):
		src := s.segOf(vals, call.Args[0], -1)
		switch {
		case src.kind == segRest && idx == 0:
			return segVal{segPayload, src.tok}
		case src.kind == segNone && idx == 1:
			return segVal{segRest, call.Args[0]}
		}
	case path == "strings" && (name == "TrimRight" || name == "TrimSpace" || name == "TrimSuffix") && idx < 0:
		return s.segOf(vals, call.Args[0], -1)
	case path == "encoding/base64" && name == "DecodeString" && idx <= 0:
		if p := s.segOf(vals, call.Args[0], -1); p.kind == segPayload {
			return segVal{segDecoded, p.tok}
		}
	}
	if fn.Pkg() == s.pass.Pkg && idx <= 0 && s.segmentDecoder(fn) {
		if p := s.segOf(vals, call.Args[0], -1); p.kind == segPayload {
			return segVal{segDecoded, p.tok}
		}
	}
	if c := s.ix.CallOf(call); c != nil && c.Func.DecodesSegment && idx <= 0 {
		if p := s.segOf(vals, call.Args[0], -1); p.kind == segPayload {
			return segVal{segDecoded, p.tok}
		}
	}
	return segVal{}
}

// segmentDecoder reports whether fn, a function of this package, returns
// the base64 decoding of its first parameter as []byte (a helper such as
// decodeSegment(seg string) ([]byte, error)).
func (s *state) segmentDecoder(fn *types.Func) bool {
	decl := s.ix.Funcs[fn.Origin()]
	sig, ok := fn.Type().(*types.Signature)
	if decl == nil || decl.Body == nil || !ok || sig.Params().Len() == 0 || sig.Results().Len() == 0 || !jwtapi.IsByteSliceType(sig.Results().At(0).Type()) {
		return false
	}
	param := sig.Params().At(0)
	found := false
	inspectOwn(decl.Body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || len(call.Args) != 1 {
			return
		}
		callee, _ := typeutil.Callee(s.info, call).(*types.Func)
		if callee == nil || callee.Pkg() == nil || callee.Pkg().Path() != "encoding/base64" || callee.Name() != "DecodeString" {
			return
		}
		ast.Inspect(call.Args[0], func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok && s.info.Uses[id] == param {
				found = true
			}
			return !found
		})
	})
	return found
}

func (s *state) constStr(e ast.Expr) (string, bool) {
	tv, ok := s.info.Types[e]
	if !ok || tv.Value == nil {
		return "", false
	}
	str := tv.Value.ExactString()
	if len(str) < 2 || str[0] != '"' {
		return "", false
	}
	return str[1 : len(str)-1], true
}

// isJSONDecode reports whether call is json.Unmarshal(data, dest) or
// json.NewDecoder(r).Decode(dest).
func (s *state) isJSONDecode(call *ast.CallExpr) bool {
	data, dest := s.jsonDecodeArgs(call)
	return data != nil && dest != nil
}

// jsonDecodeArgs returns the data a JSON decode reads and where it writes.
func (s *state) jsonDecodeArgs(call *ast.CallExpr) (data, dest ast.Expr) {
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/json" {
		return nil, nil
	}
	switch fn.Name() {
	case "Unmarshal":
		if len(call.Args) == 2 {
			return call.Args[0], call.Args[1]
		}
	case "Decode":
		// json.NewDecoder(bytes.NewReader(payload)).Decode(&claims)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || len(call.Args) != 1 {
			return nil, nil
		}
		nd, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok || len(nd.Args) != 1 {
			return nil, nil
		}
		if r, ok := ast.Unparen(nd.Args[0]).(*ast.CallExpr); ok && len(r.Args) == 1 {
			return r.Args[0], call.Args[0]
		}
	}
	return nil, nil
}

// destVar returns the local variable a decode writes (&claims, or a
// pointer variable), or nil.
func (s *state) destVar(dest ast.Expr) *types.Var {
	e := ast.Unparen(dest)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v := jwtapi.LocalVar(s.info, id)
	if v == nil || s.ix.Defs.IsParam(v) {
		return nil // a caller's destination: judged where it is read
	}
	return v
}

// claimsUse is one use of a claims value: the path from the function body
// to the identifier.
type claimsUse []ast.Node

// claimsUses returns the uses of claims in body (other than in dest, its
// declarations and its decode) that trust it: not logging it, not reading
// its timestamps (a client that decodes its own token to see when to
// refresh it trusts nothing).
func (s *state) claimsUses(body *ast.BlockStmt, claims *types.Var, dest ast.Expr) []claimsUse {
	var out []claimsUse
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if n == dest {
			return false
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok || s.info.Uses[id] != claims {
			return true
		}
		if !s.timestampOrLog(stack) {
			out = append(out, append(claimsUse(nil), stack...))
		}
		return true
	})
	return out
}

// onlyReturned reports whether every use returns the claims as they are,
// and at which result position.
func onlyReturned(uses []claimsUse) (int, bool) {
	pos := -1
	for _, u := range uses {
		if len(u) < 2 {
			return 0, false
		}
		id := u[len(u)-1]
		var ret *ast.ReturnStmt
		switch p := u[len(u)-2].(type) {
		case *ast.ReturnStmt:
			ret = p
		case *ast.UnaryExpr:
			if r, ok := u[len(u)-3].(*ast.ReturnStmt); ok && len(u) >= 3 && p.Op == token.AND {
				ret, id = r, p
			}
		}
		if ret == nil {
			return 0, false
		}
		i := -1
		for j, r := range ret.Results {
			if r == id {
				i = j
			}
		}
		if i < 0 || (pos >= 0 && i != pos) {
			return 0, false
		}
		pos = i
	}
	return pos, pos >= 0
}

// callersTrust reports whether some caller in this package of the helper
// fn uses result ret as trusted claims without verifying the token. A
// helper nobody here calls (an exported decoder) is judged by nobody.
func (s *state) callersTrust(fn ast.Node, ret int) bool {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok {
		return false
	}
	obj, _ := s.info.Defs[decl.Name].(*types.Func)
	if obj == nil {
		return false
	}
	for _, sc := range s.ix.StaticCalls() {
		if sc.Fn == obj && s.callerTrusts(sc.Call, ret) {
			return true
		}
	}
	return false
}

// callerTrusts reports whether one call of a decoding helper uses result
// ret as trusted claims, without verifying a token it passed.
func (s *state) callerTrusts(call *ast.CallExpr, ret int) bool {
	body := s.outerBody(call)
	if body == nil {
		return true
	}
	for _, a := range call.Args {
		if s.verifiedAfter(body, call.End(), a, nil) {
			return false
		}
	}
	v := s.resultVar(call, ret)
	if v == nil {
		return true // used in place
	}
	return len(s.claimsUses(body, v, nil)) > 0
}

// resultVar returns the local variable that takes result ret of call.
func (s *state) resultVar(call *ast.CallExpr, ret int) *types.Var {
	as, ok := s.ix.Parent(call).(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || ret >= len(as.Lhs) {
		return nil
	}
	id, ok := ast.Unparen(as.Lhs[ret]).(*ast.Ident)
	if !ok {
		return nil
	}
	return jwtapi.LocalVar(s.info, id)
}

// timestampOrLog reports whether the use at the top of stack reads a
// time claim (exp, iat, nbf, by field or map key) or is an argument of a
// log call.
func (s *state) timestampOrLog(stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	for i := len(stack) - 2; i >= 0; i-- {
		if call, ok := stack[i].(*ast.CallExpr); ok && s.isLogCall(call) {
			return true
		}
		if _, ok := stack[i].(ast.Stmt); ok {
			break
		}
	}
	switch p := stack[len(stack)-2].(type) {
	case *ast.SelectorExpr:
		return timeClaim(p.Sel.Name)
	case *ast.IndexExpr:
		if key, ok := s.constStr(p.Index); ok {
			return timeClaim(key)
		}
	}
	return false
}

// timeClaim reports whether a field or key names a time claim.
func timeClaim(name string) bool {
	n := strings.ToLower(name)
	for _, p := range []string{"exp", "iat", "nbf", "issuedat", "notbefore"} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

// handPeekHelper reports whether fn decodes its token parameter for
// callers in this package that all verify the same string.
func (s *state) handPeekHelper(fn ast.Node, tok ast.Expr) bool {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok {
		return false
	}
	obj, _ := s.info.Defs[decl.Name].(*types.Func)
	param := s.paramIndex(decl, tok)
	if obj == nil || param < 0 {
		return false
	}
	n := 0
	for _, sc := range s.ix.StaticCalls() {
		if sc.Fn != obj {
			continue
		}
		if param >= len(sc.Call.Args) || !s.verifiedAfter(s.outerBody(sc.Call), sc.Call.End(), sc.Call.Args[param], nil) {
			return false
		}
		n++
	}
	return n > 0
}
