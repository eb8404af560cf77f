package jwtapi

// The golang-jwt family: golang-jwt v5, v4 and v3, and the two forks of the
// original dgrijalva/jwt-go. Their APIs share a shape; rows for a function a
// generation lacks are harmless, because lookups go by the callee's identity.

const familyGolangJWT = "golang-jwt"

// GolangJWTPackages are the import paths of the golang-jwt family.
var GolangJWTPackages = []string{
	"github.com/golang-jwt/jwt/v5",
	"github.com/golang-jwt/jwt/v4",
	"github.com/golang-jwt/jwt",
	"github.com/dgrijalva/jwt-go",
	"github.com/dgrijalva/jwt-go/v4",
	"github.com/form3tech-oss/jwt-go",
}

// golangJWTRequest are the request-helper subpackages of the family.
var golangJWTRequest = []string{
	"github.com/golang-jwt/jwt/v5/request",
	"github.com/golang-jwt/jwt/v4/request",
	"github.com/golang-jwt/jwt/request",
	"github.com/dgrijalva/jwt-go/request",
	"github.com/form3tech-oss/jwt-go/request",
}

// args is a compact way to write the argument columns of a Func row.
type args struct {
	Key, Token, Keyfunc, Claims, Method, Options, OptionArg int
}

// none returns argument columns with every index absent.
func none() args { return args{-1, -1, -1, -1, -1, -1, -1} }

func row(pkg, recv, name string, role Role, family string, a args) *Func {
	return &Func{Pkg: pkg, Recv: recv, Name: name, Role: role, Family: family,
		Key: a.Key, Token: a.Token, Keyfunc: a.Keyfunc, Claims: a.Claims,
		Method: a.Method, Options: a.Options, OptionArg: a.OptionArg}
}

func with(a args, f func(*args)) args { f(&a); return a }

// tokenOut sets a row's TokenResult: result (from 1) is the compact token.
func tokenOut(f *Func, result int) *Func { f.TokenResult = result; return f }

