package keyflow

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Provenance of signed tokens.
//
// A signed token is a value like a key: it is made by a library call
// (jwtapi's TokenResult), then kept in variables and fields, returned,
// passed to helpers and handed to other packages. TokenFlow follows it
// there, the way the rest of keyflow follows keys, for the rules that ask
// where a token goes (cleartext).
//
// It reads and writes facts through the rule's pass: a rule that asks
// lists TokenFact in its FactTypes.

// TokenFact marks an exported function whose results hold a signed token
// (Results, from 0), or an exported struct field that holds one (Field).
// API names the signing call underneath, for messages.
type TokenFact struct {
	Results []int
	Field   bool
	API     string
}

func (*TokenFact) AFact() {}

func (f *TokenFact) String() string {
	if f.Field {
		return "token(field, " + f.API + ")"
	}
	return fmt.Sprintf("token(results %v, %s)", f.Results, f.API)
}

// tokenSource is where a token value was signed: the library call, for
// messages.
type tokenSource struct{ api string }

// TokenFlow answers "does this expression hold a signed token?" through
// local variables, struct fields, function results, parameters of the
// package's functions (from their call sites), calls through interfaces,
// and across packages through TokenFacts. It belongs to one pass and is
// not safe for concurrent use.
type TokenFlow struct {
	pass *analysis.Pass
	ix   *jwtapi.Index
	info *types.Info
	// skip drops call sites (a rule's switch for test files); nil keeps
	// all.
	skip  func(token.Pos) bool
	calls *callScan
	// results memoizes the token results of the package's functions.
	results map[*types.Func][]*tokenSource
	busy    map[types.Object]bool
	// impls memoizes calls through interface methods, held variables
	// and fields.
	impls map[implKey]*tokenSource
	held  map[*types.Var]*tokenSource
}

type implKey struct {
	method *types.Func
	result int
}

// NewTokenFlow returns the token provenance of pass's package. A call
// site for which skip reports true does not pass its arguments to the
// callee's parameters.
func NewTokenFlow(pass *analysis.Pass, ix *jwtapi.Index, skip func(token.Pos) bool) *TokenFlow {
	return &TokenFlow{pass: pass, ix: ix, info: pass.TypesInfo, skip: skip,
		results: make(map[*types.Func][]*tokenSource), busy: make(map[types.Object]bool),
		impls: make(map[implKey]*tokenSource), held: make(map[*types.Var]*tokenSource)}
}

// HoldsToken reports whether e holds a signed token as far as the package
// and the facts show, and names the signing call it comes from.
func (f *TokenFlow) HoldsToken(e ast.Expr) (api string, ok bool) {
	if s := f.expr(e, 0); s != nil {
		return s.api, true
	}
	return "", false
}

func (f *TokenFlow) expr(e ast.Expr, depth int) *tokenSource {
	if e == nil || depth > maxDepth {
		return nil
	}
	info := f.info
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			if inner := jwtapi.StripConversions(info, x); inner != ast.Expr(x) { // string(b), []byte(s)
				return f.expr(inner, depth+1)
			}
			return nil
		}
		if s := f.result(x, 0, depth); s != nil {
			return s
		}
		// A formatted string that embeds the token carries it
		// ("Bearer " + tok, fmt.Sprintf("Bearer %s", tok)).
		if fn, ok := typeutil.Callee(info, x).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" {
			switch fn.Name() {
			case "Sprintf", "Sprint", "Sprintln":
				for _, a := range x.Args {
					if s := f.expr(a, depth+1); s != nil {
						return s
					}
				}
			}
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			if s := f.expr(x.X, depth+1); s != nil {
				return s
			}
			return f.expr(x.Y, depth+1)
		}
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok {
			return f.variable(v, depth+1)
		}
	case *ast.SelectorExpr:
		if s := info.Selections[x]; s != nil && s.Kind() == types.FieldVal {
			if v, ok := s.Obj().(*types.Var); ok {
				return f.field(v, depth+1)
			}
		}
	}
	return nil
}

