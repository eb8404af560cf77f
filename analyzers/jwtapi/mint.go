package jwtapi

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// MintKind says how a mint gives its tokens their claims.
type MintKind uint8

const (
	// MintToken makes a token value from claims (NewWithClaims, or New
	// with claims set afterwards) that a later call signs.
	MintToken MintKind = iota
	// MintOneShot signs the claims it is given, with no token value
	// made first (kataras jwt.Sign, jwx jwt.Sign, cristalhq
	// Builder.Build, jwtauth Encode, go-jose Builder.Claims).
	MintOneShot
	// MintFixedClaims builds a signer bound to claims fixed when it is
	// built (go-kit NewSigner): every token it signs carries them.
	MintFixedClaims
	// MintLifetime builds a signer that gives its tokens exp from a
	// lifetime argument (iris NewSigner's maxAge); it has no claims.
	MintLifetime
	// MintClaimsArg signs claims it is given and is none of the above (a
	// builder given the claims, a claims call inside a chain whose
	// outermost call is the MintOneShot): only its claims are read.
	MintClaimsArg
)

// Mint is a place where tokens are minted, with what their claims say
// about expiry.
type Mint struct {
	Call *Call
	Kind MintKind
	// Claims is the claims value the call is given, or nil (a token made
	// empty, whose claims are set afterwards, or a MintLifetime signer).
	Claims ast.Expr
	// Merged are the claims of every call of a merging chain on one
	// builder (go-jose jwt.Signed(s).Claims(a).Claims(b)), outermost
	// first, when the chain is read whole; the token's claims are all of
	// them.
	Merged []ast.Expr
	// Signed: a MintToken's token is signed in the same function (and
	// the signed string is kept). It is read as far as needed: a token
	// whose claims get exp before the signing may not say.
	Signed bool
	// ExpiryOptions are the call's options in effect that set exp
	// (kataras MaxAge, jwx Builder.Expiration), when the claims set none.
	ExpiryOptions []*Call
	// Expiry says whether the tokens get an exp claim: from the claims
	// (followed through variables, helpers, builders and the token's
	// later claims writes) and from the call's options that set one.
	// ExpiryNo for a MintToken means the token is also signed in the
	// function; a token not followed to its signing is ExpiryUnknown.
	// For MintClaimsArg it is always ExpiryUnknown (see
	// ConditionalExpiry), and for MintLifetime ExpiryNo when the lifetime
	// argument is a constant too small to set exp.
	Expiry Expiry
	// Targets are the claims composite literals an expiry could be added
	// to, when Expiry is ExpiryNo.
	Targets []*ExpiryTarget
	// Lifetime is the lifetime argument of a MintLifetime signer.
	Lifetime ast.Expr
}

// ExpiryReader reads what a package's claims and tokens do with their
// expiry: mints, claims shapes, expiry reads and checks. It keeps caches,
// so a rule makes one per pass and uses it from one goroutine.
type ExpiryReader struct {
	pass *analysis.Pass
	ix   *Index
	info *types.Info
	// facts: the pass's analyzer lists LifetimeCheckedFact.
	facts bool

	decls   map[ast.Decl]*declIndex
	varMemo map[varKey]expResult
	shapes  map[types.Type]*ClaimsShape // by named type
	// expFields are the fields known to hold an expiry: the modelled
	// ExpiresAt fields and the user's own exp fields.
	expFields map[*types.Var]bool
	inHelper  map[*ast.FuncDecl]bool
	// varIdents lists the identifiers of package-level variables, built
	// on first use.
	varIdents map[*types.Var][]*ast.Ident
}

// NewExpiryReader returns a reader for the package of pass, which is the
// rule's pass: LifetimeCheckedFact is imported and exported through it
// when the rule lists that fact type in its FactTypes (go/analysis lets
// a pass use only its own analyzer's facts), and left alone otherwise.
func (ix *Index) NewExpiryReader(pass *analysis.Pass) *ExpiryReader {
	return &ExpiryReader{
		pass:      pass,
		facts:     usesLifetimeFacts(pass),
		ix:        ix,
		info:      ix.Info,
		decls:     make(map[ast.Decl]*declIndex),
		varMemo:   make(map[varKey]expResult),
		shapes:    make(map[types.Type]*ClaimsShape),
		expFields: make(map[*types.Var]bool),
		inHelper:  make(map[*ast.FuncDecl]bool),
	}
}

