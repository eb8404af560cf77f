package jwtapi

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
	"strings"
)

// Algorithm allow-lists: the lists of accepted algorithms a library
// enforces, read from option calls, from calls that take a list (go-jose v4
// ParseSigned) and from parser fields set in a literal or an assignment.

// AlgElem is one element of a list of algorithm names.
type AlgElem struct {
	Expr ast.Expr
	// Lit is the composite literal that holds the element; nil for an
	// argument of append.
	Lit *ast.CompositeLit
	// Alg is the algorithm the element names, "" when it is not known
	// statically.
	Alg string
}

// AllowList is an allow-list of accepted algorithms: the argument of an
// option (jwt.WithValidMethods), of a decode that takes one (go-jose v4
// ParseSigned(raw, algs)), or the value of a parser field.
type AllowList struct {
	// Expr is the list expression.
	Expr ast.Expr
	// API names the option, call or field for messages:
	// jwt.WithValidMethods, jose.ParseSigned, jwt.Parser.ValidMethods.
	API string
	// Call is the option (or decode) call the list is an argument of;
	// nil for a field.
	Call *Call
	// Elems are the elements that can be seen: those of a literal, of a
	// variable every visible definition of which is a list, of a slice of
	// one, or of append of such.
	Elems []AlgElem
	// Lit is the list when it is written as a literal, else nil.
	Lit *ast.CompositeLit
	// Algs are the algorithms of Lit; Const is false when some element is
	// not a string constant (or the list is not a literal).
	Algs  []string
	Const bool
	// qual and pkg are the package an element of Lit is qualified with
	// (jose.RS256), for Spell.
	qual string
	pkg  *types.Package
}

// newAllowList reads the list expression e.
func (ix *Index) newAllowList(e ast.Expr, api string, call *Call) *AllowList {
	l := &AllowList{Expr: e, API: api, Call: call, Elems: ix.ListElems(e)}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return l
	}
	l.Lit = lit
	if len(lit.Elts) > 0 {
		if sel, ok := ast.Unparen(lit.Elts[0]).(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				if pn, ok := ix.Info.Uses[id].(*types.PkgName); ok {
					l.qual, l.pkg = id.Name, pn.Imported()
				}
			}
		}
	}
	var algs []string
	for _, elt := range lit.Elts {
		if _, isKV := elt.(*ast.KeyValueExpr); isKV {
			return l
		}
		alg, ok := ConstString(ix.Info, elt)
		if !ok {
			return l
		}
		algs = append(algs, alg)
	}
	l.Algs, l.Const = algs, true
	return l
}

// Nones returns the elements of the list that are exactly "none".
func (l *AllowList) Nones() []AlgElem {
	var out []AlgElem
	for _, el := range l.Elems {
		if el.Alg == AlgNone {
			out = append(out, el)
		}
	}
	return out
}

// AllowLists returns every allow-list of the package: the list argument of
// each option or call with Option OptValidMethods (wherever the option is
// passed), and the value of each OptValidMethods field in a literal or an
// assignment.
func (ix *Index) AllowLists() []*AllowList {
	var out []*AllowList
	for _, call := range ix.Calls {
		if l := ix.AllowListOf(call); l != nil {
			out = append(out, l)
		}
	}
	for _, lit := range ix.Lits {
		fields, _ := ix.ModelledFields(lit.Expr)
		for _, f := range fields {
			if f.Field.Option == OptValidMethods {
				out = append(out, ix.newAllowList(f.Value, FieldAPIName(lit.Type, f.Name), nil))
			}
		}
	}
	for _, set := range ix.FieldSets {
		if set.Field.Option == OptValidMethods {
			out = append(out, ix.newAllowList(set.Value, FieldAPIName(set.Recv, set.Sel.Sel.Name), nil))
		}
	}
	return out
}

