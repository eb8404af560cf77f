package keyflow

import (
	"fmt"
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Parameters that reach key sinks.
//
// A key often enters a service through a constructor, a setter or a
// functional option that stores it in a field, and a method reads the
// field at the library call: NewServer(key), WithSigningKey(key),
// s.SetKey(key). Each such parameter is a key sink of its own. A constant
// passed to it is the hard-coded key, whoever else calls the function, so
// it is judged at the call. Exported functions carry the answer to other
// packages as a ParamSinkFact.

// ParamSink says that parameter Index of a function reaches a key sink.
type ParamSink struct {
	Index int
	Kind  jwtapi.SinkKind
	// API names the library call or field that receives the key, and At
	// where it is ("server.go:40").
	API, At string
}

// ParamSinkFact lists the parameters of an exported function or method
// that reach key sinks, sorted by index.
type ParamSinkFact struct{ Sinks []ParamSink }

func (*ParamSinkFact) AFact() {}

func (f *ParamSinkFact) String() string {
	parts := make([]string, len(f.Sinks))
	for i, s := range f.Sinks {
		parts[i] = fmt.Sprintf("%d", s.Index)
	}
	return "keyparams(" + strings.Join(parts, ",") + ")"
}

// ArgSink is an argument of a call in this package that a key sink
// receives through the callee's parameter.
type ArgSink struct {
	Arg    ast.Expr
	Callee *types.Func
	Sink   ParamSink
}

// maxParamRounds bounds the propagation from callee to caller parameters
// (a helper calling a helper calling a constructor).
const maxParamRounds = 4

// paramSinks computes, once, the parameters of this package's functions
// that reach a key sink.
func (f *Flow) paramSinks() map[*types.Func][]ParamSink {
	if f.params != nil {
		return f.params
	}
	f.params = make(map[*types.Func][]ParamSink)
	if f.ix.Skipped {
		return f.params
	}
	calls := f.scanCalls()
	add := func(v *types.Var, s ParamSink) bool {
		pp, ok := calls.param(v)
		if !ok {
			return false
		}
		sig := pp.fn.Type().(*types.Signature)
		if sig.Variadic() && pp.index == sig.Params().Len()-1 {
			return false
		}
		for _, have := range f.params[pp.fn] {
			if have.Index == pp.index && have.Kind == s.Kind {
				return false
			}
		}
		s.Index = pp.index
		f.params[pp.fn] = append(f.params[pp.fn], s)
		return true
	}
	for _, sink := range f.ix.KeySinks() {
		s := ParamSink{Kind: sink.Kind, API: sink.API, At: position(f.pass.Fset, sink.Key.Pos())}
		for _, v := range f.paramsOf(sink.Key, 0) {
			add(v, s)
		}
	}
	// A caller's parameter passed on to a sink parameter is one too.
	for round := 0; round < maxParamRounds; round++ {
		changed := false
		for _, as := range f.argSinks(f.params) {
			for _, v := range f.paramsOf(as.Arg, 0) {
				if add(v, as.Sink) {
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	for fn := range f.params {
		sort.Slice(f.params[fn], func(i, j int) bool { return f.params[fn][i].Index < f.params[fn][j].Index })
	}
	return f.params
}

// paramsOf returns the parameters of this package's functions whose value
// e holds: e itself, through conversions and local copies, or a field of
// this package that they are written to.
func (f *Flow) paramsOf(e ast.Expr, depth int) []*types.Var {
	if e == nil || depth > maxDepth {
		return nil
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		if tv, ok := f.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return f.paramsOf(x.Args[0], depth+1)
		}
	case *ast.UnaryExpr, *ast.StarExpr, *ast.SliceExpr:
		switch x := x.(type) {
		case *ast.UnaryExpr:
			return f.paramsOf(x.X, depth+1)
		case *ast.StarExpr:
			return f.paramsOf(x.X, depth+1)
		case *ast.SliceExpr:
			return f.paramsOf(x.X, depth+1)
		}
	case *ast.Ident:
		v, ok := f.info.Uses[x].(*types.Var)
		if !ok || v.Pkg() != f.pass.Pkg {
			return nil
		}
		if f.ix.Defs.IsParam(v) {
			return []*types.Var{v}
		}
		if v.Parent() == f.pass.Pkg.Scope() {
			return nil // a package variable: not one call's argument
		}
		return f.writtenParams(v, depth)
	case *ast.SelectorExpr:
		sel, ok := f.info.Selections[x]
		if !ok || sel.Kind() != types.FieldVal {
			return nil
		}
		field, ok := sel.Obj().(*types.Var)
		if !ok || field.Pkg() != f.pass.Pkg {
			return nil
		}
		return f.writtenParams(field, depth)
	}
	return nil
}

// writtenParams returns the parameters among the values written to v (a
// local variable or a field) anywhere in the package.
func (f *Flow) writtenParams(v *types.Var, depth int) []*types.Var {
	var out []*types.Var
	defs, _ := f.ix.Defs.Of(v)
	for _, d := range defs {
		if d.Expr != nil && d.Index < 0 {
			out = append(out, f.paramsOf(d.Expr, depth+1)...)
		}
	}
	for _, e := range f.ix.Defs.LitValues(v) {
		out = append(out, f.paramsOf(e, depth+1)...)
	}
	return out
}

// ArgSinks returns the arguments of this package's calls that reach a key
// sink through the callee's parameter: a function of this package, or an
// imported one with a ParamSinkFact.
func (f *Flow) ArgSinks() []ArgSink {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.args == nil {
		f.args = f.argSinks(f.paramSinks())
		if f.args == nil {
			f.args = []ArgSink{}
		}
	}
	return f.args
}

func (f *Flow) argSinks(local map[*types.Func][]ParamSink) []ArgSink {
	var out []ArgSink
	for _, file := range f.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, _ := typeutil.Callee(f.info, call).(*types.Func)
			if fn == nil || fn.Pkg() == nil {
				return true
			}
			fn = fn.Origin()
			sinks := local[fn]
			if fn.Pkg() != f.pass.Pkg {
				var fact ParamSinkFact
				if !f.pass.ImportObjectFact(fn, &fact) {
					return true
				}
				sinks = fact.Sinks
			}
			for _, s := range sinks {
				if s.Index < len(call.Args) && !call.Ellipsis.IsValid() {
					out = append(out, ArgSink{Arg: call.Args[s.Index], Callee: fn, Sink: s})
				}
			}
			return true
		})
	}
	return out
}

// exportParamSinks exports the sink parameters of exported functions and
// methods.
func (f *Flow) exportParamSinks() {
	params := f.paramSinks()
	for _, fn := range sortedFuncs(f.ix.Funcs) {
		if s := params[fn]; len(s) > 0 && fn.Exported() {
			f.pass.ExportObjectFact(fn, &ParamSinkFact{Sinks: s})
		}
	}
}
