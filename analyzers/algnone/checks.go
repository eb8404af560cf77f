package algnone

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Hand-written header checks.
//
// Each if and switch of a function is evaluated under one hypothesis: the
// token's header says "alg": "none". A condition becomes true, false or
// unknown; the branch the hypothesis takes is classified as rejecting the
// token (returns an error or stops a handler), accepting it (returns a nil
// error or hands the request on), or falling through. A check is reported
// when it mentions "none" and either sends it to an accepting branch or
// lets it fall through while rejecting other algorithms. A function that
// rejects "none" somewhere is not reported for letting it through
// elsewhere: the rejection wins.

// tri is a three-valued truth value.
type tri int8

const (
	unknown tri = iota
	no
	yes
)

func truth(b bool) tri {
	if b {
		return yes
	}
	return no
}

func (t tri) not() tri {
	switch t {
	case yes:
		return no
	case no:
		return yes
	}
	return unknown
}

// outcome is what a branch does with the token.
type outcome int8

const (
	outUnknown outcome = iota
	outContinue
	outAccept
	outReject
)

// finding is a check that lets "none" through, before suppression.
type finding struct {
	pos, end token.Pos
	accepts  bool      // the check sends "none" to an accepting branch
	acceptAt token.Pos // where that branch accepts
	subject  string
}

// funcChecks collects one function's verdicts.
type funcChecks struct {
	sig        *types.Signature
	rejections []token.Pos
	findings   []finding
}

// headerChecks evaluates every function of the package.
func (c *checker) headerChecks() {
	for _, file := range c.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch fn := n.(type) {
			case *ast.FuncDecl:
				if fn.Body != nil {
					var sig *types.Signature
					if obj, ok := c.info.Defs[fn.Name].(*types.Func); ok {
						sig, _ = obj.Type().(*types.Signature)
					}
					c.checkFunc(fn.Body, sig)
				}
			case *ast.FuncLit:
				var sig *types.Signature
				if tv, ok := c.info.Types[fn]; ok {
					sig, _ = types.Unalias(tv.Type).(*types.Signature)
				}
				c.checkFunc(fn.Body, sig)
			}
			return true
		})
	}
}

// checkFunc evaluates the checks in body, not those of nested function
// literals (they are functions of their own).
func (c *checker) checkFunc(body *ast.BlockStmt, sig *types.Signature) {
	if body == nil {
		return
	}
	fc := &funcChecks{sig: sig}
	ast.Inspect(body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			c.checkIf(fc, s)
		case *ast.SwitchStmt:
			c.checkSwitch(fc, s)
		case *ast.TypeSwitchStmt:
			c.checkTypeSwitch(fc, s)
		}
		return true
	})
	for _, f := range fc.findings {
		if c.rejectedBefore(fc, f) {
			continue
		}
		verb := "lets alg \"none\" through while rejecting other algorithms"
		if f.accepts {
			verb = "accepts alg \"none\""
		}
		if f.subject == "" {
			f.subject = "the token's alg"
		}
		c.report(analysis.Diagnostic{Pos: f.pos, End: f.end, Message: fmt.Sprintf(
			`check of %s %s: unsigned tokens get past it; reject "none" and allow only the algorithms you sign with`, f.subject, verb)})
	}
}

// rejectedBefore reports whether the function rejects "none" in a way that
// makes f harmless: anywhere, for a check that lets it fall through, and
// before the accepting statement, for a check that accepts it outright.
func (c *checker) rejectedBefore(fc *funcChecks, f finding) bool {
	for _, r := range fc.rejections {
		if !f.accepts || r < f.acceptAt {
			return true
		}
	}
	return false
}

func (c *checker) checkIf(fc *funcChecks, s *ast.IfStmt) {
	ev := &evaluator{c: c}
	v := ev.cond(s.Cond)
	if v == unknown {
		return
	}
	var taken, other ast.Stmt = s.Body, s.Else
	if v == no {
		taken, other = s.Else, s.Body
	}
	out := c.stmtOutcome(taken, fc.sig)
	switch {
	case out == outReject:
		fc.rejections = append(fc.rejections, s.Pos())
	case !ev.mentionsNone:
	case out == outAccept:
		if !c.returnsNoneKey(taken) {
			fc.findings = append(fc.findings, finding{pos: s.Cond.Pos(), end: s.Cond.End(), accepts: true, acceptAt: lastPos(taken), subject: ev.subject})
		}
	case out == outContinue && c.stmtOutcome(other, fc.sig) == outReject:
		fc.findings = append(fc.findings, finding{pos: s.Cond.Pos(), end: s.Cond.End(), subject: ev.subject})
	}
}

