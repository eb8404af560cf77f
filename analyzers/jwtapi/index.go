package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer walks a package once and records every library event the rules
// need: calls to modelled functions, keyfuncs, literals of modelled structs,
// references to modelled variables, and the definitions of every variable
// (for provenance). Its result is an *Index.
var Analyzer = &analysis.Analyzer{
	Name:             "jwtapi",
	Doc:              "index the JWT library events of a package\n\nThe jwtapi analyzer is a helper for the jwtvet rules: it reports nothing.",
	URL:              "https://github.com/jwtvet/jwtvet/blob/main/analyzers/jwtapi",
	Run:              run,
	ResultType:       reflect.TypeOf((*Index)(nil)),
	RunDespiteErrors: true,
}

// Index is what a package does with the modelled libraries.
type Index struct {
	Model *Model
	Fset  *token.FileSet
	Pkg   *types.Package
	Info  *types.Info
	// UsesLibrary: the package imports a modelled library directly.
	UsesLibrary bool
	Calls       []*Call
	Keyfuncs    []*Keyfunc
	// keyfuncAt indexes Keyfuncs by their node (KeyfuncAt).
	keyfuncAt map[ast.Node]*Keyfunc
	Lits      []*Lit
	Refs      []*Ref
	Defs      *Defs
	// Funcs maps each function object declared in the package to its
	// declaration.
	Funcs map[*types.Func]*ast.FuncDecl
	calls map[*ast.CallExpr]*Call

	// Skipped: the package cannot matter (standard library, a JWT library
	// itself, a versioned dependency without JWT imports); the index is
	// empty.
	Skipped bool
	// Fills are calls that may fill a buffer with random bytes, for key
	// provenance.
	Fills []*ast.CallExpr
	// FieldSets are assignments to modelled fields of library types
	// (p.ValidMethods = …, p.SkipClaimsValidation = true).
	FieldSets []*FieldSet

	pass    *analysis.Pass
	insOnce sync.Once
	ins     *inspector.Inspector
	// verify holds the syntax tree and verify events, built on first use.
	verify verifyCache
}

// Call is a call to a modelled function or method.
type Call struct {
	Expr *ast.CallExpr
	Func *Func
	// Encl is the innermost enclosing *ast.FuncDecl or *ast.FuncLit, or nil
	// at package level.
	Encl ast.Node
	File *ast.File
	// Outer is the modelled call this call is a direct argument of (a
	// key option passed to a sign or parse call), or nil.
	Outer *Call
}

// Arg returns argument i of the call, or nil when i is absent.
func (c *Call) Arg(i int) ast.Expr { return ArgAt(c.Expr, i) }

// OptionArgs returns the option arguments of the call.
func (c *Call) OptionArgs() []ast.Expr {
	if c.Func.Options < 0 || c.Func.Options >= len(c.Expr.Args) {
		return nil
	}
	return c.Expr.Args[c.Func.Options:]
}

// Recv returns the receiver expression of a method call, or nil.
func (c *Call) Recv() ast.Expr {
	if sel, ok := ast.Unparen(c.Expr.Fun).(*ast.SelectorExpr); ok && c.Func.Recv != "" {
		return sel.X
	}
	return nil
}

// Keyfunc is a function, declared or literal, whose signature is a modelled
// keyfunc: it receives the parsed token and returns the verification key.
type Keyfunc struct {
	Node   ast.Node // *ast.FuncDecl or *ast.FuncLit
	Type   *ast.FuncType
	Body   *ast.BlockStmt
	Obj    *types.Func // for declarations
	Family string
	// API names the keyfunc type for messages, e.g. "jwt.Keyfunc".
	API        string
	TokenParam *types.Var // the token parameter, or nil when unnamed
	File       *ast.File
	Returns    []*ast.ReturnStmt // the keyfunc's own returns, not those of nested literals
	// Signs: the function returns a signing key, not a verification key
	// (a Field row with KeyfuncSigns).
	Signs bool
	// Alg is the algorithm the returned key is used with, when the call
	// the keyfunc is passed to names it (auth0 validator.New).
	Alg string
	// Pkg is the library package the keyfunc serves: the package of its
	// token type, or of the call or config field it is given to.
	Pkg string
}