func golangJWTFuncs() []*Func {
	var out []*Func
	signMethods := []string{"SigningMethodHMAC", "SigningMethodRSA", "SigningMethodRSAPSS", "SigningMethodECDSA", "SigningMethodEd25519", "SigningMethod", "signingMethodNone"}
	for _, p := range GolangJWTPackages {
		f := familyGolangJWT
		// Minting.
		out = append(out,
			row(p, "", "New", RoleNewToken, f, with(none(), func(a *args) { a.Method = 0 })),
			row(p, "", "NewWithClaims", RoleNewToken, f, with(none(), func(a *args) { a.Method = 0; a.Claims = 1 })),
		)
		signed := row(p, "Token", "SignedString", RoleSign, f, with(none(), func(a *args) { a.Key = 0 }))
		signed.TokenFromRecv = true
		signed.TokenResult = 1
		out = append(out, signed)
		for _, m := range signMethods {
			r := row(p, m, "Sign", RoleSign, f, with(none(), func(a *args) { a.Key = 1 }))
			r.MethodFromRecv = true
			out = append(out, r)
			out = append(out, row(p, m, "Alg", RoleAlgName, f, none()))
		}
		// Parsing.
		out = append(out,
			row(p, "", "Parse", RoleParse, f, with(none(), func(a *args) { a.Token = 0; a.Keyfunc = 1; a.Options = 2 })),
			row(p, "", "ParseWithClaims", RoleParse, f, with(none(), func(a *args) { a.Token = 0; a.Claims = 1; a.Keyfunc = 2; a.Options = 3 })),
			row(p, "Parser", "Parse", RoleParse, f, with(none(), func(a *args) { a.Token = 0; a.Keyfunc = 1 })),
			row(p, "Parser", "ParseWithClaims", RoleParse, f, with(none(), func(a *args) { a.Token = 0; a.Claims = 1; a.Keyfunc = 2 })),
			row(p, "Parser", "ParseUnverified", RoleParseUnverified, f, with(none(), func(a *args) { a.Token = 0; a.Claims = 1 })),
			row(p, "", "NewParser", RoleNewParser, f, with(none(), func(a *args) { a.Options = 0 })),
		)
		// Parser options (v4.5+ and v5).
		opt := func(name string, k OptionKind, arg int) *Func {
			r := row(p, "", name, RoleOption, f, with(none(), func(a *args) { a.OptionArg = arg }))
			r.Option = k
			return r
		}
		out = append(out,
			opt("WithValidMethods", OptValidMethods, 0),
			opt("WithoutClaimsValidation", OptSkipClaims, -1),
			opt("WithLeeway", OptLeeway, 0),
			opt("WithExpirationRequired", OptExpirationRequired, -1),
			opt("WithJSONNumber", OptOther, -1),
			opt("WithIssuedAt", OptOther, -1),
			opt("WithAudience", OptAudience, 0),
			opt("WithAllAudiences", OptAudience, 0),
			opt("WithIssuer", OptOther, -1),
			opt("WithSubject", OptOther, -1),
		)
		// v5's Validator checks the registered claims of a claims value,
		// as a parse does after verifying: passing claims to it trusts
		// nothing.
		if p == "github.com/golang-jwt/jwt/v5" {
			out = append(out, row(p, "Validator", "Validate", RoleValidateClaims, f, with(none(), func(a *args) { a.Claims = 0 })))
		}
		// Segment decoding: base64url only, no verification (v5 has it on
		// the Parser).
		for _, recv := range []string{"", "Parser"} {
			seg := row(p, recv, "DecodeSegment", RoleNone, f, none())
			seg.DecodesSegment = true
			out = append(out, seg)
		}
		// Key decoding.
		for _, n := range []string{"ParseRSAPublicKeyFromPEM", "ParseECPublicKeyFromPEM", "ParseEdPublicKeyFromPEM"} {
			out = append(out, row(p, "", n, RoleParsePublicKey, f, with(none(), func(a *args) { a.Key = 0 })))
		}
		for _, n := range []string{"ParseRSAPrivateKeyFromPEM", "ParseRSAPrivateKeyFromPEMWithPassword", "ParseECPrivateKeyFromPEM", "ParseEdPrivateKeyFromPEM"} {
			out = append(out, row(p, "", n, RoleParsePrivateKey, f, with(none(), func(a *args) { a.Key = 0 })))
		}
	}
	for _, p := range golangJWTRequest {
		f := familyGolangJWT
		out = append(out,
			row(p, "", "ParseFromRequest", RoleParse, f, with(none(), func(a *args) { a.Keyfunc = 2; a.Options = 3 })),
			row(p, "", "ParseFromRequestWithClaims", RoleParse, f, with(none(), func(a *args) { a.Claims = 2; a.Keyfunc = 3 })),
		)
	}
	// Every generation returns the token, claims decoded, on failure.
	for _, r := range out {
		if r.Role == RoleParse {
			r.ClaimsOnError = true
		}
	}
	return out
}

func golangJWTVars() []*Var {
	algs := map[string]string{
		"SigningMethodHS256": "HS256", "SigningMethodHS384": "HS384", "SigningMethodHS512": "HS512",
		"SigningMethodRS256": "RS256", "SigningMethodRS384": "RS384", "SigningMethodRS512": "RS512",
		"SigningMethodPS256": "PS256", "SigningMethodPS384": "PS384", "SigningMethodPS512": "PS512",
		"SigningMethodES256": "ES256", "SigningMethodES384": "ES384", "SigningMethodES512": "ES512",
		"SigningMethodEdDSA": "EdDSA",
		"SigningMethodNone":  "none",
	}
	var out []*Var
	for _, p := range GolangJWTPackages {
		for name, alg := range algs {
			out = append(out, &Var{Pkg: p, Name: name, Role: VarSigningMethod, Alg: alg, Family: familyGolangJWT})
		}
		out = append(out, &Var{Pkg: p, Name: "UnsafeAllowNoneSignatureType", Role: VarNoneKey, Alg: "none", Family: familyGolangJWT})
	}
	out = append(out, golangJWTSentinels()...)
	return out
}

