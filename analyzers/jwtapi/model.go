package jwtapi

import (
	"go/types"
	"sort"
	"strings"
)

// Role says what a modelled function or method does with a token or a key.
type Role uint8

const (
	RoleNone            Role = iota
	RoleSign                 // signs a token or a signing string with key material
	RoleNewToken             // creates a token from a signing method (and claims)
	RoleParse                // parses a token and verifies its signature
	RoleParseUnverified      // decodes a token without verifying its signature
	RoleNewParser            // builds a reusable parser from options
	RoleOption               // builds a parser, verifier or token option
	RoleParsePublicKey       // decodes a public key: never a secret
	RoleParsePrivateKey      // decodes a private key from PEM or DER
	RoleMiddleware           // builds an HTTP middleware from key material
	RoleAlgName              // returns the JOSE algorithm name of its receiver (SigningMethod.Alg)
	// RoleAlgConstructor returns a fixed algorithm, named by the row's Alg
	// column (jwx v3 jwa.HS256()).
	RoleAlgConstructor
	// RoleWrapKey wraps raw key material in a library key value whose
	// provenance is its Key argument's (jwx jwk.FromRaw, jwk.Import).
	RoleWrapKey
	// RoleNewSigner builds a signer bound to its Key argument, for tokens
	// signed later (iris NewSigner, cristalhq NewSignerHS, go-kit
	// NewSigner, jwtauth.New).
	RoleNewSigner
	// RoleNewVerifier builds a verifier bound to a key or a keyfunc, for
	// tokens verified later (iris NewVerifier, cristalhq NewVerifierHS,
	// auth0 validator.New, go-kit NewParser).
	RoleNewVerifier
	// RoleVerify verifies a token that was decoded earlier (the receiver)
	// with its Key argument and yields its claims (go-jose
	// (*JSONWebToken).Claims, (JSONWebSignature).Verify).
	RoleVerify
	// RoleDecode splits a compact token without verifying it and without
	// exposing its claims; verification follows on the result (go-jose
	// ParseSigned, kataras Decode). An allow-list of algorithms, when the
	// call takes one, is its OptionArg with Option OptValidMethods.
	RoleDecode
	// RoleValidateClaims checks a claims value's exp (and the other
	// registered claims) when the verifying call does not: go-jose
	// Claims.Validate, cristalhq RegisteredClaims.IsValidAt, jwx
	// jwt.Validate. The claims are its Claims argument, or its receiver
	// when Claims is absent.
	RoleValidateClaims
	// RoleSerialize turns a token signed or built earlier (the receiver)
	// into its compact form, the TokenResult (go-jose
	// Builder.CompactSerialize, cristalhq Token.String).
	RoleSerialize
)

var roleNames = [...]string{"none", "sign", "new-token", "parse", "parse-unverified", "new-parser", "option", "parse-public-key", "parse-private-key", "middleware", "alg-name",
	"alg-constructor", "wrap-key", "new-signer", "new-verifier", "verify", "decode", "validate-claims", "serialize"}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "role?"
}

// OptionKind says what a parser option or parser field changes.
type OptionKind uint8

const (
	OptNone               OptionKind = iota
	OptValidMethods                  // pins the accepted algorithms: argument is a []string
	OptSkipClaims                    // switches off claims (and so expiry) validation
	OptLeeway                        // allows clock skew: argument is a time.Duration
	OptExpirationRequired            // rejects tokens without exp
	OptOther                         // harmless for jwtvet's rules
	// OptSkipVerify switches off signature verification (jwx
	// WithVerify(false)): the parse decodes without verifying.
	OptSkipVerify
	// OptSetsExpiry gives minted tokens an exp claim (kataras MaxAge, jwx
	// Builder.Expiration, iris NewSigner's maxAge).
	OptSetsExpiry
	// OptAudience checks the token's audience: an option (golang-jwt and
	// jwx WithAudience), a field of expected claims (go-jose
	// Expected.AnyAudience), or, on a verifier-building row, the argument
	// OptionArg that holds the accepted audience (auth0 validator.New).
	OptAudience
	// OptKeySet gives a verification the keys its OptionArg holds, as a
	// set or provider (jwx WithKeySet, oidc.NewVerifier's key set), so the
	// verification's key provenance is that argument's.
	OptKeySet
	// OptSkipAudience switches the audience check off (go-oidc
	// Config.SkipClientIDCheck).
	OptSkipAudience
	// OptValidate switches claims (and so expiry) validation on, for a
	// parse that checks no claim without it (jwx v1 WithValidate(true)).
	OptValidate
)