// Lit is a composite literal of a modelled struct type, or of a struct type
// with a modelled field.
type Lit struct {
	Expr   *ast.CompositeLit
	Type   types.Type
	Encl   ast.Node
	File   *ast.File
	Fields map[string]ast.Expr // keyed fields
}

// Ref is a use of a modelled package-level variable or constant.
type Ref struct {
	Ident *ast.Ident
	Var   *Var
	Encl  ast.Node
	File  *ast.File
}

func run(pass *analysis.Pass) (any, error) {
	ix := &Index{
		Model: Default,
		Fset:  pass.Fset,
		Pkg:   pass.Pkg,
		Info:  pass.TypesInfo,
		Defs:  newDefs(),
		Funcs: make(map[*types.Func]*ast.FuncDecl),
		calls: make(map[*ast.CallExpr]*Call),
		pass:  pass,
	}
	for _, imp := range pass.Pkg.Imports() {
		if ix.Model.IsLibrary(imp.Path()) {
			ix.UsesLibrary = true
			break
		}
	}
	if ix.skip(pass) {
		// Nothing here can hold or use a JWT key: leave the index empty
		// and spend nothing. Most packages of a program's dependency
		// graph end here, which keeps the fact-using rules near the cost
		// of loading.
		ix.Skipped = true
		return ix, nil
	}
	ix.walk(pass.Files)
	ix.addModelledKeyfuncs()
	return ix, nil
}

// skip reports whether a package can hold nothing a rule needs: the
// standard library, the modelled JWT libraries themselves, and versioned
// dependencies (from the module cache) that import no JWT library. The
// last may still define key constants, which need no facts: constants
// travel in export data.
func (ix *Index) skip(pass *analysis.Pass) bool {
	if ix.Model.IsLibrary(pass.Pkg.Path()) || isStd(pass) {
		return true
	}
	return pass.Module != nil && pass.Module.Version != "" && !ix.UsesLibrary
}

func isStd(pass *analysis.Pass) bool { return IsStdPath(pass.Pkg.Path()) }

// Inspector returns an inspector over the package's files, built on first
// use. Rules that need a walk of their own use it instead of requiring
// inspect.Analyzer, which would build one for every package of the
// dependency graph. It returns nil for a skipped package.
func (ix *Index) Inspector() *inspector.Inspector {
	if ix.Skipped {
		return nil
	}
	ix.insOnce.Do(func() { ix.ins = inspector.New(ix.pass.Files) })
	return ix.ins
}

// walk visits every node of the package once; stack holds the path from
// the file to the node, the node included.
func (ix *Index) walk(files []*ast.File) {
	var stack []ast.Node
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			ix.visit(n, stack, file)
			return true
		})
	}
}

func (ix *Index) visit(n ast.Node, stack []ast.Node, file *ast.File) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		if obj, ok := ix.Info.Defs[n.Name].(*types.Func); ok {
			ix.Funcs[obj] = n
		}
		ix.Defs.params(ix.Info, n.Recv)
		ix.Defs.params(ix.Info, n.Type.Params)
		ix.Defs.params(ix.Info, n.Type.Results)
		if n.Body != nil {
			if obj, _ := ix.Info.Defs[n.Name].(*types.Func); obj != nil {
				ix.addKeyfunc(n, obj.Type())
			}
		}
	case *ast.FuncLit:
		ix.Defs.params(ix.Info, n.Type.Params)
		ix.Defs.params(ix.Info, n.Type.Results)
		if tv, ok := ix.Info.Types[n]; ok {
			ix.addKeyfunc(n, tv.Type)
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(ix.Info, n).(*types.Func)
		if f := ix.Model.Func(fn); f != nil {
			c := &Call{Expr: n, Func: f, Encl: enclosing(stack), File: file, Outer: ix.outerCall(n, stack)}
			ix.Calls = append(ix.Calls, c)
			ix.calls[n] = c
		} else if fn != nil && fn.Pkg() != nil && fillerPackages[fn.Pkg().Path()] {
			ix.Fills = append(ix.Fills, n)
		}
	case *ast.CompositeLit:
		ix.addLit(n, stack, file)
		ix.Defs.compositeLit(ix.Info, n)
	case *ast.Ident:
		if obj := ix.Info.Uses[n]; obj != nil {
			if v := ix.Model.Var(obj); v != nil {
				ix.Refs = append(ix.Refs, &Ref{Ident: n, Var: v, Encl: enclosing(stack), File: file})
			}
		}
	case *ast.AssignStmt:
		ix.Defs.assign(ix.Info, n)
		ix.addFieldSets(n, file)
	case *ast.ValueSpec:
		ix.Defs.valueSpec(ix.Info, n)
	case *ast.RangeStmt:
		ix.Defs.rangeStmt(ix.Info, n)
	case *ast.IncDecStmt:
		ix.Defs.markOpaque(ix.Info, n.X)
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			ix.Defs.escape(ix.Info, n.X)
		}
	}
}