func (c *checker) checkSwitch(fc *funcChecks, s *ast.SwitchStmt) {
	var matched, deflt *ast.CaseClause
	var matchedBy ast.Expr
	ev := &evaluator{c: c}
	if s.Body == nil {
		return
	}
clauses:
	for _, st := range s.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			return
		}
		if cc.List == nil {
			deflt = cc
			continue
		}
		for _, e := range cc.List {
			var v tri
			if s.Tag != nil {
				v = ev.compare(s.Tag, e)
			} else {
				v = ev.cond(e)
			}
			switch v {
			case unknown:
				return
			case yes:
				matched, matchedBy = cc, e
				break clauses
			}
		}
	}
	mentions := ev.mentionsNone
	if matched == nil {
		matched, mentions = deflt, false
	}
	if matched == nil {
		return
	}
	out := c.listOutcome(matched.Body, fc.sig)
	switch {
	case out == outReject:
		fc.rejections = append(fc.rejections, matched.Pos())
	case !mentions || matchedBy == nil:
	case out == outAccept:
		if !c.returnsNoneKey(&ast.BlockStmt{List: matched.Body}) {
			fc.findings = append(fc.findings, finding{pos: matchedBy.Pos(), end: matchedBy.End(), accepts: true, acceptAt: matched.Body[len(matched.Body)-1].Pos(), subject: ev.subject})
		}
	case out == outContinue:
		for _, st := range s.Body.List {
			if cc, ok := st.(*ast.CaseClause); ok && cc != matched && c.listOutcome(cc.Body, fc.sig) == outReject {
				fc.findings = append(fc.findings, finding{pos: matchedBy.Pos(), end: matchedBy.End(), subject: ev.subject})
				break
			}
		}
	}
}

// checkTypeSwitch records a type switch on the token's signing method
// whose default rejects: the none method's type is unexported, so no case
// of user code names it and "none" lands in default.
func (c *checker) checkTypeSwitch(fc *funcChecks, s *ast.TypeSwitchStmt) {
	var x ast.Expr
	switch a := s.Assign.(type) {
	case *ast.AssignStmt:
		if len(a.Rhs) == 1 {
			if ta, ok := a.Rhs[0].(*ast.TypeAssertExpr); ok {
				x = ta.X
			}
		}
	case *ast.ExprStmt:
		if ta, ok := a.X.(*ast.TypeAssertExpr); ok {
			x = ta.X
		}
	}
	ev := &evaluator{c: c}
	if x == nil || s.Body == nil || !ev.isMethodAtom(x) {
		return
	}
	var deflt *ast.CaseClause
	for _, st := range s.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			return
		}
		if cc.List == nil {
			deflt = cc
			continue
		}
		for _, e := range cc.List {
			tv, ok := c.info.Types[e]
			if !ok || tv.Type == nil {
				return
			}
			if tv.IsNil() {
				continue
			}
			if types.IsInterface(tv.Type) {
				return // the none method may implement it
			}
		}
	}
	if deflt != nil && c.listOutcome(deflt.Body, fc.sig) == outReject {
		fc.rejections = append(fc.rejections, deflt.Pos())
	}
}

// lastPos returns the position of the last statement of a branch.
func lastPos(s ast.Stmt) token.Pos {
	if b, ok := s.(*ast.BlockStmt); ok && len(b.List) > 0 {
		return lastPos(b.List[len(b.List)-1])
	}
	if is, ok := s.(*ast.IfStmt); ok {
		return is.Pos()
	}
	return s.Pos()
}

// returnsNoneKey reports whether a branch ends by returning the magic none
// key, which noneKeys reports already.
func (c *checker) returnsNoneKey(s ast.Stmt) bool {
	b, ok := s.(*ast.BlockStmt)
	if !ok || len(b.List) == 0 {
		return false
	}
	ret, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok && len(ret.Results) > 0 && c.ix.IsNoneKey(ret.Results[0])
}

// stmtOutcome classifies a branch (a block, an else-if, or nil for a
// missing else).
func (c *checker) stmtOutcome(s ast.Stmt, sig *types.Signature) outcome {
	switch s := s.(type) {
	case nil:
		return outContinue
	case *ast.BlockStmt:
		return c.listOutcome(s.List, sig)
	case *ast.IfStmt:
		a, b := c.stmtOutcome(s.Body, sig), c.stmtOutcome(s.Else, sig)
		if a == b {
			return a
		}
	}
	return outUnknown
}

