package keyflow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Parameters resolved through their callers.
//
// A parameter of a helper (sign(claims, key)) takes the join of the
// arguments every call in the package passes, when the package holds every
// call: the function is unexported or the package is a command, it has
// no receiver, and it is only ever called, never used as a value. The join
// replaces Param only when it is one kind that rules act on (all
// constant, or all one derived key); otherwise the parameter stays a
// parameter, which the rules that lift events to callers read.

// callScan indexes the calls of the package's own functions.
type callScan struct {
	// calls maps a function (its origin, for generic ones) to the calls
	// of it in the package.
	calls map[*types.Func][]*ast.CallExpr
	// asValue: the function is referenced other than as a callee.
	asValue map[*types.Func]bool
	// paramOf maps a parameter of a function without receiver to its
	// function and position; methodParam the same for methods.
	paramOf     map[*types.Var]paramPos
	methodParam map[*types.Var]paramPos
	memo        map[*types.Var]memoOrigin
}

type paramPos struct {
	fn    *types.Func
	index int
}

func (f *Flow) scanCalls() *callScan {
	if f.callers == nil {
		f.callers = newCallScan(f.pass.Files, f.info, f.ix.Funcs)
	}
	return f.callers
}

// newCallScan indexes the calls of funcs, the functions declared in
// files.
func newCallScan(files []*ast.File, info *types.Info, funcs map[*types.Func]*ast.FuncDecl) *callScan {
	s := &callScan{
		calls:       make(map[*types.Func][]*ast.CallExpr),
		asValue:     make(map[*types.Func]bool),
		paramOf:     make(map[*types.Var]paramPos),
		methodParam: make(map[*types.Var]paramPos),
		memo:        make(map[*types.Var]memoOrigin),
	}
	for fn := range funcs {
		sig, ok := fn.Type().(*types.Signature)
		if !ok {
			continue
		}
		params := s.paramOf
		if sig.Recv() != nil {
			params = s.methodParam
		}
		for i := 0; i < sig.Params().Len(); i++ {
			params[sig.Params().At(i)] = paramPos{fn: fn, index: i}
		}
	}
	callee := make(map[*ast.Ident]bool)
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if fn, ok := typeutil.Callee(info, n).(*types.Func); ok && funcs[fn.Origin()] != nil {
					s.calls[fn.Origin()] = append(s.calls[fn.Origin()], n)
				}
				var id *ast.Ident
				switch fun := ast.Unparen(n.Fun).(type) {
				case *ast.Ident:
					id = fun
				case *ast.SelectorExpr:
					id = fun.Sel
				}
				if id == nil {
					return true
				}
				if fn, ok := info.Uses[id].(*types.Func); ok && funcs[fn] != nil {
					callee[id] = true
				}
			case *ast.Ident:
				if fn, ok := info.Uses[n].(*types.Func); ok && !callee[n] {
					s.asValue[fn] = true
				}
			}
			return true
		})
	}
	return s
}

// param returns the function and position of parameter v of a function
// or method of the package.
func (s *callScan) param(v *types.Var) (paramPos, bool) {
	if pp, ok := s.paramOf[v]; ok {
		return pp, true
	}
	pp, ok := s.methodParam[v]
	return pp, ok
}

// paramFromCallers returns the join of the arguments the package's calls
// pass for parameter v, or ok false.
func (f *Flow) paramFromCallers(v *types.Var, depth int) (Origin, bool) {
	s := f.scanCalls()
	if m, ok := s.memo[v]; ok {
		return m.o, m.ok
	}
	o, ok := f.paramJoin(s, v, depth)
	if !f.inFunc[s.paramOf[v].fn] {
		// Memoised once computed outside a cycle through fn: a helper
		// called from many places is joined once.
		s.memo[v] = memoOrigin{o, ok}
	}
	return o, ok
}

type memoOrigin struct {
	o  Origin
	ok bool
}

func (f *Flow) paramJoin(s *callScan, v *types.Var, depth int) (Origin, bool) {
	pp, ok := s.paramOf[v]
	if !ok || depth > maxDepth {
		return Origin{}, false
	}
	fn := pp.fn
	sig := fn.Type().(*types.Signature)
	if (fn.Exported() && f.pass.Pkg.Name() != "main") || s.asValue[fn] || f.inFunc[fn] {
		return Origin{}, false
	}
	if sig.Variadic() && pp.index == sig.Params().Len()-1 {
		return Origin{}, false
	}
	calls := s.calls[fn]
	if len(calls) == 0 {
		return Origin{}, false
	}
	f.inFunc[fn] = true
	defer delete(f.inFunc, fn)
	var origins []Origin
	var via []ast.Expr
	for _, call := range calls {
		if len(call.Args) != sig.Params().Len() || call.Ellipsis.IsValid() {
			return Origin{}, false
		}
		arg := call.Args[pp.index]
		o := f.origin(arg, nil, depth+1)
		origins = append(origins, o)
		if len(o.Via) > 0 {
			// Through a chain of helpers: the outermost callers.
			via = append(via, o.Via...)
		} else {
			via = append(via, arg)
		}
	}
	for _, o := range origins {
		if o.Kind != origins[0].Kind {
			return Origin{}, false
		}
	}
	switch origins[0].Kind {
	case Constant, RSAKey, Random, Predictable:
	default:
		return Origin{}, false
	}
	o := merge(origins)
	if o.Kind == RSAKey || o.Kind == Random || o.Kind == Predictable {
		// One derived key: the same generation in every call.
		for _, p := range origins {
			if p.SizeExpr != o.SizeExpr || p.Size != o.Size {
				return Origin{}, false
			}
		}
	}
	o.Via = via
	return o, true
}