// result returns the source of result i of a call: a modelled signing call
// whose TokenResult it is, a function of the package that returns a token
// there, or an imported function with a TokenFact.
func (f *TokenFlow) result(call *ast.CallExpr, i, depth int) *tokenSource {
	if api, signed, modelled := f.ix.SignedTokenResult(call, i); modelled {
		if signed {
			return &tokenSource{api: api}
		}
		return nil
	}
	fn, ok := typeutil.Callee(f.info, call).(*types.Func)
	if !ok {
		return nil
	}
	fn = fn.Origin()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return f.implementations(fn, i, depth)
	}
	if fn.Pkg() == f.pass.Pkg {
		rs := f.funcResults(fn, depth)
		if i < len(rs) {
			return rs[i]
		}
		return nil
	}
	var fact TokenFact
	if fn.Pkg() != nil && f.pass.ImportObjectFact(fn, &fact) && !fact.Field {
		for _, r := range fact.Results {
			if r == i {
				return &tokenSource{api: fact.API}
			}
		}
	}
	return nil
}

// implementations returns the source of result i of a call through an
// interface method (a token service behind an interface): some type of
// this package or of a package it imports that implements the interface
// returns a token there.
func (f *TokenFlow) implementations(method *types.Func, i, depth int) *tokenSource {
	k := implKey{method, i}
	if s, ok := f.impls[k]; ok {
		return s
	}
	f.impls[k] = nil // a cycle through the same call finds nothing
	iface, ok := method.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	pkgs := append([]*types.Package{f.pass.Pkg}, f.pass.Pkg.Imports()...)
	var found *tokenSource
	for _, pkg := range pkgs {
		if found != nil {
			break
		}
		if pkg != f.pass.Pkg && (jwtapi.IsStdPath(pkg.Path()) || f.ix.Model.IsLibrary(pkg.Path())) {
			continue
		}
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
				continue
			}
			if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
				continue
			}
			ptr := types.NewPointer(tn.Type())
			if !types.Implements(ptr, iface) {
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(ptr, false, method.Pkg(), method.Name())
			m, ok := obj.(*types.Func)
			if !ok {
				continue
			}
			if m.Pkg() == f.pass.Pkg {
				if rs := f.funcResults(m, depth+1); i < len(rs) && rs[i] != nil {
					found = rs[i]
					break
				}
				continue
			}
			var fact TokenFact
			if m.Pkg() != nil && f.pass.ImportObjectFact(m, &fact) && slices.Contains(fact.Results, i) {
				found = &tokenSource{api: fact.API}
				break
			}
		}
	}
	f.impls[k] = found
	return found
}

// funcResults returns, per result of a function of the package, where the
// token it returns was signed (nil entries for other results).
func (f *TokenFlow) funcResults(fn *types.Func, depth int) []*tokenSource {
	if rs, ok := f.results[fn]; ok {
		return rs
	}
	decl := f.ix.Funcs[fn]
	sig, _ := fn.Type().(*types.Signature)
	if decl == nil || decl.Body == nil || sig == nil || sig.Results().Len() == 0 || f.busy[fn] || depth > maxDepth {
		return nil
	}
	f.busy[fn] = true
	defer delete(f.busy, fn)
	n := sig.Results().Len()
	rs := make([]*tokenSource, n)
	for _, ret := range jwtapi.OwnReturns(decl.Body) {
		switch {
		case len(ret.Results) == n:
			for i, r := range ret.Results {
				if rs[i] == nil {
					rs[i] = f.expr(r, depth+1)
				}
			}
		case len(ret.Results) == 1 && n > 1:
			// return f(…), forwarding every result of a call.
			if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok {
				for i := range rs {
					if rs[i] == nil {
						rs[i] = f.result(call, i, depth+1)
					}
				}
			}
		}
	}
	f.results[fn] = rs
	return rs
}