// Func is one modelled function or method.
//
// Argument indexes are positions in the call's argument list; -1 means the
// call has no such argument. Options is the index of the first variadic
// option argument.
type Func struct {
	Pkg     string // import path
	Recv    string // receiver's named type, "" for a package-level function
	Name    string
	Role    Role
	Family  string // library family, for docs and the coverage matrix
	Key     int    // key material
	Token   int    // the token string being parsed
	Keyfunc int    // a keyfunc (func(*Token) (any, error))
	Claims  int    // a claims value
	Method  int    // a signing method or algorithm
	Options int    // first option argument
	Option  OptionKind
	// OptionArg is the argument of an option constructor that carries its
	// value (the []string of WithValidMethods, the duration of WithLeeway).
	OptionArg int
	// MethodFromRecv: the receiver is itself the signing method
	// (SigningMethodHS256.Sign).
	MethodFromRecv bool
	// TokenFromRecv: the receiver is the token being signed
	// ((*Token).SignedString); its signing method is the method the token
	// was created with.
	TokenFromRecv bool
	// ClaimsOnError: a failed parse still returns the token with its
	// claims decoded and fills the claims argument (golang-jwt), so the
	// caller must check the error before trusting them.
	ClaimsOnError bool

	// The columns below were added for libraries other than golang-jwt.
	// Their zero values mean "absent", so rows that do not set them keep
	// their meaning.

	// Alg is the algorithm a call always uses or returns when no argument
	// names it: the result of a RoleAlgConstructor (jwa.HS256()), or a
	// library default (echojwt.JWT signs and verifies HS256).
	Alg string
	// KeyUse says what the Key argument is used for when the role does not
	// say it (a RoleNewSigner row whose key also verifies). Zero: from the
	// role, see KeySinks.
	KeyUse SinkKind
	// VerifyKeys are further arguments that hold verification keys, for
	// calls taking a signing and a verification key (jwtauth.New's
	// verifyKey, kataras Keys.Register's public key).
	VerifyKeys []int
	// OptionWhen is the condition on the OptionArg under which the row's
	// Option takes effect: "false" or "true" for a boolean, a quoted
	// string for a string (`"exp"` for jwx WithRequiredClaim), ">1s" for a
	// duration above a bound (kataras MaxAge ignores a second or less).
	// Empty: always. See Index.OptionInEffect.
	OptionWhen string
	// NoExpiryCheck: the call verifies the signature but checks no claim,
	// exp included; the claims it yields must go through a
	// RoleValidateClaims call (go-jose (*JSONWebToken).Claims, cristalhq
	// Parse, jwtauth's Decode).
	NoExpiryCheck bool
	// ClaimsMerge: the Claims argument adds to the claims the receiver
	// already holds, so the token's claims are those of every such call
	// on the same builder (go-jose jwt.Signed(s).Claims(a).Claims(b)).
	ClaimsMerge bool
	// TokenResult is the result that holds the signed token in its
	// compact form (a string or []byte), counted from 1; 0 when the call
	// yields none (a signature alone, a builder, a token object).
	TokenResult int
	// RemoteKeys: the call's result holds verification keys fetched at run
	// time from a remote key set, a JWKS URL or an OIDC discovery document
	// (keyfunc.NewDefault, jwk.Fetch, oidc.NewRemoteKeySet,
	// (*oidc.Provider).Verifier, auth0 jwks.NewProvider); on an option
	// row, the option itself makes the verification use such keys (jwx
	// WithVerifyAuto). Tokens verified with them come from another issuer.
	RemoteKeys bool
	// KeysOfRecv: the method's result, or the method value itself, holds
	// the keys its receiver holds (keyfunc's Keyfunc method, jwx
	// (*jwk.Cache).Lookup, auth0 (*jwks.Provider).KeyFunc).
	KeysOfRecv bool
	// FromTokenHeader: the call returns a key the token carries in its
	// own header, or the URL of one (jwx Headers.JWK, JWKSetURL,
	// X509URL). See KeyHeaderParams.
	FromTokenHeader bool
	// DecodesSegment: the call base64url-decodes one segment of a compact
	// token and returns its bytes, verifying nothing (golang-jwt
	// DecodeSegment).
	DecodesSegment bool
	// AudienceUnchecked: the verification checks the signature but never
	// the audience, and the library has no option that does (zitadel
	// op.VerifyAccessToken): with keys from a shared provider the program
	// must read the audience of the claims itself.
	AudienceUnchecked bool
	// VerifyOptIn: the parse verifies the signature only when one of its
	// options gives it a key, a key set or remote keys (jwx v1 jwt.Parse
	// with WithVerify(alg, key), WithKeySet or WithVerifyAuto); without
	// one it decodes the token and verifies nothing. See Index.Unverifying.
	VerifyOptIn bool
	// ValidateOptIn: the parse checks no claim, exp included, unless an
	// option of kind OptValidate is in effect (jwx v1 WithValidate(true)).
	// See Index.ChecksNoClaims.
	ValidateOptIn bool
}