// fillerPackages hold the functions that fill key buffers with random
// bytes (crypto/rand.Read, io.ReadFull(rand.Reader, b), math/rand.Read).
var fillerPackages = map[string]bool{"crypto/rand": true, "math/rand": true, "math/rand/v2": true, "io": true}

// enclosing returns the innermost function in stack (excluding the top).
func enclosing(stack []ast.Node) ast.Node {
	for i := len(stack) - 2; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return stack[i]
		}
	}
	return nil
}

// CallOf returns the modelled call for expr, or nil.
func (ix *Index) CallOf(expr ast.Expr) *Call {
	c, _ := ast.Unparen(expr).(*ast.CallExpr)
	if c == nil {
		return nil
	}
	return ix.calls[c]
}

func (ix *Index) addKeyfunc(node ast.Node, t types.Type) {
	family, ok := ix.keyfuncFamily(t)
	if !ok {
		return
	}
	kf := &Keyfunc{Node: node, Family: family, API: "keyfunc"}
	if sig, ok := types.Unalias(t).Underlying().(*types.Signature); ok {
		if n := namedOf(sig.Params().At(0).Type()); n != nil && n.Obj().Pkg() != nil {
			kf.API = n.Obj().Pkg().Name() + ".Keyfunc"
			kf.Pkg = n.Obj().Pkg().Path()
		}
	}
	ix.recordKeyfunc(kf)
}

// recordKeyfunc fills in what the syntax of kf.Node says (signature, body,
// declared object, file, token parameter, own returns) and adds kf to
// Keyfuncs, unless the node has no body or is already a keyfunc.
func (ix *Index) recordKeyfunc(kf *Keyfunc) {
	if ix.keyfuncAt[kf.Node] != nil {
		return
	}
	var t types.Type
	switch n := kf.Node.(type) {
	case *ast.FuncLit:
		kf.Type, kf.Body = n.Type, n.Body
		if tv, ok := ix.Info.Types[n]; ok {
			t = tv.Type
		}
	case *ast.FuncDecl:
		kf.Type, kf.Body = n.Type, n.Body
		kf.Obj, _ = ix.Info.Defs[n.Name].(*types.Func)
		if kf.Obj != nil {
			t = kf.Obj.Type()
		}
	default:
		return
	}
	if kf.Body == nil {
		return
	}
	kf.File = ix.FileAt(kf.Node.Pos())
	// The token parameter, when the function receives a modelled token.
	if sig, ok := types.Unalias(t).(*types.Signature); ok && kf.Type.Params != nil {
		i := 0
		for _, f := range kf.Type.Params.List {
			for _, name := range f.Names {
				if i < sig.Params().Len() && ix.IsTokenType(sig.Params().At(i).Type()) {
					kf.TokenParam, _ = ix.Info.Defs[name].(*types.Var)
				}
				i++
			}
			if len(f.Names) == 0 {
				i++
			}
		}
	}
	kf.Returns = OwnReturns(kf.Body)
	if ix.keyfuncAt == nil {
		ix.keyfuncAt = make(map[ast.Node]*Keyfunc)
	}
	ix.keyfuncAt[kf.Node] = kf
	ix.Keyfuncs = append(ix.Keyfuncs, kf)
}

// KeyfuncAt returns the keyfunc whose function literal or declaration is
// n, or nil.
func (ix *Index) KeyfuncAt(n ast.Node) *Keyfunc { return ix.keyfuncAt[n] }

// keyfuncFamily reports whether t is a keyfunc signature of a modelled
// library: func(*Token) (interface{}, error).
func (ix *Index) keyfuncFamily(t types.Type) (string, bool) {
	sig, ok := types.Unalias(t).Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 2 {
		return "", false
	}
	tok := ix.Model.Type(sig.Params().At(0).Type())
	if tok == nil || tok.Role != TypeToken {
		return "", false
	}
	if _, ok := sig.Results().At(0).Type().Underlying().(*types.Interface); !ok {
		return "", false
	}
	if !types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type()) {
		return "", false
	}
	return tok.Family, true
}