func golangJWTTypes() []*Type {
	var out []*Type
	for _, p := range GolangJWTPackages {
		f := familyGolangJWT
		out = append(out,
			&Type{Pkg: p, Name: "Token", Role: TypeToken, Family: f, HeaderField: "Header", MethodField: "Method", RawField: "Raw"},
			&Type{Pkg: p, Name: "MapClaims", Role: TypeMapClaims, Family: f, ExpiryField: "exp", AudienceReads: []string{"aud", "GetAudience", "VerifyAudience"}},
			&Type{Pkg: p, Name: "RegisteredClaims", Role: TypeRegistered, Family: f, ExpiryField: "ExpiresAt", AudienceReads: []string{"Audience", "GetAudience", "VerifyAudience"}},
			&Type{Pkg: p, Name: "StandardClaims", Role: TypeRegistered, Family: f, ExpiryField: "ExpiresAt", AudienceReads: []string{"Audience", "VerifyAudience"}},
			&Type{Pkg: p, Name: "Parser", Role: TypeParser, Family: f},
			// The claims interface: v5's GetAudience reads the audience.
			&Type{Pkg: p, Name: "Claims", Family: f, AudienceReads: []string{"GetAudience"}},
			&Type{Pkg: p, Name: "Keyfunc", Role: TypeKeyfunc, Family: f},
			&Type{Pkg: p, Name: "SigningMethod", Role: TypeSigningMethod, Family: f},
			&Type{Pkg: p, Name: "ValidationError", Role: TypeValidationError, Family: f},
		)
	}
	for _, t := range out {
		switch t.Role {
		case TypeToken:
			t.ClaimsField, t.ValidField = "Claims", "Valid"
		case TypeValidationError:
			t.BitsField = "Errors"
		}
	}
	return out
}

func golangJWTFields() []*Field {
	var out []*Field
	for _, p := range GolangJWTPackages {
		out = append(out,
			&Field{Pkg: p, Type: "Parser", Name: "ValidMethods", Option: OptValidMethods},
			&Field{Pkg: p, Type: "Parser", Name: "SkipClaimsValidation", Option: OptSkipClaims},
		)
	}
	return out
}

// golangJWTSentinels are the errors a parse reports: the v4/v5 error values
// (for errors.Is) and the v3/v4 ValidationError bits. v4 (from 4.5.1) and
// v5 verify the signature before they validate the claims, so a claims
// error there implies a verified signature; v3 and its forks validate the
// claims first and add the signature bit afterwards (the shape behind
// CVE-2024-51744).
func golangJWTSentinels() []*Var {
	afterSignature := map[string]bool{
		"github.com/golang-jwt/jwt/v5": true,
		"github.com/golang-jwt/jwt/v4": true,
	}
	claims := []string{
		"ErrTokenExpired", "ErrTokenNotValidYet", "ErrTokenUsedBeforeIssued",
		"ErrTokenInvalidAudience", "ErrTokenInvalidIssuer", "ErrTokenInvalidSubject",
		"ErrTokenInvalidId", "ErrTokenInvalidClaims", "ErrTokenRequiredClaimMissing",
		"ValidationErrorExpired", "ValidationErrorNotValidYet", "ValidationErrorIssuedAt",
		"ValidationErrorAudience", "ValidationErrorIssuer", "ValidationErrorId",
		"ValidationErrorClaimsInvalid",
	}
	other := []string{
		"ErrTokenMalformed", "ErrTokenUnverifiable", "ErrTokenSignatureInvalid",
		"ValidationErrorMalformed", "ValidationErrorUnverifiable", "ValidationErrorSignatureInvalid",
	}
	var out []*Var
	for _, p := range GolangJWTPackages {
		for _, n := range claims {
			out = append(out, &Var{Pkg: p, Name: n, Role: VarErrorSentinel, Family: familyGolangJWT,
				ClaimsOnly: true, AfterSignature: afterSignature[p]})
		}
		for _, n := range other {
			out = append(out, &Var{Pkg: p, Name: n, Role: VarErrorSentinel, Family: familyGolangJWT})
		}
	}
	return out
}
