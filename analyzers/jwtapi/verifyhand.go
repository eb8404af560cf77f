package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Hand-rolled decoding is a decode event without a library: a token split
// on "." whose payload segment is base64-decoded and unmarshalled into
// claims. The shape is read from the standard library calls (and a
// library's DecodeSegment rows).

// HandDecode is one JSON decode of a token's payload segment into a local
// variable.
type HandDecode struct {
	Call   *ast.CallExpr // the JSON decode
	Func   ast.Node      // the *ast.FuncDecl or *ast.FuncLit that holds it
	Body   *ast.BlockStmt
	Token  ast.Expr   // the token string that was split
	Claims *types.Var // the variable the claims are decoded into
	Dest   ast.Expr   // the decode's destination argument
}

// HandDecodes returns the package's hand-rolled decodes, function by
// function in source order.
func (ix *Index) HandDecodes() []*HandDecode {
	var out []*HandDecode
	if ix.pass == nil {
		return nil
	}
	for _, f := range ix.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch fn := n.(type) {
			case *ast.FuncDecl:
				if fn.Body != nil {
					out = append(out, ix.handDecodesIn(fn, fn.Body)...)
				}
			case *ast.FuncLit:
				out = append(out, ix.handDecodesIn(fn, fn.Body)...)
			}
			return true
		})
	}
	return out
}

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