// Mints returns the package's mints, in the order of the index's calls.
func (c *ExpiryReader) Mints() []*Mint {
	var out []*Mint
	for _, call := range c.ix.Calls {
		if call.Expr == nil || call.Func == nil {
			continue
		}
		f := call.Func
		switch {
		case f.Role == RoleNewToken:
			out = append(out, c.tokenMint(call))
		case oneShot(f) && !c.chainedInto(call):
			out = append(out, c.oneShotMint(call))
		case f.Role == RoleSign && f.Claims >= 0:
			out = append(out, &Mint{Call: call, Kind: MintClaimsArg, Claims: call.Arg(f.Claims), Expiry: ExpiryUnknown})
		}
		if f.Role == RoleNewSigner && f.Option == OptSetsExpiry {
			out = append(out, c.lifetimeMint(call))
		}
	}
	return out
}

// tokenMint reads a token minted (NewWithClaims, or New with claims set
// afterwards): its claims, and whether it is signed in the same function
// with no expiry set on the way.
func (c *ExpiryReader) tokenMint(call *Call) *Mint {
	m := &Mint{Call: call, Kind: MintToken, Claims: call.Arg(call.Func.Claims), Expiry: ExpiryUnknown}
	di := c.declAt(call.Expr.Pos())
	if di == nil {
		return m
	}
	var claims expResult
	if call.Func.Claims >= 0 {
		if m.Claims == nil {
			return m
		}
		claims = c.status(m.Claims, nil, 0)
	} else {
		// A token made without claims starts with empty claims; whatever
		// it carries is set through token.Claims below.
		claims = expResult{st: ExpiryNo}
	}
	if claims.st != ExpiryNo {
		m.Expiry = claims.st
		return m
	}
	signed, later := c.tokenFlow(di, call)
	m.Signed = signed
	if later.st != ExpiryNo {
		m.Expiry = later.st // set afterwards, or out of sight
		return m
	}
	if !signed {
		return m
	}
	r := joinExpiry(claims, later)
	m.Expiry, m.Targets = r.st, r.targets
	return m
}

// oneShotMint reads a call that signs the claims it is given (merged
// over a chain of claims calls on one builder) and the options that may
// set exp. A call inside a chain is not one: the outermost one is.
func (c *ExpiryReader) oneShotMint(call *Call) *Mint {
	m := &Mint{Call: call, Kind: MintOneShot, Claims: call.Arg(call.Func.Claims), Expiry: ExpiryUnknown}
	if call.Func.Role == RoleNewSigner {
		m.Kind = MintFixedClaims
	}
	if call.Func.ClaimsMerge && !c.wholeChain(call) {
		return m // claims may be added on the builder elsewhere
	}
	var parts []expResult
	for cur := call; cur != nil; cur = c.chainedFrom(cur) {
		arg := cur.Arg(cur.Func.Claims)
		if call.Func.ClaimsMerge {
			m.Merged = append(m.Merged, arg)
		}
		parts = append(parts, c.oneShotClaims(arg))
	}
	r := joinExpiry(parts...)
	if r.st != ExpiryNo {
		m.Expiry = r.st
		return m
	}
	opts, complete := c.ix.OptionCalls(call)
	for _, o := range opts {
		if o.Func.Option != OptSetsExpiry {
			continue
		}
		in, known := c.ix.OptionInEffect(o)
		if !known {
			complete = false
		}
		if in && known {
			m.ExpiryOptions = append(m.ExpiryOptions, o)
		}
	}
	if len(m.ExpiryOptions) > 0 {
		m.Expiry = ExpirySet
		return m
	}
	if !complete && len(call.OptionArgs()) > 0 {
		return m // an option not seen may set exp
	}
	m.Expiry, m.Targets = ExpiryNo, r.targets
	return m
}

// lifetimeMint reads a signer built with a lifetime argument: ExpiryNo
// when the argument is a constant too small to set exp (iris
// jwt.NewSigner(alg, key, 0)).
func (c *ExpiryReader) lifetimeMint(call *Call) *Mint {
	m := &Mint{Call: call, Kind: MintLifetime, Lifetime: call.Arg(call.Func.OptionArg), Expiry: ExpiryUnknown}
	in, known := c.ix.OptionInEffect(call)
	switch {
	case known && in:
		m.Expiry = ExpirySet
	case known && m.Lifetime != nil:
		m.Expiry = ExpiryNo
	}
	return m
}