// VarRole says what a modelled package-level variable or constant is.
type VarRole uint8

const (
	VarNone          VarRole = iota
	VarSigningMethod         // a signing method value with a fixed algorithm
	VarNoneKey               // the magic key that makes the none algorithm verify
	// VarErrorSentinel is an error value (for errors.Is) or an error bit
	// (for a ValidationError's bit set) that a parse reports.
	VarErrorSentinel
)

// Var is one modelled package-level variable or constant.
type Var struct {
	Pkg    string
	Name   string
	Role   VarRole
	Alg    string // algorithm name as it appears in the JOSE header
	Family string
	// ClaimsOnly: a VarErrorSentinel about claims validation alone
	// (expiry, not-before, audience...), not about the signature.
	ClaimsOnly bool
	// AfterSignature: the library reports this sentinel only once the
	// signature has verified, so a parse error that matches it still
	// carries verified claims.
	AfterSignature bool
}

// TypeRole says what a modelled named type is.
type TypeRole uint8

const (
	TypeNone       TypeRole = iota
	TypeToken               // the parsed or minted token
	TypeMapClaims           // map-shaped claims; expiry is the "exp" key
	TypeRegistered          // struct claims with an ExpiresAt-like field
	TypeParser              // a parser configured by fields or options
	TypeKeyfunc             // the keyfunc type
	TypeSigningMethod
	TypeValidationError // v3/v4 error with an Errors bit set
)

// Type is one modelled named type.
type Type struct {
	Pkg    string
	Name   string
	Role   TypeRole
	Family string
	// ClaimsField and ValidField are the fields of a TypeToken that hold
	// the decoded claims and the flag set once verification succeeded.
	ClaimsField, ValidField string
	// BitsField is the field of a TypeValidationError holding its error
	// bits (compared against VarErrorSentinel constants).
	BitsField string
	// ExpiryField is the field (or map key for TypeMapClaims) that holds
	// the expiry.
	ExpiryField string
	// HeaderField is the field of a TypeToken that holds the decoded JOSE
	// header as a map (its "alg" entry is what the token claims to use).
	HeaderField string
	// MethodField is the field of a TypeToken that holds the signing method
	// the parser picked from the header.
	MethodField string
	// RawField is the field of a TypeToken that holds the token string it
	// was parsed from.
	RawField string
	// ClaimsMethods are the methods of a TypeToken that read its claims,
	// for tokens that expose them through methods rather than a field
	// (jwx Token.Subject and Get, cristalhq Token.DecodeClaims).
	ClaimsMethods []string
	// AudienceReads are the fields, methods (jwx Token.Audience,
	// golang-jwt GetAudience and VerifyAudience) or map keys (TypeMapClaims)
	// that read a token's audience claim: code that reads one after the
	// verification can check the audience by hand.
	AudienceReads []string
	// RemoteKeySet: every value of the type holds keys fetched from a
	// remote key set, whoever made it (go-oidc Provider and RemoteKeySet,
	// jwx jwk.Cache, auth0 jwks providers), so a parameter or field of the
	// type has remote keys even when its construction is not visible.
	RemoteKeySet bool
}