// listOutcome classifies a statement list by its last statement.
func (c *checker) listOutcome(list []ast.Stmt, sig *types.Signature) outcome {
	if len(list) == 0 {
		return outContinue
	}
	switch last := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		return c.returnOutcome(last, list, sig)
	case *ast.ExprStmt:
		if c.stops(last.X) {
			return outReject
		}
		return outContinue
	case *ast.BlockStmt, *ast.IfStmt:
		return c.stmtOutcome(last, sig)
	case *ast.AssignStmt, *ast.IncDecStmt, *ast.DeclStmt, *ast.DeferStmt, *ast.GoStmt, *ast.SendStmt, *ast.EmptyStmt:
		return outContinue
	}
	return outUnknown
}

// stops reports whether an expression statement ends the program or the
// goroutine (jwtapi.NeverReturns). Only the last statement of a branch is
// asked (listOutcome): a branch is classified by how it ends, unlike the
// expiry reader's lifetime guard, which accepts a rejection anywhere.
func (c *checker) stops(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && jwtapi.NeverReturns(c.info, call)
}

// returnOutcome classifies a return by its last result: a nil error
// accepts, a non-nil one rejects. In a function without results (an HTTP
// handler), returning early rejects unless the branch hands the request on
// (ServeHTTP, Next).
func (c *checker) returnOutcome(ret *ast.ReturnStmt, list []ast.Stmt, sig *types.Signature) outcome {
	if sig == nil {
		return outUnknown
	}
	n := sig.Results().Len()
	if n == 0 {
		if c.handsOn(list) {
			return outAccept
		}
		return outReject
	}
	if len(ret.Results) != n {
		return outUnknown
	}
	last := sig.Results().At(n - 1).Type()
	lastExpr := ret.Results[n-1]
	if types.Identical(last, types.Universe.Lookup("error").Type()) {
		switch c.errValue(lastExpr) {
		case yes:
			return outReject
		case no:
			// return nil, nil hands the library no key: not an
			// acceptance anyone relies on.
			for _, r := range ret.Results[:n-1] {
				if !jwtapi.IsNil(c.info, r) {
					return outAccept
				}
			}
			if n == 1 {
				return outAccept
			}
		}
		return outUnknown
	}
	// A bool result says nothing by itself: true may mean "valid" as well
	// as "is unsigned". Single-return predicates are judged where they are
	// called instead (see callCond).
	return outUnknown
}

// errValue says whether an error expression is non-nil (yes), nil (no), or
// not known: errors.New and fmt.Errorf results, package-level error
// variables (sentinels), and values of concrete error types are non-nil.
func (c *checker) errValue(e ast.Expr) tri {
	e = ast.Unparen(e)
	if jwtapi.IsNil(c.info, e) {
		return no
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		if fn, ok := typeutil.Callee(c.info, x).(*types.Func); ok && fn.Pkg() != nil {
			switch fn.Pkg().Path() + "." + fn.Name() {
			case "errors.New", "fmt.Errorf", "errors.Join":
				return yes
			}
		}
	case *ast.CompositeLit:
		return yes
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return yes
		}
	case *ast.Ident, *ast.SelectorExpr:
		id, _ := x.(*ast.Ident)
		if sel, ok := x.(*ast.SelectorExpr); ok {
			id = sel.Sel
		}
		if v, ok := c.info.Uses[id].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return yes // a sentinel such as jwt.ErrTokenUnverifiable or ErrUnauthorized
		}
		return unknown
	}
	if tv, ok := c.info.Types[e]; ok && tv.Type != nil && !types.IsInterface(tv.Type) {
		return yes // a concrete error type (*echo.HTTPError, ...)
	}
	return unknown
}