// MayDecodeByHand reports whether the package can hold the shape at
// all: it imports strings, a base64 decoder (encoding/base64, or a JWT
// library's DecodeSegment) and a JSON decoder.
func MayDecodeByHand(pkg *types.Package, lib bool) bool {
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

// handDecodesIn tracks the segments of split tokens through the local
// variables of one function (not its nested literals) and returns the
// JSON decodes of a payload into a local variable.
func (ix *Index) handDecodesIn(fn ast.Node, body *ast.BlockStmt) []*HandDecode {
	vals := map[*types.Var]segVal{}
	var unmarshals []*ast.CallExpr
	// Definitions may come in any order in the source (loops): iterate to
	// a fixed point, bounded by the depth of the chain split → segment →
	// decode.
	for range 4 {
		changed := false
		InspectOwn(body, func(n ast.Node) {
			switch x := n.(type) {
			case *ast.AssignStmt:
				if len(x.Lhs) == len(x.Rhs) {
					for i, l := range x.Lhs {
						if ix.setSeg(vals, l, ix.segOf(vals, x.Rhs[i], -1), x.Tok) {
							changed = true
						}
					}
				} else if len(x.Rhs) == 1 {
					for i, l := range x.Lhs {
						if ix.setSeg(vals, l, ix.segOf(vals, x.Rhs[0], i), x.Tok) {
							changed = true
						}
					}
				}
			case *ast.ValueSpec:
				for i, name := range x.Names {
					var v segVal
					switch {
					case len(x.Values) == len(x.Names):
						v = ix.segOf(vals, x.Values[i], -1)
					case len(x.Values) == 1:
						v = ix.segOf(vals, x.Values[0], i)
					}
					if ix.setSeg(vals, name, v, token.DEFINE) {
						changed = true
					}
				}
			}
		})
		if !changed {
			break
		}
	}
	InspectOwn(body, func(n ast.Node) {
		if call, ok := n.(*ast.CallExpr); ok && ix.isJSONDecode(call) {
			unmarshals = append(unmarshals, call)
		}
	})
	var out []*HandDecode
	for _, call := range unmarshals {
		data, dest := ix.jsonDecodeArgs(call)
		src := ix.segOf(vals, data, -1)
		if src.kind != segDecoded {
			continue
		}
		if claims := ix.destVar(dest); claims != nil {
			out = append(out, &HandDecode{Call: call, Func: fn, Body: body, Token: src.tok, Claims: claims, Dest: dest})
		}
	}
	return out
}

// InspectOwn visits the nodes of body outside nested function literals.
func InspectOwn(body *ast.BlockStmt, f func(ast.Node)) {
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
func (ix *Index) setSeg(vals map[*types.Var]segVal, lhs ast.Expr, v segVal, tok token.Token) bool {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return false
	}
	lv := LocalVar(ix.Info, id)
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
func (ix *Index) segOf(vals map[*types.Var]segVal, e ast.Expr, idx int) segVal {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		if idx >= 0 {
			return segVal{}
		}
		if v := LocalVar(ix.Info, x); v != nil {
			return vals[v]
		}
	case *ast.IndexExpr:
		if idx >= 0 {
			return segVal{}
		}
		if p := ix.segOf(vals, x.X, -1); p.kind == segParts {
			if tv, ok := ix.Info.Types[x.Index]; ok && tv.Value != nil && tv.Value.ExactString() == "1" {
				return segVal{segPayload, p.tok}
			}
		}
	case *ast.BinaryExpr:
		// parts[1] + padding
		if x.Op == token.ADD && idx < 0 {
			if l := ix.segOf(vals, x.X, -1); l.kind == segPayload {
				return l
			}
		}
	case *ast.CallExpr:
		return ix.segCall(vals, x, idx)
	}
	return segVal{}
}

func (ix *Index) segCall(vals map[*types.Var]segVal, call *ast.CallExpr, idx int) segVal {
	if tv, ok := ix.Info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 && idx < 0 {
		return ix.segOf(vals, call.Args[0], -1) // []byte(payload), string(decoded)
	}
	fn, _ := typeutil.Callee(ix.Info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || len(call.Args) == 0 {
		return segVal{}
	}
	path, name := fn.Pkg().Path(), fn.Name()
	isDot := func(e ast.Expr) bool {
		str, ok := ConstString(ix.Info, e)
		return ok && str == "."
	}
	switch {
	case path == "strings" && (name == "Split" || name == "SplitN") && len(call.Args) >= 2 && isDot(call.Args[1]) && idx < 0:
		// A split of the rest after the header starts at the payload.
		if r := ix.segOf(vals, call.Args[0], -1); r.kind == segRest {
			return segVal{segNone, nil}
		}
		return segVal{segParts, call.Args[0]}
	case path == "strings" && name == "Cut" && len(call.Args) == 2 && isDot(call.Args[1]):
		src := ix.segOf(vals, call.Args[0], -1)
		switch {
		case src.kind == segRest && idx == 0:
			return segVal{segPayload, src.tok}
		case src.kind == segNone && idx == 1:
			return segVal{segRest, call.Args[0]}
		}
	case path == "strings" && (name == "TrimRight" || name == "TrimSpace" || name == "TrimSuffix") && idx < 0:
		return ix.segOf(vals, call.Args[0], -1)
	case path == "encoding/base64" && name == "DecodeString" && idx <= 0:
		if p := ix.segOf(vals, call.Args[0], -1); p.kind == segPayload {
			return segVal{segDecoded, p.tok}
		}
	}
	if fn.Pkg() == ix.Pkg && idx <= 0 && ix.segmentDecoder(fn) {
		if p := ix.segOf(vals, call.Args[0], -1); p.kind == segPayload {
			return segVal{segDecoded, p.tok}
		}
	}
	if c := ix.CallOf(call); c != nil && c.Func.DecodesSegment && idx <= 0 {
		if p := ix.segOf(vals, call.Args[0], -1); p.kind == segPayload {
			return segVal{segDecoded, p.tok}
		}
	}
	return segVal{}
}

// segmentDecoder reports whether fn, a function of this package, returns
// the base64 decoding of its first parameter as []byte (a helper such as
// decodeSegment(seg string) ([]byte, error)).
func (ix *Index) segmentDecoder(fn *types.Func) bool {
	decl := ix.Funcs[fn.Origin()]
	sig, ok := fn.Type().(*types.Signature)
	if decl == nil || decl.Body == nil || !ok || sig.Params().Len() == 0 || sig.Results().Len() == 0 || !IsByteSliceType(sig.Results().At(0).Type()) {
		return false
	}
	param := sig.Params().At(0)
	found := false
	InspectOwn(decl.Body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || len(call.Args) != 1 {
			return
		}
		callee, _ := typeutil.Callee(ix.Info, call).(*types.Func)
		if callee == nil || callee.Pkg() == nil || callee.Pkg().Path() != "encoding/base64" || callee.Name() != "DecodeString" {
			return
		}
		ast.Inspect(call.Args[0], func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok && ix.Info.Uses[id] == param {
				found = true
			}
			return !found
		})
	})
	return found
}

// isJSONDecode reports whether call is json.Unmarshal(data, dest) or
// json.NewDecoder(r).Decode(dest).
func (ix *Index) isJSONDecode(call *ast.CallExpr) bool {
	data, dest := ix.jsonDecodeArgs(call)
	return data != nil && dest != nil
}

// jsonDecodeArgs returns the data a JSON decode reads and where it writes.
func (ix *Index) jsonDecodeArgs(call *ast.CallExpr) (data, dest ast.Expr) {
	fn, _ := typeutil.Callee(ix.Info, call).(*types.Func)
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
func (ix *Index) destVar(dest ast.Expr) *types.Var {
	e := ast.Unparen(dest)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v := LocalVar(ix.Info, id)
	if v == nil || ix.Defs.IsParam(v) {
		return nil // a caller's destination: judged where it is read
	}
	return v
}