// tokenFlow follows the token a mint call returns through the function:
// whether it is signed there, and what its later claims writes
// (token.Claims = …, token.Claims.(jwt.MapClaims)["exp"] = …) do. A token
// that leaves the function, or is not signed in it, is not followed.
func (c *ExpiryReader) tokenFlow(di *declIndex, call *Call) (signed bool, later expResult) {
	var tok *types.Var
	switch p := di.up(call.Expr).(type) {
	case *ast.SelectorExpr: // jwt.NewWithClaims(…).SignedString(key)
		return c.isSignCall(di, p) && !c.discarded(di, p), expResult{st: ExpiryNo}
	case *ast.AssignStmt:
		if len(p.Lhs) != len(p.Rhs) {
			return false, expUnknown
		}
		for i, r := range p.Rhs {
			if ast.Unparen(r) == call.Expr {
				if id, ok := ast.Unparen(p.Lhs[i]).(*ast.Ident); ok {
					tok = c.varOf(id)
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) != len(p.Values) {
			return false, expUnknown
		}
		for i, v := range p.Values {
			if ast.Unparen(v) == call.Expr {
				tok = c.varOf(p.Names[i])
			}
		}
	}
	if tok == nil || !c.isLocal(tok) {
		return false, expUnknown
	}
	tokRow := c.ix.Model.Type(tok.Type())
	if tokRow == nil || tokRow.Role != TypeToken {
		return false, expUnknown
	}
	// Where tok is given a minted token, in source order: a sign call
	// belongs to the last one before it (a draft re-minted with exp
	// before signing is that later token).
	var mints []token.Pos
	for _, id := range di.idents[tok] {
		if as, ok := di.up(id).(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, l := range as.Lhs {
				if ast.Unparen(l) == id && c.ix.CallOf(as.Rhs[i]) != nil {
					mints = append(mints, ast.Unparen(as.Rhs[i]).Pos())
				}
			}
		}
	}
	mintedBefore := func(pos token.Pos) token.Pos {
		last := token.NoPos
		for _, m := range mints {
			if m < pos && m > last {
				last = m
			}
		}
		return last
	}
	var rs []expResult
	for _, id := range di.idents[tok] {
		switch p := di.up(id).(type) {
		case *ast.AssignStmt:
			if !c.tokenDef(p, id) {
				return false, expUnknown
			}
		case *ast.ValueSpec:
			if !c.tokenSpec(p, id) {
				return false, expUnknown
			}
		case *ast.SelectorExpr:
			if ast.Unparen(p.X) != id {
				return false, expUnknown
			}
			s := c.info.Selections[p]
			if s == nil {
				return false, expUnknown
			}
			if s.Kind() != types.FieldVal {
				if c.isSignCall(di, p) {
					// A draft signed and thrown away (a key probe before the
					// real token) issues nothing.
					if m := mintedBefore(p.Pos()); m.IsValid() && m != call.Expr.Pos() {
						continue // signs a later token
					}
					signed = signed || !c.discarded(di, p)
					continue
				}
				if fn, ok := s.Obj().(*types.Func); ok && fn.Pkg() != nil && c.ix.Model.IsLibrary(fn.Pkg().Path()) {
					continue // SigningString and other library methods
				}
				return false, expUnknown
			}
			if p.Sel.Name != tokRow.ClaimsField {
				continue // Header, Method: not the claims
			}
			r := c.claimsFieldUse(di, p)
			if r.st != ExpiryNo {
				return signed, r
			}
			rs = append(rs, r)
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(c.info, p).(*types.Func); ok && readsOnly(fn) {
				continue // logged or printed
			}
			return false, expUnknown
		default:
			// Passed on, returned, stored or captured by address: the
			// claims may get an expiry out of sight.
			return false, expUnknown
		}
	}
	return signed, joinExpiry(rs...)
}

func (c *ExpiryReader) varOf(id *ast.Ident) *types.Var {
	if v, ok := c.info.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := c.info.Uses[id].(*types.Var)
	return v
}

// isSignCall reports whether sel (x.SignedString) is the callee of a
// modelled call that signs its receiver token.
func (c *ExpiryReader) isSignCall(di *declIndex, sel *ast.SelectorExpr) bool {
	call, ok := di.up(sel).(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != sel {
		return false
	}
	mc := c.ix.CallOf(call)
	return mc != nil && mc.Func.Role == RoleSign && mc.Func.TokenFromRecv
}

// discarded reports whether the string a sign call (its callee sel)
// returns is dropped: not assigned, assigned to _, or kept in a local
// read only by _ = s.
func (c *ExpiryReader) discarded(di *declIndex, sel *ast.SelectorExpr) bool {
	call, ok := di.up(sel).(*ast.CallExpr)
	if !ok {
		return false
	}
	var lhs ast.Expr
	switch p := di.up(call).(type) {
	case *ast.ExprStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || len(p.Lhs) == 0 {
			return false
		}
		lhs = p.Lhs[0]
	default:
		return false
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return false
	}
	if id.Name == "_" {
		return true
	}
	v := c.varOf(id)
	if v == nil || !c.isLocal(v) {
		return false
	}
	for _, use := range di.idents[v] {
		if use == id {
			continue
		}
		as, ok := di.up(use).(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != use {
			return false
		}
		if l, ok := as.Lhs[0].(*ast.Ident); !ok || l.Name != "_" {
			return false
		}
	}
	return true
}

// tokenDef reports whether an assignment that writes the token variable
// id assigns it a freshly minted token (or declares it empty).
func (c *ExpiryReader) tokenDef(as *ast.AssignStmt, id *ast.Ident) bool {
	if len(as.Lhs) != len(as.Rhs) {
		return false
	}
	for i, l := range as.Lhs {
		if ast.Unparen(l) == id {
			return c.isMint(as.Rhs[i])
		}
	}
	return false // on the right: copied elsewhere
}

func (c *ExpiryReader) tokenSpec(vs *ast.ValueSpec, id *ast.Ident) bool {
	for i, n := range vs.Names {
		if n != id {
			continue
		}
		switch {
		case len(vs.Values) == 0:
			return true
		case len(vs.Values) == len(vs.Names):
			return c.isMint(vs.Values[i])
		}
		return false
	}
	return false
}

func (c *ExpiryReader) isMint(e ast.Expr) bool {
	if c.isZero(e) {
		return true
	}
	mc := c.ix.CallOf(e)
	return mc != nil && mc.Func.Role == RoleNewToken
}

// claimsFieldUse reads one use of token.Claims.
func (c *ExpiryReader) claimsFieldUse(di *declIndex, sel *ast.SelectorExpr) expResult {
	switch p := di.up(sel).(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) != len(p.Rhs) {
			return expUnknown
		}
		for i, l := range p.Lhs {
			if ast.Unparen(l) == sel {
				if p.Tok != token.ASSIGN {
					return expUnknown
				}
				return c.status(p.Rhs[i], nil, 0)
			}
		}
		return expUnknown // claims := token.Claims: an alias we do not follow
	case *ast.TypeAssertExpr:
		return c.assertUse(di, p)
	case *ast.SelectorExpr:
		// token.Claims.Valid(), token.Claims.GetExpirationTime(): reads.
		if s := c.info.Selections[p]; s != nil && s.Kind() == types.MethodVal {
			return expResult{st: ExpiryNo}
		}
	}
	return expUnknown
}

// assertUse reads token.Claims.(T): an alias of the token's claims when T
// is a map or pointer, a copy otherwise.
func (c *ExpiryReader) assertUse(di *declIndex, ta *ast.TypeAssertExpr) expResult {
	if ta.Type == nil {
		return expUnknown
	}
	sh := c.shapeOf(c.info.TypeOf(ta.Type), 0)
	if sh.Kind == ShapeUnknown {
		return expUnknown
	}
	var alias *types.Var
	switch p := di.up(ta).(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && ast.Unparen(p.Rhs[0]) == ta && len(p.Lhs) >= 1 {
			if id, ok := ast.Unparen(p.Lhs[0]).(*ast.Ident); ok {
				alias = c.varOf(id)
			}
		}
		if alias == nil {
			return expUnknown
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && ast.Unparen(p.Values[0]) == ta && len(p.Names) >= 1 {
			alias = c.varOf(p.Names[0])
		}
		if alias == nil {
			return expUnknown
		}
	}
	if alias == nil {
		// Used in place: token.Claims.(jwt.MapClaims)["exp"] = …
		eff := c.useEffect(di, ta, sh)
		switch {
		case eff.st != ExpiryNo:
			return expResult{st: eff.st}
		case eff.def != nil || eff.zero:
			return expUnknown
		}
		return expResult{st: ExpiryNo}
	}
	if !c.isLocal(alias) {
		return expUnknown
	}
	for _, id := range di.idents[alias] {
		eff := c.useEffect(di, id, sh)
		switch {
		case eff.st != ExpiryNo:
			return expResult{st: eff.st}
		case eff.def != nil && ast.Unparen(eff.def) != ast.Expr(ta):
			return expUnknown // the alias is reassigned: another value
		case eff.zero:
			return expUnknown
		}
	}
	return expResult{st: ExpiryNo}
}

// oneShot reports whether row signs the claims it is given.
func oneShot(f *Func) bool {
	return (f.Role == RoleSign || f.Role == RoleNewSigner) && f.Claims >= 0 && !f.TokenFromRecv && !f.MethodFromRecv
}

// jsonClaims is the shape of a plain map of claims: the libraries encode
// it as the token's JSON payload, where the expiry is "exp".
var jsonClaims = &ClaimsShape{Kind: ShapeMap, Key: "exp"}

// chainedInto reports whether call is the receiver of a call of the same
// row (jwt.Signed(s).Claims(a).Claims(b)): the outermost one judges the
// chain.
func (c *ExpiryReader) chainedInto(call *Call) bool {
	outer := c.calledOn(call)
	if outer == nil {
		return false
	}
	oc := c.ix.CallOf(outer)
	return oc != nil && oc.Func == call.Func
}

// calledOn returns the method call made at once on call's result
// (call(…).Method(…)), or nil.
func (c *ExpiryReader) calledOn(call *Call) *ast.CallExpr {
	di := c.declAt(call.Expr.Pos())
	if di == nil {
		return nil
	}
	sel, ok := di.up(call.Expr).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	use, ok := di.up(sel).(*ast.CallExpr)
	if !ok || ast.Unparen(use.Fun) != sel {
		return nil
	}
	return use
}

// wholeChain reports whether every claims call of a merging builder is in
// the one chain that ends at call: the chain starts at another call (the
// builder's constructor), and its result is used at once (serialized), not
// kept where more claims could be added.
func (c *ExpiryReader) wholeChain(call *Call) bool {
	cur := call
	for {
		prev := c.chainedFrom(cur)
		if prev == nil {
			break
		}
		cur = prev
	}
	if _, ok := ast.Unparen(cur.Recv()).(*ast.CallExpr); !ok {
		return false // a builder held in a variable
	}
	return c.calledOn(call) != nil
}

// chainedFrom returns the call of the same row that call is made on, or
// nil.
func (c *ExpiryReader) chainedFrom(call *Call) *Call {
	if r := call.Recv(); r != nil {
		if rc := c.ix.CallOf(r); rc != nil && rc.Func == call.Func {
			return rc
		}
	}
	return nil
}

// oneShotClaims reads the claims given to a one-shot mint: a claims value
// (map, library claims, user struct), a token built by the library
// (jwx), or a user struct with no field that could hold exp.
func (c *ExpiryReader) oneShotClaims(e ast.Expr) expResult {
	if e == nil {
		return expUnknown
	}
	r := c.status(e, jsonClaims, 0)
	if r.st != ExpiryUnknown {
		return r
	}
	if b, ok := c.builtStatus(e); ok {
		return b
	}
	if t := c.info.TypeOf(e); t != nil && c.lacksExpField(t, 0) {
		return expResult{st: ExpiryNo}
	}
	return expUnknown
}

// lacksExpField reports whether every value of t encodes to JSON without
// an exp entry: a struct of the program (not a library type) or an
// anonymous struct, with no field that could be the expiry, no embedded or
// interface field, and no encoding of its own.
func (c *ExpiryReader) lacksExpField(t types.Type, depth int) bool {
	if depth > 0 {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	// A named type of this package, or an anonymous struct.
	if n, ok := types.Unalias(t).(*types.Named); ok && (n.Obj().Pkg() != c.pass.Pkg || c.ix.Model.Type(t) != nil || hasOwnMarshalJSON(t)) {
		return false
	}
	st, ok := types.Unalias(t).Underlying().(*types.Struct)
	if !ok || st.NumFields() == 0 {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Embedded() || expiryName(f.Name()) || jsonName(st.Tag(i)) == "exp" {
			return false
		}
		if _, isIface := f.Type().Underlying().(*types.Interface); isIface {
			return false
		}
	}
	return true
}

// builtStatus reads a token made by a library constructor (a RoleNewToken
// row: jwx jwt.New, jwt.NewBuilder) and completed by library calls, of
// which those with Option OptSetsExpiry give it exp
// (Builder.Expiration, Builder.Claim("exp", …), Token.Set("exp", …)).
func (c *ExpiryReader) builtStatus(e ast.Expr) (expResult, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return c.chainStatus(x, 0)
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok || !c.isLocal(v) {
			return expResult{}, false
		}
		defs, ok := c.ix.Defs.Of(v)
		if !ok || len(defs) == 0 {
			return expResult{}, false
		}
		var rs []expResult
		for _, d := range defs {
			call, isCall := ast.Unparen(d.Expr).(*ast.CallExpr)
			if !isCall || d.Index > 0 {
				return expResult{}, false
			}
			r, ok := c.chainStatus(call, 0)
			if !ok {
				return expResult{}, false
			}
			rs = append(rs, r)
		}
		r := joinExpiry(rs...)
		if r.st != ExpiryNo {
			return r, true
		}
		return c.builtUses(v)
	}
	return expResult{}, false
}

// chainStatus follows a chain of library calls down to the constructor.
func (c *ExpiryReader) chainStatus(call *ast.CallExpr, depth int) (expResult, bool) {
	if depth > claimsDepth {
		return expResult{}, false
	}
	mc := c.ix.CallOf(call)
	if mc != nil {
		if st, ok := c.setsExpiry(mc); !ok {
			return expUnknown, true
		} else if st {
			return expYes, true
		}
		if mc.Func.Role == RoleNewToken {
			return expResult{st: ExpiryNo}, true
		}
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return expResult{}, false
	}
	s := c.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return expResult{}, false
	}
	fn, ok := s.Obj().(*types.Func)
	if !ok || fn.Pkg() == nil || !c.ix.Model.IsLibrary(fn.Pkg().Path()) {
		return expResult{}, false
	}
	recv, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok {
		return expResult{}, false
	}
	return c.chainStatus(recv, depth+1)
}

// setsExpiry reports whether a modelled call gives the token exp; ok is
// false when that depends on a value that is not constant.
func (c *ExpiryReader) setsExpiry(mc *Call) (sets, ok bool) {
	if mc.Func.Option != OptSetsExpiry {
		return false, true
	}
	in, known := c.ix.OptionInEffect(mc)
	return in, known
}

// builtUses reads the uses of a built token variable: library method
// calls on it, of which the expiry setters decide; it may be passed to
// library calls (the signing call), and nothing else.
func (c *ExpiryReader) builtUses(v *types.Var) (expResult, bool) {
	di := c.declAt(v.Pos())
	if di == nil {
		return expResult{}, false
	}
	for _, id := range di.idents[v] {
		switch p := di.up(id).(type) {
		case *ast.SelectorExpr:
			s := c.info.Selections[p]
			call, isCall := di.up(p).(*ast.CallExpr)
			if s == nil || s.Kind() != types.MethodVal || !isCall || ast.Unparen(call.Fun) != p {
				return expUnknown, true
			}
			if mc := c.ix.CallOf(call); mc != nil {
				sets, ok := c.setsExpiry(mc)
				if !ok {
					return expUnknown, true
				}
				if sets {
					return expYes, true
				}
				continue
			}
			if fn, ok := s.Obj().(*types.Func); !ok || fn.Pkg() == nil || !c.ix.Model.IsLibrary(fn.Pkg().Path()) {
				return expUnknown, true
			}
		case *ast.CallExpr:
			if c.ix.CallOf(p) == nil {
				return expUnknown, true
			}
		case *ast.AssignStmt, *ast.ValueSpec, *ast.ReturnStmt:
			// definitions are read above; a token returned after signing
			// does not change what was signed.
		default:
			return expUnknown, true
		}
	}
	return expResult{st: ExpiryNo}, true
}