// handsOn reports whether a statement list passes the request to the next
// handler (next.ServeHTTP(w, r), c.Next()).
func (c *checker) handsOn(list []ast.Stmt) bool {
	found := false
	for _, s := range list {
		ast.Inspect(s, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if fn, ok := typeutil.Callee(c.info, call).(*types.Func); ok && (fn.Name() == "ServeHTTP" || fn.Name() == "Next") {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// evaluator evaluates a condition under the hypothesis alg == "none".
type evaluator struct {
	c *checker
	// env binds the parameters of an inlined helper to its arguments.
	env map[*types.Var]bound
	// mentionsNone: some comparison compares the algorithm with "none".
	mentionsNone bool
	// subject names the header value first compared, for the message.
	subject string
	depth   int
	// self holds the value of a variable while its self-referential
	// definitions are evaluated.
	self map[*types.Var]algValue
	// visiting holds the variables being evaluated, to cut cycles of
	// definitions (a = b; b = a).
	visiting map[*types.Var]bool
}

// enter marks v as being evaluated, or reports false when it already is.
func (ev *evaluator) enter(v *types.Var) bool {
	if ev.visiting[v] {
		return false
	}
	if ev.visiting == nil {
		ev.visiting = make(map[*types.Var]bool)
	}
	ev.visiting[v] = true
	return true
}

type bound struct {
	expr ast.Expr
	env  map[*types.Var]bound
}

// algValue is the static value of a string-like expression under the
// hypothesis.
type algValue struct {
	s     string
	known bool
	atom  bool // derived from the token's alg
}

func (ev *evaluator) cond(e ast.Expr) tri {
	if e == nil || ev.depth > 12 {
		return unknown
	}
	ev.depth++
	defer func() { ev.depth-- }()
	c := ev.c
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return ev.cond(x.X).not()
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND:
			a, b := ev.cond(x.X), ev.cond(x.Y)
			switch {
			case a == no || b == no:
				return no
			case a == yes && b == yes:
				return yes
			}
			return unknown
		case token.LOR:
			a, b := ev.cond(x.X), ev.cond(x.Y)
			switch {
			case a == yes || b == yes:
				return yes
			case a == no && b == no:
				return no
			}
			return unknown
		case token.EQL:
			return ev.compare(x.X, x.Y)
		case token.NEQ:
			return ev.compare(x.X, x.Y).not()
		}
	case *ast.CallExpr:
		return ev.callCond(x)
	case *ast.IndexExpr:
		return ev.mapLookup(x, false)
	case *ast.Ident:
		if tv, ok := c.info.Types[x]; ok && tv.Value != nil {
			return truth(tv.Value.String() == "true")
		}
		return ev.boolVar(x)
	}
	return unknown
}

// boolVar evaluates a boolean variable from its definitions, all of which
// must agree.
func (ev *evaluator) boolVar(id *ast.Ident) tri {
	v, _ := ev.c.info.Uses[id].(*types.Var)
	if v == nil {
		return unknown
	}
	if b, ok := ev.env[v]; ok {
		sub := &evaluator{c: ev.c, env: b.env, depth: ev.depth}
		r := sub.cond(b.expr)
		ev.merge(sub)
		return r
	}
	if !ev.enter(v) {
		return unknown
	}
	defer delete(ev.visiting, v)
	defs, ok := ev.c.ix.Defs.Of(v)
	if !ok || len(defs) == 0 {
		return unknown
	}
	result := unknown
	for i, d := range defs {
		var r tri
		switch {
		case d.Expr == nil:
			r = no // var ok bool
		case d.Index < 0:
			r = ev.cond(d.Expr)
		case d.Index == 1:
			r = ev.commaOK(d.Expr)
		}
		if r == unknown || (i > 0 && r != result) {
			return unknown
		}
		result = r
	}
	return result
}

// commaOK evaluates the ok of v, ok := x.(T) or v, ok := m[k].
func (ev *evaluator) commaOK(e ast.Expr) tri {
	switch x := ast.Unparen(e).(type) {
	case *ast.TypeAssertExpr:
		if x.Type == nil {
			return unknown
		}
		tv, ok := ev.c.info.Types[x.Type]
		if !ok || tv.Type == nil {
			return unknown
		}
		if ev.isMethodAtom(x.X) {
			if types.IsInterface(tv.Type) {
				return unknown
			}
			// The none method's type is unexported: a concrete type
			// named in user code is never it.
			return no
		}
		if v := ev.value(x.X); v.atom {
			// The header's alg is a JSON string.
			if b, ok := tv.Type.Underlying().(*types.Basic); ok && b.Kind() == types.String {
				return yes
			}
		}
	case *ast.IndexExpr:
		return ev.mapLookup(x, true)
	}
	return unknown
}

func (ev *evaluator) callCond(call *ast.CallExpr) tri {
	c := ev.c
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return unknown
	}
	switch op := jwtapi.StringOpOf(c.info, call); op.Kind {
	case jwtapi.StringEqualFold:
		return ev.relate(op.X, op.Y, strings.EqualFold)
	case jwtapi.StringContains:
		return ev.contains(op.X, op.Y)
	}
	// A helper of this package whose body is one return of a condition:
	// evaluate it with its parameters bound to the arguments.
	decl := c.ix.Funcs[fn]
	if decl == nil || decl.Body == nil || len(decl.Body.List) != 1 || ev.depth > 6 {
		return unknown
	}
	ret, ok := decl.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return unknown
	}
	sig, _ := fn.Type().(*types.Signature)
	args := jwtapi.ArgsByParam(sig, call)
	if args == nil {
		return unknown
	}
	env := make(map[*types.Var]bound, len(args))
	for p, a := range args {
		env[p] = bound{expr: a, env: ev.env}
	}
	sub := &evaluator{c: c, env: env, depth: ev.depth + 1}
	r := sub.cond(ret.Results[0])
	ev.merge(sub)
	return r
}