// variable returns the source of a token held by a local or package
// variable of the package: some definition holds one. A parameter holds
// one when some call site of its function passes one.
func (f *TokenFlow) variable(v *types.Var, depth int) *tokenSource {
	if s, ok := f.held[v]; ok {
		return s
	}
	if f.busy[v] || depth > maxDepth {
		return nil
	}
	f.busy[v] = true
	defer delete(f.busy, v)
	s := f.variableUncached(v, depth)
	if s != nil || len(f.busy) == 1 {
		// A miss found while another variable was in progress may be a
		// cycle cut short: only complete answers are kept.
		f.held[v] = s
	}
	return s
}

func (f *TokenFlow) variableUncached(v *types.Var, depth int) *tokenSource {
	if args, ok := f.paramArgs(v); ok {
		for _, a := range args {
			if s := f.expr(a, depth+1); s != nil {
				return s
			}
		}
		return nil
	}
	defs, _ := f.ix.Defs.Of(v)
	return f.defs(defs, depth)
}

// paramArgs returns, when v is a parameter of a function or method of
// the package (not a variadic one), the arguments its call sites pass
// for it.
func (f *TokenFlow) paramArgs(v *types.Var) ([]ast.Expr, bool) {
	if f.calls == nil {
		f.calls = newCallScan(f.pass.Files, f.info, f.ix.Funcs)
	}
	pp, ok := f.calls.param(v)
	if !ok {
		return nil, false
	}
	if sig := pp.fn.Type().(*types.Signature); sig.Variadic() && pp.index == sig.Params().Len()-1 {
		return nil, false
	}
	var args []ast.Expr
	for _, call := range f.calls.calls[pp.fn] {
		if (f.skip == nil || !f.skip(call.Pos())) && pp.index < len(call.Args) {
			args = append(args, call.Args[pp.index])
		}
	}
	return args, true
}

func (f *TokenFlow) defs(defs []jwtapi.Def, depth int) *tokenSource {
	for _, d := range defs {
		if d.Index >= 0 {
			if call, ok := ast.Unparen(d.Expr).(*ast.CallExpr); ok {
				if s := f.result(call, d.Index, depth+1); s != nil {
					return s
				}
			}
			continue
		}
		if s := f.expr(d.Expr, depth+1); s != nil {
			return s
		}
	}
	return nil
}

// field returns the source of a token a struct field holds: written in
// this package (assignment or composite literal), or marked by a
// TokenFact of its package.
func (f *TokenFlow) field(v *types.Var, depth int) *tokenSource {
	if v.Pkg() != f.pass.Pkg {
		var fact TokenFact
		if v.Pkg() != nil && f.pass.ImportObjectFact(v, &fact) && fact.Field {
			return &tokenSource{api: fact.API}
		}
		return nil
	}
	if f.busy[v] || depth > maxDepth {
		return nil
	}
	f.busy[v] = true
	defer delete(f.busy, v)
	defs, _ := f.ix.Defs.Of(v)
	if s := f.defs(defs, depth); s != nil {
		return s
	}
	for _, e := range f.ix.Defs.LitValues(v) {
		if s := f.expr(e, depth+1); s != nil {
			return s
		}
	}
	return nil
}

// ExportFacts marks the package's exported functions and struct fields
// that hold signed tokens, for the packages that import it.
func (f *TokenFlow) ExportFacts() {
	for fn := range f.ix.Funcs {
		if !fn.Exported() {
			continue
		}
		var fact TokenFact
		for i, s := range f.funcResults(fn, 0) {
			if s != nil {
				fact.Results = append(fact.Results, i)
				fact.API = s.api
			}
		}
		if len(fact.Results) > 0 {
			f.pass.ExportObjectFact(fn, &fact)
		}
	}
	for tn, st := range jwtapi.PackageStructs(f.pass.Pkg) {
		if !tn.Exported() || tn.IsAlias() {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			fv := st.Field(i)
			if !fv.Exported() {
				continue
			}
			if s := f.field(fv, 0); s != nil {
				f.pass.ExportObjectFact(fv, &TokenFact{Field: true, API: s.api})
			}
		}
	}
}