// AllowListOf returns the allow-list a call takes (WithValidMethods(list),
// go-jose v4 ParseSigned(raw, algs)), or nil.
func (ix *Index) AllowListOf(call *Call) *AllowList {
	if call == nil || call.Func.Option != OptValidMethods || call.Func.OptionArg < 0 {
		return nil
	}
	arg := call.OptionValue()
	if arg == nil {
		return nil
	}
	return ix.newAllowList(arg, ix.AlgCallName(call), call)
}

// MixesHMAC reports whether algs holds an HMAC and a public-key algorithm.
func MixesHMAC(algs []string) bool {
	hmac, public := false, false
	for _, a := range algs {
		switch AlgFamily(a) {
		case AlgHMAC:
			hmac = true
		case AlgRSA, AlgECDSA, AlgEdDSA:
			public = true
		}
	}
	return hmac && public
}

// PublicAlgs returns the list's algorithms of family (every public-key
// algorithm when family is ""), in list order: what the list keeps when it
// must not allow HMAC.
func (l *AllowList) PublicAlgs(family string) []string {
	var out []string
	for _, a := range l.Algs {
		f := AlgFamily(a)
		if f == AlgHMAC || f == AlgNone || f == "" {
			continue
		}
		if family != "" && f != family {
			continue
		}
		out = append(out, a)
	}
	return out
}

// MayAllow reports whether the list may allow an algorithm of family:
// it names one, or its algorithms cannot all be seen.
func (l *AllowList) MayAllow(family string) bool {
	if !l.Const {
		return true
	}
	for _, a := range l.Algs {
		if AlgFamily(a) == family {
			return true
		}
	}
	return false
}

// Spell writes algs as elements of the list: the library's constants
// (jose.RS256) when the list is written with them and the package has
// one for each algorithm, else string literals.
func (l *AllowList) Spell(algs []string) string {
	out := make([]string, len(algs))
	for i, a := range algs {
		c, _ := l.pkgConst(a)
		if c == "" {
			return quoteAlgs(algs)
		}
		out[i] = c
	}
	return strings.Join(out, ", ")
}

// pkgConst returns qual.alg when the list's package has a string constant
// named alg whose value is alg.
func (l *AllowList) pkgConst(alg string) (string, bool) {
	if l.pkg == nil {
		return "", false
	}
	c, ok := l.pkg.Scope().Lookup(alg).(*types.Const)
	if !ok || c.Val().Kind() != constant.String || constant.StringVal(c.Val()) != alg {
		return "", false
	}
	return l.qual + "." + alg, true
}

// quoteAlgs writes algorithm names as a list of string literals.
func quoteAlgs(algs []string) string {
	q := make([]string, len(algs))
	for i, a := range algs {
		q[i] = strconv.Quote(a)
	}
	return strings.Join(q, ", ")
}

// FieldAPIName names a field of a library type for messages:
// jwt.Parser.ValidMethods (the type's qualifiedName and the field), or
// the field alone when the type is not named.
func FieldAPIName(t types.Type, field string) string {
	if n := namedOf(t); n != nil && n.Obj().Pkg() != nil {
		return qualifiedName(n.Obj()) + "." + field
	}
	return field
}

// AlgCallName names a modelled call the way the program's code spells it,
// for messages about algorithms: jwt.NewWithClaims, jwt.Token.SignedString,
// and for a method of a signing method, the method's variable
// (jwt.SigningMethodNone.Sign). Unlike APIName it writes no pointer
// receiver and names a signing method by its variable, as the algnone
// and unverified messages do.
func (ix *Index) AlgCallName(call *Call) string {
	pkg := ix.calleePkgName(call)
	if pkg == "" {
		pkg = "jwt"
	}
	if call.Func.Recv == "" {
		return pkg + "." + call.Func.Name
	}
	recv := call.Func.Recv
	if call.Func.MethodFromRecv {
		// Name the signing method variable rather than its (possibly
		// unexported) type.
		if v := ix.modelVarOf(call.Recv()); v != nil {
			recv = v.Name
		}
	}
	return pkg + "." + recv + "." + call.Func.Name
}