func (ev *evaluator) merge(sub *evaluator) {
	ev.mentionsNone = ev.mentionsNone || sub.mentionsNone
	if ev.subject == "" {
		ev.subject = sub.subject
	}
}

// compare evaluates a == b.
func (ev *evaluator) compare(a, b ast.Expr) tri {
	return ev.relate(a, b, func(x, y string) bool { return x == y })
}

// relate evaluates eq(a, b) when exactly one side derives from the token's
// alg and the other is known.
func (ev *evaluator) relate(a, b ast.Expr, eq func(x, y string) bool) tri {
	va, vb := ev.value(a), ev.value(b)
	if va.atom == vb.atom || !va.known || !vb.known {
		return unknown
	}
	other := vb
	if vb.atom {
		other = va
	}
	if strings.EqualFold(other.s, jwtapi.AlgNone) {
		ev.mentionsNone = true
	}
	return truth(eq(va.s, vb.s))
}

// contains evaluates slices.Contains(list, v).
func (ev *evaluator) contains(list, v ast.Expr) tri {
	if val := ev.value(v); !val.atom || !val.known {
		return unknown
	}
	elems := ev.c.ix.ListElems(list)
	if len(elems) == 0 {
		return unknown
	}
	result := no
	for _, el := range elems {
		switch {
		case el.Alg == "":
			if result == no {
				result = unknown
			}
		case el.Alg == jwtapi.AlgNone:
			ev.mentionsNone = true
			result = yes
		case strings.EqualFold(el.Alg, jwtapi.AlgNone):
			ev.mentionsNone = true
		}
	}
	return result
}

// mapLookup evaluates m[alg] for a map[string]bool literal of constant
// keys, or the presence of alg in it (v, ok := m[alg]).
func (ev *evaluator) mapLookup(ix *ast.IndexExpr, presence bool) tri {
	if val := ev.value(ix.Index); !val.atom || !val.known {
		return unknown
	}
	lit := ev.c.ix.MapLiteral(ix.X)
	if lit == nil {
		return unknown
	}
	result := no
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return unknown
		}
		k, ok := ev.c.ix.AlgName(kv.Key)
		if !ok {
			return unknown
		}
		if strings.EqualFold(k, jwtapi.AlgNone) {
			ev.mentionsNone = true
		}
		if k != jwtapi.AlgNone {
			continue
		}
		if presence {
			result = yes
			continue
		}
		tv, ok := ev.c.info.Types[kv.Value]
		if !ok || tv.Value == nil {
			return unknown
		}
		result = truth(tv.Value.String() == "true")
	}
	return result
}

// value evaluates a string-like expression: a constant, an algorithm name
// derived from the token (the atom, "none" under the hypothesis), or a
// signing method.
func (ev *evaluator) value(e ast.Expr) algValue {
	if e == nil || ev.depth > 12 {
		return algValue{}
	}
	ev.depth++
	defer func() { ev.depth-- }()
	c := ev.c
	e = ast.Unparen(e)
	if s, ok := jwtapi.ConstString(c.info, e); ok {
		return algValue{s: s, known: true}
	}
	if subject := c.ix.HeaderAlgRead(e); subject != "" {
		ev.note(subject)
		return algValue{s: jwtapi.AlgNone, known: true, atom: true}
	}
	if ev.isMethodAtom(e) {
		return algValue{s: jwtapi.AlgNone, known: true, atom: true}
	}
	switch x := e.(type) {
	case *ast.TypeAssertExpr:
		return ev.value(x.X)
	case *ast.CallExpr:
		return ev.callValue(x)
	case *ast.Ident:
		return ev.varValue(x)
	}
	if alg := c.ix.SigningAlg(e); alg != "" {
		return algValue{s: alg, known: true}
	}
	return algValue{}
}