// Field is one modelled struct field of a library type (parser settings,
// middleware configs).
type Field struct {
	Pkg    string
	Type   string
	Name   string
	Option OptionKind // for parser settings
	Key    bool       // the field holds verification or signing key material
	// KeyMap: the field is a map whose values are keys (echo-jwt
	// Config.SigningKeys, keyed by kid).
	KeyMap bool
	// AlgField is the sibling field that names the algorithm the key is
	// used with (jose.SigningKey.Algorithm, jwtware.SigningKey.JWTAlg,
	// GinJWTMiddleware.SigningAlgorithm), and AlgDefault the algorithm the
	// library uses when that field is left unset ("" when it then accepts
	// any algorithm the key fits).
	AlgField, AlgDefault string
	// Keyfunc: the field holds a function that returns the key for a
	// token (echo-jwt and gofiber Config.KeyFunc), whatever its signature;
	// KeyfuncSigns when that key signs (fosite DefaultSigner.GetPrivateKey).
	Keyfunc, KeyfuncSigns bool
	// AudienceClaim: the field holds a verified token's audience claim
	// (go-oidc IDToken.Audience), for types that have no Type row; code
	// that reads it can check the audience by hand.
	AudienceClaim bool
	// RemoteKeys: the field lists JWKS URLs whose keys the middleware
	// fetches and verifies with (gofiber Config.JWKSetURLs).
	RemoteKeys bool
	// AudienceUnchecked: the middleware verifies with the keys of this
	// field (a keyfunc, JWKS URLs) and checks no audience itself (it parses
	// with golang-jwt's defaults).
	AudienceUnchecked bool
	// ReplacesParse: setting the field replaces the middleware's own parse
	// with the program's (echo-jwt Config.ParseTokenFunc), which is judged
	// as the program's code.
	ReplacesParse bool
	// FromTokenHeader: the field holds a key the token carries in its own
	// header (go-jose Header.JSONWebKey, the "jwk" parameter).
	FromTokenHeader bool
}

// Alg families.
const (
	AlgHMAC  = "HMAC"
	AlgRSA   = "RSA"
	AlgECDSA = "ECDSA"
	AlgEdDSA = "EdDSA"
	AlgNone  = "none"
)

// AlgFamily returns the key family of a JOSE algorithm name, or "".
func AlgFamily(alg string) string {
	switch {
	case strings.EqualFold(alg, "none"):
		return AlgNone
	case strings.HasPrefix(alg, "HS"):
		return AlgHMAC
	case strings.HasPrefix(alg, "RS"), strings.HasPrefix(alg, "PS"):
		return AlgRSA
	case strings.HasPrefix(alg, "ES"):
		return AlgECDSA
	case alg == "EdDSA", alg == "Ed25519":
		return AlgEdDSA
	}
	return ""
}

// MinHMACBytes is the shortest acceptable HMAC key for alg: the size of the
// algorithm's hash output (RFC 7518 §3.2). For an unknown algorithm it is
// the HS256 bound.
func MinHMACBytes(alg string) int {
	switch alg {
	case "HS384":
		return 48
	case "HS512":
		return 64
	}
	return 32
}

// Model is the whole library model, indexed for lookups.
type Model struct {
	funcs  map[modelKey]*Func
	vars   map[modelKey]*Var
	types  map[modelKey]*Type
	fields map[modelKey]*Field
	pkgs   map[string]string // import path -> family
}

// modelKey identifies a modelled object: package path, receiver or
// enclosing type ("" for package-level objects), name. A struct key makes
// lookups, which happen for every call and identifier, allocation-free.
type modelKey struct{ pkg, recv, name string }

func key(pkg, recv, name string) modelKey { return modelKey{pkg, recv, name} }