// modelVarOf returns the model row of the package-level variable e refers
// to, or nil.
func (ix *Index) modelVarOf(e ast.Expr) *Var {
	if id := refIdent(e); id != nil {
		return ix.Model.Var(ix.Info.Uses[id])
	}
	return nil
}

// refIdent returns the identifier of a (possibly qualified) name.
func refIdent(e ast.Expr) *ast.Ident {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// ListElems returns the elements of a []string expression: a literal, a
// variable every visible definition of which is a list, a slice of one,
// or append of such. Elements that cannot be seen are left out; each
// element is listed once, also when a variable's definitions reach it
// through several paths (algs = append(algs, …)).
func (ix *Index) ListElems(e ast.Expr) []AlgElem {
	all := ix.listElems(e, 0)
	seen := make(map[ast.Expr]bool, len(all))
	out := all[:0]
	for _, el := range all {
		if !seen[el.Expr] {
			seen[el.Expr] = true
			out = append(out, el)
		}
	}
	return out
}

func (ix *Index) listElems(e ast.Expr, depth int) []AlgElem {
	if e == nil || depth > 8 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		out := make([]AlgElem, 0, len(x.Elts))
		for _, elt := range x.Elts {
			v := elt
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				v = kv.Value
			}
			alg, _ := ix.AlgName(v)
			out = append(out, AlgElem{Expr: elt, Lit: x, Alg: alg})
		}
		return out
	case *ast.SliceExpr:
		return ix.listElems(x.X, depth+1)
	case *ast.CallExpr:
		if !ix.isAppend(x) {
			return nil
		}
		out := ix.listElems(x.Args[0], depth+1)
		if x.Ellipsis.IsValid() {
			if len(x.Args) == 2 {
				out = append(out, ix.listElems(x.Args[1], depth+1)...)
			}
			return out
		}
		for _, a := range x.Args[1:] {
			alg, _ := ix.AlgName(a)
			out = append(out, AlgElem{Expr: a, Alg: alg})
		}
		return out
	case *ast.Ident, *ast.SelectorExpr:
		v := ix.varOf(x)
		if v == nil {
			return nil
		}
		var out []AlgElem
		for _, val := range ix.values(v) {
			out = append(out, ix.listElems(val, depth+1)...)
		}
		// A struct field also takes the values literals give it
		// (&verifier{algs: list}).
		for _, val := range ix.Defs.LitValues(v) {
			out = append(out, ix.listElems(val, depth+1)...)
		}
		return out
	}
	return nil
}

// MapLiteral returns the map literal e is, or that a variable holds when
// that is its only definition and nothing writes to it.
func (ix *Index) MapLiteral(e ast.Expr) *ast.CompositeLit { return ix.mapLiteral(e, 0) }

func (ix *Index) mapLiteral(e ast.Expr, depth int) *ast.CompositeLit {
	if depth > 8 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		if tv, ok := ix.Info.Types[x]; ok && tv.Type != nil {
			if _, isMap := tv.Type.Underlying().(*types.Map); isMap {
				return x
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if d, ok := ix.soleDef(ix.varOf(x)); ok && d.Index < 0 {
			return ix.mapLiteral(d.Expr, depth+1)
		}
	}
	return nil
}

// AlgName returns the algorithm name an expression holds when it is known
// statically: a string constant, or the Alg() of a known signing method.
func (ix *Index) AlgName(e ast.Expr) (string, bool) {
	if s, ok := ConstString(ix.Info, e); ok {
		return s, true
	}
	if recv, ok := ix.AlgNameRecv(e); ok {
		if alg := ix.SigningAlg(recv); alg != "" {
			return alg, true
		}
	}
	return "", false
}

// AlgNameRecv reports whether e is a call that returns the algorithm name
// of its receiver (method.Alg()), and returns the receiver.
func (ix *Index) AlgNameRecv(e ast.Expr) (ast.Expr, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil, false
	}
	if mc := ix.CallOf(call); mc != nil && mc.Func.Role == RoleAlgName {
		return mc.Recv(), true
	}
	return nil, false
}