// IsKeyfuncType reports whether t is a keyfunc signature of a modelled
// library.
func (ix *Index) IsKeyfuncType(t types.Type) bool {
	_, ok := ix.keyfuncFamily(t)
	return ok
}

func (ix *Index) addLit(n *ast.CompositeLit, stack []ast.Node, file *ast.File) {
	tv, ok := ix.Info.Types[n]
	if !ok {
		return
	}
	t := tv.Type
	st := StructOf(t)
	if st == nil {
		return
	}
	modelled := ix.Model.Type(t) != nil
	fields := make(map[string]ast.Expr)
	for i, elt := range n.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			// A positional literal (jose.SigningKey{jose.HS256, key}) sets
			// the fields in declaration order.
			if i < st.NumFields() {
				name := st.Field(i).Name()
				fields[name] = elt
				if !modelled && ix.Model.Field(t, name) != nil {
					modelled = true
				}
			}
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		fields[id.Name] = kv.Value
		if !modelled && ix.Model.Field(t, id.Name) != nil {
			modelled = true
		}
	}
	_ = st
	if !modelled {
		return
	}
	ix.Lits = append(ix.Lits, &Lit{Expr: n, Type: t, Encl: enclosing(stack), File: file, Fields: fields})
}

// SigningAlg returns the algorithm named by a signing-method expression
// (jwt.SigningMethodHS256, a variable only ever assigned one, or
// jwt.GetSigningMethod("HS256")), or "".
func (ix *Index) SigningAlg(e ast.Expr) string {
	return ix.signingAlg(e, 0)
}

func (ix *Index) signingAlg(e ast.Expr, depth int) string {
	if e == nil || depth > 8 {
		return ""
	}
	e = ast.Unparen(e)
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	case *ast.CallExpr:
		if fn, ok := typeutil.Callee(ix.Info, x).(*types.Func); ok && fn.Name() == "GetSigningMethod" && fn.Pkg() != nil && ix.Model.IsLibrary(fn.Pkg().Path()) && len(x.Args) == 1 {
			if tv, ok := ix.Info.Types[x.Args[0]]; ok && tv.Value != nil {
				return constantString(tv)
			}
		}
		return ix.algCall(x, depth)
	default:
		return ix.algConstant(e)
	}
	if alg := ix.algConstant(e); alg != "" {
		// A string constant of any package: "HS256", jose.HS256,
		// jwtware.HS256.
		return alg
	}
	obj := ix.Info.Uses[id]
	if v := ix.Model.Var(obj); v != nil && v.Role == VarSigningMethod {
		return v.Alg
	}
	if v, ok := obj.(*types.Var); ok {
		defs, ok := ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return ""
		}
		alg := ""
		for _, d := range defs {
			if d.Index >= 0 {
				return ""
			}
			a := ix.signingAlg(d.Expr, depth+1)
			if a == "" || (alg != "" && a != alg) {
				return ""
			}
			alg = a
		}
		return alg
	}
	return ""
}

// algCall resolves the calls that yield an algorithm: a model row with a
// fixed Alg (jwa.HS256() in jwx v3) and conversions
// (jwa.SignatureAlgorithm(name)).
func (ix *Index) algCall(x *ast.CallExpr, depth int) string {
	if tv, ok := ix.Info.Types[x.Fun]; ok && tv.IsType() {
		if len(x.Args) == 1 {
			if alg := ix.algConstant(x); alg != "" {
				return alg
			}
			return ix.signingAlg(x.Args[0], depth+1)
		}
		return ""
	}
	if c := ix.CallOf(x); c != nil && c.Func.Role == RoleAlgConstructor {
		return c.Func.Alg
	}
	return ""
}

// algConstant returns the value of a string constant that names a JOSE
// algorithm, or "".
func (ix *Index) algConstant(e ast.Expr) string {
	tv, ok := ix.Info.Types[e]
	if !ok || tv.Value == nil {
		return ""
	}
	if s := constantString(tv); AlgFamily(s) != "" {
		return s
	}
	return ""
}