// funcKey is the model key of a function or method with a package: its
// package path, its receiver's type name and its name.
func funcKey(fn *types.Func) modelKey {
	recv := ""
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		recv = NamedTypeName(sig.Recv().Type())
	}
	return key(fn.Pkg().Path(), recv, fn.Name())
}

func build(funcs []*Func, vars []*Var, typs []*Type, fields []*Field) *Model {
	m := &Model{
		funcs:  make(map[modelKey]*Func, len(funcs)),
		vars:   make(map[modelKey]*Var, len(vars)),
		types:  make(map[modelKey]*Type, len(typs)),
		fields: make(map[modelKey]*Field, len(fields)),
		pkgs:   make(map[string]string),
	}
	for _, f := range funcs {
		m.funcs[key(f.Pkg, f.Recv, f.Name)] = f
		m.pkgs[f.Pkg] = f.Family
	}
	for _, v := range vars {
		m.vars[key(v.Pkg, "", v.Name)] = v
		m.pkgs[v.Pkg] = v.Family
	}
	for _, t := range typs {
		m.types[key(t.Pkg, "", t.Name)] = t
		m.pkgs[t.Pkg] = t.Family
	}
	for _, f := range fields {
		m.fields[key(f.Pkg, f.Type, f.Name)] = f
		// A package modelled only by its config fields (a middleware) is a
		// library too.
		if _, ok := m.pkgs[f.Pkg]; !ok {
			m.pkgs[f.Pkg] = ""
		}
	}
	return m
}

// Default is the model of every supported library.
var Default = build(allFuncs(), allVars(), allTypes(), allFields())

// Funcs returns every modelled function (for docs and coverage checks).
func (m *Model) Funcs() []*Func {
	out := make([]*Func, 0, len(m.funcs))
	for _, f := range m.funcs {
		out = append(out, f)
	}
	return out
}

// Vars returns every modelled variable and constant.
func (m *Model) Vars() []*Var {
	out := make([]*Var, 0, len(m.vars))
	for _, v := range m.vars {
		out = append(out, v)
	}
	return out
}

// Types returns every modelled type.
func (m *Model) Types() []*Type {
	out := make([]*Type, 0, len(m.types))
	for _, t := range m.types {
		out = append(out, t)
	}
	return out
}

// Fields returns every modelled struct field.
func (m *Model) Fields() []*Field {
	out := make([]*Field, 0, len(m.fields))
	for _, f := range m.fields {
		out = append(out, f)
	}
	return out
}

// Packages returns the import paths of every modelled package, sorted.
func (m *Model) Packages() []string {
	out := make([]string, 0, len(m.pkgs))
	for p := range m.pkgs {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// IsLibrary reports whether path is a modelled library package.
func (m *Model) IsLibrary(path string) bool {
	_, ok := m.pkgs[path]
	return ok
}

// Family returns the family of a modelled package, or "".
func (m *Model) Family(path string) string { return m.pkgs[path] }

// Func returns the model row of fn, or nil.
func (m *Model) Func(fn *types.Func) *Func {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	fn = fn.Origin()
	return m.funcs[funcKey(fn)]
}

// Var returns the model row of a package-level variable or constant.
func (m *Model) Var(obj types.Object) *Var {
	if obj == nil || obj.Pkg() == nil {
		return nil
	}
	switch obj.(type) {
	case *types.Var, *types.Const:
	default:
		return nil
	}
	return m.vars[key(obj.Pkg().Path(), "", obj.Name())]
}

// Type returns the model row of t (or of what t points to), or nil.
func (m *Model) Type(t types.Type) *Type {
	if t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	return m.types[key(n.Obj().Pkg().Path(), "", n.Obj().Name())]
}

// Field returns the model row of a struct field of a modelled type.
func (m *Model) Field(structType types.Type, name string) *Field {
	if p, ok := types.Unalias(structType).(*types.Pointer); ok {
		structType = p.Elem()
	}
	n, ok := types.Unalias(structType).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	return m.fields[key(n.Obj().Pkg().Path(), n.Obj().Name(), name)]
}

// NamedTypeName returns the name of the named type t or *t, or "".
func NamedTypeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	switch n := types.Unalias(t).(type) {
	case *types.Named:
		return n.Obj().Name()
	}
	return ""
}
