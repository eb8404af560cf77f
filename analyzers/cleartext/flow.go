package cleartext

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

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

// source is where a token value was signed: the library call, for
// messages.
type source struct{ api string }

// flow answers "does this expression hold a signed token?" through local
// variables, struct fields, function results, and parameters of the
// package's functions (from their call sites), and across packages
// through TokenFacts.
type flow struct {
	c *checker
	// results memoizes the token results of the package's functions.
	results map[*types.Func][]*source
	busy    map[types.Object]bool
	// params maps each parameter of a declared function to its function
	// and position; calls maps functions to their call sites.
	params map[*types.Var]paramOf
	calls  map[*types.Func][]*ast.CallExpr
	// impls memoizes calls through interface methods, held variables
	// and fields.
	impls map[implKey]*source
	held  map[*types.Var]*source
}

type paramOf struct {
	fn    *types.Func
	index int
}

const maxDepth = 12

func newFlow(c *checker) *flow {
	f := &flow{c: c, results: make(map[*types.Func][]*source), busy: make(map[types.Object]bool),
		params: make(map[*types.Var]paramOf), calls: make(map[*types.Func][]*ast.CallExpr), impls: make(map[implKey]*source), held: make(map[*types.Var]*source)}
	for fn := range c.ix.Funcs {
		sig, ok := fn.Type().(*types.Signature)
		if !ok {
			continue
		}
		for i := 0; i < sig.Params().Len(); i++ {
			if sig.Variadic() && i == sig.Params().Len()-1 {
				continue
			}
			f.params[sig.Params().At(i)] = paramOf{fn, i}
		}
	}
	return f
}

// addCall records a call site of a function of the package. Call sites
// in _test.go files count only with -cleartext.tests: a test that hands a
// token to a cookie helper says nothing about what the program sets.
func (f *flow) addCall(call *ast.CallExpr) {
	if tests.Skip(f.c.pass.Fset, call.Pos()) {
		return
	}
	if fn, ok := typeutil.Callee(f.c.info, call).(*types.Func); ok && fn.Pkg() == f.c.pass.Pkg {
		fn = fn.Origin()
		f.calls[fn] = append(f.calls[fn], call)
	}
}

// token returns where the value of e was signed, or nil when e holds no
// signed token as far as the package and the facts show.
func (f *flow) token(e ast.Expr) *source { return f.expr(e, 0) }

func (f *flow) expr(e ast.Expr, depth int) *source {
	if e == nil || depth > maxDepth {
		return nil
	}
	info := f.c.info
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
func (f *flow) result(call *ast.CallExpr, i, depth int) *source {
	if api, signed, modelled := f.c.ix.SignedTokenResult(call, i); modelled {
		if signed {
			return &source{api: api}
		}
		return nil
	}
	fn, ok := typeutil.Callee(f.c.info, call).(*types.Func)
	if !ok {
		return nil
	}
	fn = fn.Origin()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return f.implementations(fn, i, depth)
	}
	if fn.Pkg() == f.c.pass.Pkg {
		rs := f.funcResults(fn, depth)
		if i < len(rs) {
			return rs[i]
		}
		return nil
	}
	var fact TokenFact
	if fn.Pkg() != nil && f.c.pass.ImportObjectFact(fn, &fact) && !fact.Field {
		for _, r := range fact.Results {
			if r == i {
				return &source{api: fact.API}
			}
		}
	}
	return nil
}

// implementations returns the source of result i of a call through an
// interface method (a token service behind an interface): some type of
// this package or of a package it imports that implements the interface
// returns a token there.
func (f *flow) implementations(method *types.Func, i, depth int) *source {
	k := implKey{method, i}
	if s, ok := f.impls[k]; ok {
		return s
	}
	f.impls[k] = nil // a cycle through the same call finds nothing
	iface, ok := method.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	pkgs := append([]*types.Package{f.c.pass.Pkg}, f.c.pass.Pkg.Imports()...)
	var found *source
	for _, pkg := range pkgs {
		if found != nil {
			break
		}
		if pkg != f.c.pass.Pkg && (jwtapi.IsStdPath(pkg.Path()) || f.c.ix.Model.IsLibrary(pkg.Path())) {
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
			if m.Pkg() == f.c.pass.Pkg {
				if rs := f.funcResults(m, depth+1); i < len(rs) && rs[i] != nil {
					found = rs[i]
					break
				}
				continue
			}
			var fact TokenFact
			if m.Pkg() != nil && f.c.pass.ImportObjectFact(m, &fact) && slices.Contains(fact.Results, i) {
				found = &source{api: fact.API}
				break
			}
		}
	}
	f.impls[k] = found
	return found
}

type implKey struct {
	method *types.Func
	result int
}

// funcResults returns, per result of a function of the package, where the
// token it returns was signed (nil entries for other results).
func (f *flow) funcResults(fn *types.Func, depth int) []*source {
	if rs, ok := f.results[fn]; ok {
		return rs
	}
	decl := f.c.ix.Funcs[fn]
	sig, _ := fn.Type().(*types.Signature)
	if decl == nil || decl.Body == nil || sig == nil || sig.Results().Len() == 0 || f.busy[fn] || depth > maxDepth {
		return nil
	}
	f.busy[fn] = true
	defer delete(f.busy, fn)
	n := sig.Results().Len()
	rs := make([]*source, n)
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
func (f *flow) variable(v *types.Var, depth int) *source {
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

func (f *flow) variableUncached(v *types.Var, depth int) *source {
	if p, ok := f.params[v]; ok {
		for _, call := range f.calls[p.fn] {
			if p.index < len(call.Args) {
				if s := f.expr(call.Args[p.index], depth+1); s != nil {
					return s
				}
			}
		}
		return nil
	}
	defs, _ := f.c.ix.Defs.Of(v)
	return f.defs(defs, depth)
}

func (f *flow) defs(defs []jwtapi.Def, depth int) *source {
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
func (f *flow) field(v *types.Var, depth int) *source {
	if v.Pkg() != f.c.pass.Pkg {
		var fact TokenFact
		if v.Pkg() != nil && f.c.pass.ImportObjectFact(v, &fact) && fact.Field {
			return &source{api: fact.API}
		}
		return nil
	}
	if f.busy[v] || depth > maxDepth {
		return nil
	}
	f.busy[v] = true
	defer delete(f.busy, v)
	defs, _ := f.c.ix.Defs.Of(v)
	if s := f.defs(defs, depth); s != nil {
		return s
	}
	for _, e := range f.c.ix.Defs.LitValues(v) {
		if s := f.expr(e, depth+1); s != nil {
			return s
		}
	}
	return nil
}

// exportFacts marks the package's exported functions and struct fields
// that hold signed tokens, for the packages that import it.
func (f *flow) exportFacts() {
	for fn := range f.c.ix.Funcs {
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
			f.c.pass.ExportObjectFact(fn, &fact)
		}
	}
	scope := f.c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() || tn.IsAlias() {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			fv := st.Field(i)
			if !fv.Exported() {
				continue
			}
			if s := f.field(fv, 0); s != nil {
				f.c.pass.ExportObjectFact(fv, &TokenFact{Field: true, API: s.api})
			}
		}
	}
}