func (ev *evaluator) note(subject string) {
	if ev.subject == "" {
		ev.subject = subject
	}
}

func (ev *evaluator) callValue(call *ast.CallExpr) algValue {
	c := ev.c
	if recv, ok := c.ix.AlgNameRecv(call); ok {
		if ev.isMethodAtom(recv) {
			return algValue{s: jwtapi.AlgNone, known: true, atom: true}
		}
		if alg := c.ix.SigningAlg(recv); alg != "" {
			return algValue{s: alg, known: true}
		}
		return algValue{}
	}
	op := jwtapi.StringOpOf(c.info, call)
	if op.Kind != jwtapi.StringTransform {
		return algValue{}
	}
	v := ev.value(op.X)
	if v.known {
		v.s = op.Transform(v.s)
	}
	return v
}

// varValue evaluates a variable from its definitions, all of which must
// agree: alg := token.Header["alg"].(string), alg, ok := ..., or a
// parameter of an inlined helper.
func (ev *evaluator) varValue(id *ast.Ident) algValue {
	v, _ := ev.c.info.Uses[id].(*types.Var)
	if v == nil {
		return algValue{}
	}
	if b, ok := ev.env[v]; ok {
		sub := &evaluator{c: ev.c, env: b.env, depth: ev.depth}
		r := sub.value(b.expr)
		ev.merge(sub)
		return r
	}
	if r, ok := ev.self[v]; ok {
		return r
	}
	if !ev.enter(v) {
		return algValue{}
	}
	defer delete(ev.visiting, v)
	defs, ok := ev.c.ix.Defs.Of(v)
	if !ok || len(defs) == 0 {
		return algValue{}
	}
	// Definitions that read v itself (alg = strings.ToLower(alg)) are
	// evaluated last, with v standing for the value the others agree on.
	var result algValue
	var selfDefs []jwtapi.Def
	seen := false
	for _, d := range defs {
		if d.Expr == nil {
			return algValue{}
		}
		if d.Index < 0 && mentionsVar(ev.c.info, d.Expr, v) {
			selfDefs = append(selfDefs, d)
			continue
		}
		var r algValue
		switch {
		case d.Index < 0:
			r = ev.value(d.Expr)
		case d.Index == 0:
			// alg, ok := x.(string) or alg, ok := header["alg"]
			switch x := ast.Unparen(d.Expr).(type) {
			case *ast.TypeAssertExpr:
				r = ev.value(x.X)
			case *ast.IndexExpr:
				r = ev.value(x)
			}
		}
		if !r.known || (seen && r != result) {
			return algValue{}
		}
		result, seen = r, true
	}
	if !seen {
		return algValue{}
	}
	if len(selfDefs) > 0 {
		if ev.self == nil {
			ev.self = make(map[*types.Var]algValue)
		}
		ev.self[v] = result
		defer delete(ev.self, v)
		for _, d := range selfDefs {
			if r := ev.value(d.Expr); r != result {
				return algValue{}
			}
		}
	}
	return result
}

// mentionsVar reports whether e reads v.
func mentionsVar(info *types.Info, e ast.Expr, v *types.Var) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// isMethodAtom reports whether e is the signing method the parser chose
// from the token's header (token.Method of a modelled token), directly or
// through a variable.
func (ev *evaluator) isMethodAtom(e ast.Expr) bool {
	return ev.methodAtom(e, 0)
}

func (ev *evaluator) methodAtom(e ast.Expr, depth int) bool {
	c := ev.c
	if e == nil || depth > 8 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if name := c.ix.TokenMethodRead(x); name != "" {
			ev.note(name)
			return true
		}
	case *ast.Ident:
		v, _ := c.info.Uses[x].(*types.Var)
		if v == nil {
			return false
		}
		if b, ok := ev.env[v]; ok {
			sub := &evaluator{c: c, env: b.env}
			r := sub.methodAtom(b.expr, depth+1)
			ev.merge(sub)
			return r
		}
		defs, ok := c.ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			if d.Index >= 0 || !ev.methodAtom(d.Expr, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}