// TokenAlg returns the algorithm a token expression was created with
// (jwt.NewWithClaims(jwt.SigningMethodHS256, …), or a variable only ever
// assigned such a call), or "".
func (ix *Index) TokenAlg(e ast.Expr) string { return ix.tokenAlg(e, 0) }

func (ix *Index) tokenAlg(e ast.Expr, depth int) string {
	if e == nil || depth > 8 {
		return ""
	}
	e = ast.Unparen(e)
	if c := ix.CallOf(e); c != nil && c.Func.Role == RoleNewToken {
		return ix.SigningAlg(c.Arg(c.Func.Method))
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return ""
	}
	v, ok := ix.Info.Uses[id].(*types.Var)
	if !ok {
		return ""
	}
	defs, ok := ix.Defs.Of(v)
	if !ok || len(defs) == 0 {
		return ""
	}
	alg := ""
	for _, d := range defs {
		if d.Index >= 0 {
			return ""
		}
		a := ix.tokenAlg(d.Expr, depth+1)
		if a == "" || (alg != "" && a != alg) {
			return ""
		}
		alg = a
	}
	return alg
}

// CallAlg returns the algorithm a modelled signing call signs with, or "".
func (ix *Index) CallAlg(c *Call) string {
	switch {
	case c.Func.MethodFromRecv:
		return ix.SigningAlg(c.Recv())
	case c.Func.TokenFromRecv:
		return ix.TokenAlg(c.Recv())
	case c.Func.Method >= 0:
		if alg := ix.SigningAlg(c.Arg(c.Func.Method)); alg != "" || c.Func.Alg == "" {
			return alg
		}
	}
	return c.Func.Alg
}

func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// FieldSet is an assignment of Value to a modelled field.
type FieldSet struct {
	Stmt  *ast.AssignStmt
	Sel   *ast.SelectorExpr // the assigned field, x.Name
	Value ast.Expr
	Field *Field
	Recv  types.Type // the type that holds the field
	File  *ast.File
}

func (ix *Index) addFieldSets(as *ast.AssignStmt, file *ast.File) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		s := ix.Info.Selections[sel]
		if s == nil || s.Kind() != types.FieldVal {
			continue
		}
		if f := ix.Model.Field(s.Recv(), sel.Sel.Name); f != nil {
			ix.FieldSets = append(ix.FieldSets, &FieldSet{Stmt: as, Sel: sel, Value: as.Rhs[i], Field: f, Recv: s.Recv(), File: file})
		}
	}
}

// UsesImportedFacts reports whether the package refers to a function or
// variable of another package that carries a fact of the pass's analyzer.
// Facts are looked up by the objects the package uses, so the cost follows
// the package's size, not that of its dependency graph (walking
// Pass.AllObjectFacts would).
func UsesImportedFacts(pass *analysis.Pass) bool {
	for _, obj := range pass.TypesInfo.Uses {
		if obj.Pkg() == nil || obj.Pkg() == pass.Pkg {
			continue
		}
		switch obj.(type) {
		case *types.Func, *types.Var:
			for _, ft := range pass.Analyzer.FactTypes {
				if pass.ImportObjectFact(obj, reflect.New(reflect.TypeOf(ft).Elem()).Interface().(analysis.Fact)) {
					return true
				}
			}
		}
	}
	return false
}

// DeclaringStruct returns the package-level named type of field's package
// whose struct declares field, and the field's index in it; nil when the
// field belongs to an anonymous struct.
func DeclaringStruct(field *types.Var) (*types.TypeName, *types.Struct, int) {
	if field.Pkg() == nil {
		return nil, nil, -1
	}
	for tn, st := range PackageStructs(field.Pkg()) {
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i) == field {
				return tn, st, i
			}
		}
	}
	return nil, nil, -1
}

// PackageStructs yields the package-level named types of pkg whose
// underlying type is a struct, by name.
func PackageStructs(pkg *types.Package) iter.Seq2[*types.TypeName, *types.Struct] {
	return func(yield func(*types.TypeName, *types.Struct) bool) {
		scope := pkg.Scope()
		for _, n := range scope.Names() {
			tn, ok := scope.Lookup(n).(*types.TypeName)
			if !ok {
				continue
			}
			st, ok := tn.Type().Underlying().(*types.Struct)
			if !ok {
				continue
			}
			if !yield(tn, st) {
				return
			}
		}
	}
}
