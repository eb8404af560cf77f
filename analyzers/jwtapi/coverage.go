package jwtapi

import (
	"fmt"
	"sort"
	"strings"
)

// This file is the coverage matrix: which library each modelled package
// belongs to, and for each analyzer whether the library is covered, the
// mistake does not exist in it, or it is not covered and why. docs/coverage.md
// is rendered from it, and a test checks it against the model's rows and
// the fixtures, so the two cannot drift apart.

// CoverageStatus is the state of one library for one analyzer.
type CoverageStatus uint8

const (
	// Covered: the model has the rows the analyzer consumes for the
	// library, and a fixture with findings tests them on the real module.
	Covered CoverageStatus = iota + 1
	// NotApplicable: the library does not allow the mistake.
	NotApplicable
	// NotCovered: the mistake is possible and jwtvet does not report it.
	NotCovered
)

func (s CoverageStatus) String() string {
	switch s {
	case Covered:
		return "covered"
	case NotApplicable:
		return "n/a"
	case NotCovered:
		return "not covered"
	}
	return "?"
}

// CoverageCell is one library × analyzer entry.
type CoverageCell struct {
	Status CoverageStatus
	// Fixture is the directory under testdata/ANALYZER/ that tests a
	// covered cell.
	Fixture string
	// Via names the family whose rows make the finding, when the library
	// only passes a value of another library through (echo-jwt with
	// golang-jwt's none key).
	Via string
	// Note says what is reported, or why not.
	Note string
}

// Library is one row of the matrix.
type Library struct {
	Name    string
	Module  string // module path, as the proxy serves it
	Family  string // the model family of its rows
	Packs   []string
	Cells   map[string]CoverageCell // by analyzer name
	Default string                  // defaults worth knowing (middlewares)
}

// CoverageAnalyzers are the analyzers of the matrix, in the suite's order.
var CoverageAnalyzers = []string{"hardcodedkey", "weakkey", "unverified", "noexp", "algnone", "sharedkey", "noaud", "unmaintained", "cleartext"}

// ExcludedLibrary is a library jwtvet does not model.
type ExcludedLibrary struct{ Module, Reason string }

// Excluded lists libraries left out, and why.
var Excluded = []ExcludedLibrary{
	{"github.com/gbrlsnchs/jwt/v3", "the module proxy refuses it (403), so no fixture can use the real module"},
	{"github.com/pascaldekloe/jwt", "the module proxy refuses it (403)"},
	{"github.com/cristalhq/jwt/v5 (and /v3)", "the module proxy refuses it (403); v4 is modelled"},
	{"github.com/gogf/gf-jwt", "the module proxy refuses it"},
	{"github.com/appleboy/gin-jwt/v3, github.com/labstack/echo-jwt/v5", "the module proxy refuses them (403); v2 and v4 are modelled"},
	{"github.com/gofiber/contrib/v3/jwt, github.com/auth0/go-jwt-middleware/v3", "not found at the module proxy (404); v1 and v2 are modelled"},
	{"github.com/gofiber/contrib/jwt/v3", "not found at the module proxy (404)"},
	{"github.com/labstack/echo-jwt (the path before v4)", "the module proxy refuses it (403); v4 is modelled"},
	{"github.com/lestrrat-go/jwx/v4", "served (v4.0.2 to v4.6.0), not modelled: it imports encoding/json/v2, which builds only under GOEXPERIMENT=jsonv2 with this Go (and v4.6.0 needs a newer Go), so no fixture can use it; its jwt and jwk APIs follow v3's (jwk.Import is generic)"},
	{"github.com/MicahParks/keyfunc (v1, for golang-jwt v4)", "served (v1.9.0) and not modelled; v2 and v3 are"},
}

func cov(fixture, note string) CoverageCell {
	return CoverageCell{Status: Covered, Fixture: fixture, Note: note}
}

func na(note string) CoverageCell { return CoverageCell{Status: NotApplicable, Note: note} }

func notCovered(note string) CoverageCell { return CoverageCell{Status: NotCovered, Note: note} }

// Libraries is the matrix.
var Libraries = coverageLibraries()

func coverageLibraries() []*Library {
	var libs []*Library
	// golang-jwt and its forks share one shape.
	for _, g := range []struct {
		name, module, root, request string
		fx                          [6]string
	}{
		{"golang-jwt v5", "github.com/golang-jwt/jwt/v5", "github.com/golang-jwt/jwt/v5", "github.com/golang-jwt/jwt/v5/request",
			[6]string{"v5app", "v5", "v5", "v5", "golangjwtv5", "tokens"}},
		{"golang-jwt v4", "github.com/golang-jwt/jwt/v4", "github.com/golang-jwt/jwt/v4", "github.com/golang-jwt/jwt/v4/request",
			[6]string{"v4svc", "v4", "v4", "v4", "golangjwtv4", "golangjwtv4"}},
		{"golang-jwt v3", "github.com/golang-jwt/jwt", "github.com/golang-jwt/jwt", "github.com/golang-jwt/jwt/request",
			[6]string{"v3legacy", "golangjwtv3", "v3", "v3", "golangjwtv3", "golangjwtv3"}},
		{"dgrijalva/jwt-go", "github.com/dgrijalva/jwt-go", "github.com/dgrijalva/jwt-go", "github.com/dgrijalva/jwt-go/request",
			[6]string{"dgrijalva", "dgrijalva", "dgrijalva", "dgrijalva", "dgrijalva", "dgrijalva"}},
		{"form3tech-oss/jwt-go", "github.com/form3tech-oss/jwt-go", "github.com/form3tech-oss/jwt-go", "github.com/form3tech-oss/jwt-go/request",
			[6]string{"form3tech", "form3tech", "form3tech", "form3tech", "form3tech", "form3tech"}},
	} {
		libs = append(libs, &Library{Name: g.name, Module: g.module, Family: familyGolangJWT, Packs: []string{g.root, g.request},
			Cells: map[string]CoverageCell{
				"hardcodedkey": cov(g.fx[0], "SignedString, SigningMethod.Sign, keyfunc returns"),
				"weakkey":      cov(g.fx[1], "bounds from the signing method"),
				"unverified":   cov(g.fx[2], "ParseUnverified, dropped or partial error checks (claims come back on failure), unpinned keyfuncs"),
				"noexp":        cov(g.fx[3], "claims without exp, WithoutClaimsValidation/SkipClaimsValidation, v5 parses without WithExpirationRequired, leeway"),
				"algnone":      cov(g.fx[4], "SigningMethodNone, UnsafeAllowNoneSignatureType, \"none\" in ValidMethods, hand-written alg checks"),
				"sharedkey":    cov(g.fx[5], "fallbacks reaching a key, per-environment and per-kind reuse"),
			}})
	}
	libs = append(libs, &Library{Name: "dgrijalva/jwt-go v4 (preview)", Module: "github.com/dgrijalva/jwt-go/v4", Family: familyGolangJWT,
		Packs: []string{"github.com/dgrijalva/jwt-go/v4"}, Cells: allCells(notCovered("the golang-jwt rows apply by name, but v4.0.0-preview1 is not in the fixture module: untested"))})

	joseNA := na("go-jose has no none algorithm: a token whose header says none fails to verify under any key")
	for _, p := range josePackages {
		name, fx := "go-jose "+strings.TrimPrefix(p.root, "github.com/go-jose/go-jose/"), ""
		switch p.root {
		case "github.com/go-jose/go-jose/v4":
			fx = "josev4"
		case "github.com/go-jose/go-jose/v3":
			fx = "josev3"
		case "gopkg.in/square/go-jose.v2":
			name, fx = "square/go-jose.v2", "squarejose"
		case "gopkg.in/go-jose/go-jose.v2":
			name, fx = "go-jose/go-jose.v2 (gopkg.in)", "gojosev2"
		}
		alg := joseNA
		if p.algList {
			alg = cov(fx, "\"none\" in ParseSigned's allow-list (go-jose itself never verifies none: the list shows intent)")
		}
		libs = append(libs, &Library{Name: name, Module: p.root, Family: familyJose, Packs: []string{p.root, p.jwt},
			Cells: map[string]CoverageCell{
				"hardcodedkey": cov(fx, "SigningKey.Key and JSONWebKey.Key literals, keys given to Claims and Verify"),
				"weakkey":      cov(fx, "bound from SigningKey.Algorithm"),
				"unverified":   cov(fx, "UnsafeClaimsWithoutVerification unless the same token is verified after; a dropped Claims error is silent (claims stay empty on failure)"),
				"noexp":        cov(fx, "Signed(s).Claims(c) without Expiry; Claims(key, &c) never followed by Claims.Validate; ValidateWithLeeway leeway"),
				"algnone":      alg,
				"sharedkey":    cov(fx, "fallbacks and reuse through SigningKey.Key"),
			}})
	}

	for _, p := range jwxPackages {
		ver := strings.TrimPrefix(p.root, "github.com/lestrrat-go/jwx/")
		fx := "jwx" + ver
		libs = append(libs, &Library{Name: "lestrrat-go/jwx " + ver, Module: p.root, Family: familyJWX,
			Packs: []string{p.root + "/jwt", p.root + "/jws", p.root + "/jwa", p.root + "/jwk"},
			Cells: map[string]CoverageCell{
				"hardcodedkey": cov(fx, "jwt.WithKey and jws.WithKey keys, also through jwk."+p.wrap),
				"weakkey":      cov(fx, "bound from WithKey's algorithm (jwa constants in v2, constructor functions in v3)"),
				"unverified":   cov(fx, "jwt.ParseInsecure and jwt.Parse with WithVerify(false), unless the same token is verified after; a failed parse returns no token. WithKey names the algorithm; jws.WithInferAlgorithmFromKey lets a key set try the algorithms of each key's own type, which is no cross-family confusion and is not reported"),
				"noexp":        cov(fx, "jwt.Sign of a token built without an expiration, WithValidate(false), WithAcceptableSkew"),
				"algnone":      cov(fx, "WithInsecureNoSignature; jwa.NoSignature in WithKey (which jwx refuses at run time)"),
				"sharedkey":    cov(fx, "fallbacks and reuse through WithKey"),
			}})
	}

	libs = append(libs, &Library{Name: "lestrrat-go/jwx v1", Module: jwxV1Root, Family: familyJWX,
		Packs: []string{jwxV1Root + "/jwt", jwxV1Root + "/jws", jwxV1Root + "/jwa", jwxV1Root + "/jwk"},
		Cells: map[string]CoverageCell{
			"hardcodedkey": cov("jwxv1", "keys of jwt.Sign, jws.Sign and jwt.WithVerify, also through jwk.New"),
			"weakkey":      cov("jwxv1", "bound from the positional algorithm of jwt.Sign and jwt.WithVerify (jwa constants), also through jwk.New"),
			"unverified":   cov("jwxv1", "jwt.Parse, ParseString and the other parses with no WithVerify, WithKeySet or WithVerifyAuto option (v1 then verifies nothing), unless the same token is verified after; options the analysis cannot see count as verifying"),
			"noexp":        cov("jwxv1", "verified parses without WithValidate(true) whose claims are read and never validated (v1 checks no claim by default); jwt.Sign of a token without an expiration"),
			"algnone":      cov("jwxv1", "jwa.NoSignature as the algorithm of jwt.Sign or jwt.WithVerify (v1 has no signer or verifier for none and refuses it at run time)"),
			"sharedkey":    cov("jwxv1", "fallbacks and reuse through jwt.Sign's positional key"),
		}})

	libs = append(libs,
		&Library{Name: "kataras/jwt", Module: katarasPkg, Family: familyKataras, Packs: []string{katarasPkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": cov("kataras", "Sign, Verify, Keys.Register (both keys), Key literals; PEM keys through ParsePrivateKey*"),
				"weakkey":      cov("kataras", "bound from the Alg argument"),
				"unverified":   cov("kataras", "jwt.Decode unless the same token is verified after; Verify returns no token on failure"),
				"noexp":        cov("kataras", "Sign of claims without exp and without MaxAge above a second"),
				"algnone":      cov("kataras", "jwt.NONE to Sign, Verify or Keys.Register"),
				"sharedkey":    cov("kataras", "fallbacks and reuse through Sign"),
			}},
		&Library{Name: "iris middleware/jwt", Module: "github.com/kataras/iris/v12", Family: familyIris, Packs: []string{irisJWTPkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": cov("iris", "NewSigner, NewVerifier, Signer and Verifier literals"),
				"weakkey":      cov("iris", "bound from the Alg argument"),
				"unverified":   na("the middleware and VerifyToken verify before they expose claims and return no token on failure; the algorithm is the caller's"),
				"noexp":        cov("iris", "NewSigner with a max age of a second or less"),
				"algnone":      na("iris re-exports no none algorithm (kataras/jwt's NONE is covered there)"),
				"sharedkey":    cov("iris", "fallbacks and reuse through NewSigner"),
			},
			Default: "NewSigner(alg, key, maxAge) sets exp only when maxAge is above a second; Verify checks exp when present. The package-level aliases Sign and Verify are variables and are not modelled."},
		&Library{Name: "cristalhq/jwt v4", Module: cristalhqPkg, Family: familyCristalhq, Packs: []string{cristalhqPkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": cov("cristalhq", "NewSigner*/NewVerifier* keys"),
				"weakkey":      cov("cristalhq", "bound from the Algorithm argument"),
				"unverified":   cov("cristalhq", "ParseNoVerify unless the same token is verified after; Parse returns no token on failure"),
				"noexp":        cov("cristalhq", "Builder.Build without ExpiresAt; Parse/ParseClaims never followed by IsValidAt or IsValidExpiresAt"),
				"algnone":      na("cristalhq has no none algorithm"),
				"sharedkey":    cov("cristalhq", "fallbacks and reuse through NewSignerHS"),
			}},
		&Library{Name: "ory/fosite token/jwt", Module: "github.com/ory/fosite", Family: familyFosite, Packs: []string{fositePkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": cov("fosite", "SignedString, keyfunc returns, DefaultSigner.GetPrivateKey"),
				"weakkey":      cov("fosite", "bound from NewWithClaims' algorithm"),
				"unverified":   cov("fosite", "dropped parse errors (claims come back on failure)"),
				"noexp":        cov("fosite", "MapClaims without exp"),
				"algnone":      cov("fosite", "SigningMethodNone, UnsafeAllowNoneSignatureType from a keyfunc"),
				"sharedkey":    cov("fosite", "fallbacks and reuse through SignedString"),
			}},
		&Library{Name: "go-kit auth/jwt", Module: "github.com/go-kit/kit", Family: familyGoKit, Packs: []string{goKitPkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": cov("gokit", "NewSigner's key, the keyfunc given to NewParser"),
				"weakkey":      cov("gokit", "bound from NewSigner's method"),
				"unverified":   na("NewParser pins the method and checks the parse error and token.Valid itself"),
				"noexp":        cov("gokit", "NewSigner's fixed claims without exp (no fix: a fixed expiry would be a date)"),
				"algnone":      cov("gokit", "SigningMethodNone given to NewSigner or NewParser"),
				"sharedkey":    cov("gokit", "fallbacks and reuse through NewSigner"),
			}},
		&Library{Name: "go-chi/jwtauth v5", Module: jwtauthPkg, Family: familyJWTAuth, Packs: []string{jwtauthPkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": cov("jwtauth", "both keys of New"),
				"weakkey":      cov("jwtauth", "bound from New's algorithm name"),
				"unverified":   na("New pins the algorithm; Decode and VerifyToken return no token on failure"),
				"noexp":        cov("jwtauth", "Encode of a map without exp (SetExpiry/SetExpiryIn count); Decode, which validates no claim, never followed by validation"),
				"algnone":      cov("jwtauth", "New(\"none\", …) (jwx refuses it at run time)"),
				"sharedkey":    cov("jwtauth", "fallbacks and reuse through New"),
			},
			Default: "Verifier and VerifyToken validate exp when present, not required; Decode validates no claim."},
		&Library{Name: "labstack/echo-jwt v4", Module: echoJWTPkg, Family: familyEchoJWT, Packs: []string{echoJWTPkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": cov("echojwt", "JWT(key), Config.SigningKey, values of Config.SigningKeys, Config.KeyFunc returns"),
				"weakkey":      cov("echojwt", "bound from SigningMethod, HS256 when unset"),
				"unverified":   cov("echojwt", "a Config.KeyFunc that does not pin the algorithm"),
				"noexp":        notCovered("the middleware parses with golang-jwt v5 defaults (exp checked when present, not required) and no config field can require exp; not reported"),
				"algnone":      CoverageCell{Status: Covered, Fixture: "echojwt", Via: familyGolangJWT, Note: "golang-jwt's UnsafeAllowNoneSignatureType set as SigningKey"},
				"sharedkey":    cov("echojwt", "fallbacks and reuse through Config.SigningKey"),
			},
			Default: "SigningMethod defaults to HS256 and the default keyfunc rejects other algorithms; a KeyFunc replaces that check. exp is checked when present, not required. A ParseTokenFunc replaces the whole parse: what it calls is judged as that library's code."},
		&Library{Name: "appleboy/gin-jwt v2", Module: ginJWTPkg, Family: familyGinJWT, Packs: []string{ginJWTPkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": cov("ginjwt", "GinJWTMiddleware.Key, PrivKeyBytes, KeyFunc returns"),
				"weakkey":      cov("ginjwt", "bound from SigningAlgorithm, HS256 when unset"),
				"unverified":   cov("ginjwt", "a KeyFunc that does not pin the algorithm"),
				"noexp":        na("the middleware rejects tokens without exp and mints every token with exp = now + Timeout (one hour when Timeout is 0)"),
				"algnone":      na("Key is a []byte, so the none key cannot be set, and the default keyfunc pins SigningAlgorithm; a KeyFunc returning the none key is golang-jwt's finding"),
				"sharedkey":    cov("ginjwt", "fallbacks and reuse through GinJWTMiddleware.Key"),
			},
			Default: "SigningAlgorithm defaults to HS256, pinned by the default keyfunc (a KeyFunc replaces it). The middleware requires exp (ExpField) and checks it; tokens it mints expire after Timeout (one hour when 0); RefreshHandler accepts an expired token while its orig_iat is within MaxRefresh."},
		&Library{Name: "gofiber/contrib/jwt v1", Module: gofiberPkg, Family: familyGofiber, Packs: []string{gofiberPkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": cov("gofiber", "SigningKey.Key (also in SigningKeys), Config.KeyFunc returns"),
				"weakkey":      cov("gofiber", "bound from SigningKey.JWTAlg (the 32-byte bound when unset)"),
				"unverified":   cov("gofiber", "a Config.KeyFunc that does not pin the algorithm"),
				"noexp":        notCovered("the middleware parses with golang-jwt v5 defaults (exp checked when present, not required) and no config field can require exp; not reported"),
				"algnone":      CoverageCell{Status: Covered, Fixture: "gofiber", Via: familyGolangJWT, Note: "golang-jwt's UnsafeAllowNoneSignatureType set as SigningKey.Key"},
				"sharedkey":    cov("gofiber", "fallbacks and reuse through SigningKey.Key"),
			},
			Default: "SigningKey.JWTAlg pins the algorithm when set; left empty, any algorithm the key fits is accepted. exp is checked when present, not required."},
		&Library{Name: "auth0/go-jwt-middleware v2", Module: auth0Pkg, Family: familyAuth0, Packs: []string{auth0Pkg, auth0ValPkg, auth0JWKSPkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": cov("auth0", "the key validator.New's keyfunc returns"),
				"weakkey":      cov("auth0", "bound from validator.New's algorithm"),
				"unverified":   na("validator.New requires one algorithm and ValidateToken returns no claims on failure"),
				"noexp":        cov("auth0", "WithAllowedClockSkew of an hour or more"),
				"algnone":      na("validator.New rejects algorithms outside its list, none included"),
				"sharedkey":    cov("auth0", "fallbacks reaching the keyfunc's key"),
			},
			Default: "validator.New requires one algorithm and rejects tokens whose header names another; exp is checked when present, not required."},
	)
	libs = append(libs, remoteKeyLibraries()...)
	libs = append(libs, echoMiddlewareLibrary())
	setNoaudCells(libs)
	addTransportCells(libs)
	return libs
}

// unmaintainedFixtures are the fixtures of testdata/unmaintained per
// module with a Deprecated row.
var unmaintainedFixtures = map[string]string{
	"github.com/dgrijalva/jwt-go":     "dgrijalva",
	"github.com/form3tech-oss/jwt-go": "form3tech",
	"github.com/golang-jwt/jwt":       "golangjwtv3",
	"github.com/lestrrat-go/jwx":      "jwxv1",
	"gopkg.in/square/go-jose.v2":      "squarejose",
	"gopkg.in/go-jose/go-jose.v2":     "gojosev2",
}

// cleartextCells are the cleartext cells per module: covered where the
// library signs tokens (rows with a TokenResult) and a fixture sends one.
var cleartextCells = map[string]CoverageCell{
	"github.com/golang-jwt/jwt/v5":     cov("nethttp", "SignedString results into http.Cookie, echo and fiber cookies"),
	"github.com/golang-jwt/jwt/v4":     cov("gin", "SignedString results into gin's SetCookie"),
	"github.com/golang-jwt/jwt":        cov("libs", "SignedString results into cookies"),
	"github.com/dgrijalva/jwt-go":      cov("libs", "SignedString results into cookies"),
	"github.com/form3tech-oss/jwt-go":  cov("libs", "SignedString results into cookies"),
	"github.com/dgrijalva/jwt-go/v4":   notCovered("the golang-jwt rows apply by name, but v4.0.0-preview1 is not in the fixture module: untested"),
	"github.com/go-jose/go-jose/v4":    cov("requests", "Builder.Serialize results into request headers and cookies"),
	"github.com/go-jose/go-jose/v3":    cov("libs", "Builder.CompactSerialize results into cookies"),
	"gopkg.in/square/go-jose.v2":       cov("libs", "Builder.CompactSerialize results into cookies"),
	"gopkg.in/go-jose/go-jose.v2":      cov("libs", "Builder.CompactSerialize results into cookies"),
	"github.com/lestrrat-go/jwx/v2":    cov("libs", "jwt.Sign results into cookies"),
	"github.com/lestrrat-go/jwx/v3":    cov("libs", "jwt.Sign and jws.Sign results, also across packages through facts (testdata/cleartext/tokens)"),
	jwxV1Root:                          cov("libs", "jwt.Sign results into cookies"),
	katarasPkg:                         cov("libs", "Sign results into cookies"),
	"github.com/kataras/iris/v12":      cov("libs", "Signer.Sign results into cookies"),
	cristalhqPkg:                       cov("libs", "Token.String and Token.Bytes of a built token"),
	"github.com/ory/fosite":            cov("libs", "SignedString results into cookies"),
	"github.com/go-kit/kit":            notCovered("NewSigner puts the token in the request context, which is not followed"),
	jwtauthPkg:                         cov("libs", "the token string of Encode"),
	echoJWTPkg:                         na("the middleware verifies tokens and mints none; tokens signed with golang-jwt are covered there"),
	ginJWTPkg:                          cov("ginjwt", "the middleware's own cookie: SendCookie true without SecureCookie"),
	gofiberPkg:                         na("the middleware verifies tokens and mints none"),
	auth0Pkg:                           na("the middleware verifies tokens and mints none"),
	"github.com/coreos/go-oidc/v3":     na("verifies ID tokens and mints none"),
	"github.com/MicahParks/keyfunc/v3": na("fetches verification keys and mints no token"),
	"github.com/MicahParks/keyfunc/v2": na("fetches verification keys and mints no token"),
	"github.com/zitadel/oidc/v3":       notCovered("a provider mints tokens into the token responses the library writes itself; its signing is not modelled"),
}

// addTransportCells adds the unmaintained and cleartext cells: the first
// from the model's Deprecated rows, the second from cleartextCells.
func addTransportCells(libs []*Library) {
	for _, l := range libs {
		switch d := Default.Deprecated(l.Module); {
		case d == nil:
			l.Cells["unmaintained"] = na("maintained")
		case unmaintainedFixtures[l.Module] != "":
			l.Cells["unmaintained"] = cov(unmaintainedFixtures[l.Module], d.Status+"; use "+d.Replacement)
		default:
			l.Cells["unmaintained"] = notCovered(d.Status + "; reported by module path, but the module is not in the fixture module: untested")
		}
		if c, ok := cleartextCells[l.Module]; ok {
			l.Cells["cleartext"] = c
		}
	}
}

// remoteKeyLibraries are the libraries that fetch verification keys from a
// JWKS URL or an OIDC discovery document.
func remoteKeyLibraries() []*Library {
	ownKeysNA := na("the library only fetches or holds verification keys; the keys and the verification are the JWT library's")
	return []*Library{
		{Name: "coreos/go-oidc v3", Module: "github.com/coreos/go-oidc/v3", Family: familyOIDC, Packs: []string{oidcPkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": na("keys come from the provider's JWKS, or from a StaticKeySet of public keys"),
				"weakkey":      na("public keys from a JWKS or a StaticKeySet; go-oidc verifies no HMAC"),
				"unverified":   cov("gooidc", "Config{InsecureSkipSignatureCheck: true} (literal or assignment) outside tests; Verify returns no token on failure"),
				"noexp":        cov("gooidc", "Config{SkipExpiryCheck: true} outside tests"),
				"algnone":      cov("gooidc", "\"none\" in Config.SupportedSigningAlgs (go-jose never verifies none: the list shows intent)"),
				"sharedkey":    na("no secret: keys are the provider's public keys"),
			},
			Default: "Verify checks the signature, the issuer, the audience against Config.ClientID (an empty ClientID without SkipClientIDCheck fails every verification) and the expiry; Provider.Verifier uses the keys of the provider's discovery document."},
		{Name: "MicahParks/keyfunc v3", Module: "github.com/MicahParks/keyfunc/v3", Family: familyKeyfunc, Packs: []string{keyfuncV3Pkg, jwksetPkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": ownKeysNA,
				"weakkey":      ownKeysNA,
				"unverified":   notCovered("the Keyfunc method matches the token's alg to the JWK's alg when the JWK names one; a JWK without alg is not followed into the parse's pin check"),
				"noexp":        na("golang-jwt's parse options decide; reported there"),
				"algnone":      na("a JWK set has no none key"),
				"sharedkey":    ownKeysNA,
			},
			Default: "NewDefault and its variants fetch and refresh the sets at the URLs given; New takes any jwkset.Storage (an HTTP client storage fetches, a memory storage holds the program's keys)."},
		{Name: "MicahParks/keyfunc v2", Module: "github.com/MicahParks/keyfunc/v2", Family: familyKeyfunc, Packs: []string{keyfuncV2Pkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": notCovered("keyfunc.NewGivenHMAC's given secret is not followed"),
				"weakkey":      notCovered("keyfunc.NewGivenHMAC's given secret is not followed"),
				"unverified":   notCovered("the Keyfunc method is not followed into the parse's pin check"),
				"noexp":        na("golang-jwt's parse options decide; reported there"),
				"algnone":      na("a JWK set has no none key"),
				"sharedkey":    notCovered("keyfunc.NewGivenHMAC's given secret is not followed"),
			},
			Default: "Get and GetMultiple fetch (and refresh) the sets at the URLs given; NewJSON and NewGiven hold given keys."},
		{Name: "zitadel/oidc v3", Module: "github.com/zitadel/oidc/v3", Family: familyZitadel, Packs: []string{zitadelRPPkg, zitadelOPPkg, zitadelOIDCPkg},
			Cells: map[string]CoverageCell{
				"hardcodedkey": notCovered(zitadelOwnKeys),
				"weakkey":      notCovered(zitadelOwnKeys),
				"unverified":   notCovered("rp.VerifyIDToken, rp.VerifyTokens and op.VerifyAccessToken always check the signature and return no claims on failure; oidc.ParseToken, which decodes a token without verifying it, is not modelled"),
				"noexp":        notCovered("the verifiers always check exp and no option switches it off; rp.WithIssuedAtOffset with a negative duration, which would accept expired tokens, is not modelled"),
				"algnone":      na("go-jose, which checks the signature, never verifies none; the signing algorithm lists are not read"),
				"sharedkey":    notCovered(zitadelOwnKeys),
				"noaud": cov("zitadel", "op.VerifyAccessToken, which never checks the audience, with an op.NewAccessTokenVerifier over rp.NewRemoteKeySet and no read of the claims' Audience where it verifies or in a caller; "+
					"rp.VerifyIDToken and rp.VerifyTokens always require the client ID among the audiences and are not reported"),
			},
			Default: "rp.VerifyIDToken and rp.VerifyTokens check the issuer, the audience (it must contain the verifier's client ID, so an empty client ID rejects every token), the signature and the expiry; op.VerifyAccessToken checks the issuer, the signature and the expiry, never the audience."},
	}
}

// zitadelOwnKeys is why zitadel/oidc's key cells are not covered.
const zitadelOwnKeys = "the relying party verifies with the provider's public keys; a provider's signing keys come from the program's op.Storage implementation, which is not followed"

// setNoaudCells fills the noaud column: covered where the model knows a
// remote key set reaching the library's verification and a fixture tests
// it.
func setNoaudCells(libs []*Library) {
	noFetcher := notCovered("no modelled key-set library hands this library remote keys; keys fetched from a JWKS by hand are not followed")
	cells := map[string]CoverageCell{
		"golang-jwt v5":                 cov("keyfuncv3", "parses whose keyfunc or parser comes from a remote key set, without WithAudience or with it only when the setting is set"),
		"golang-jwt v4":                 notCovered("no audience option; keyfunc v1, which hands v4 remote keys, is not modelled"),
		"lestrrat-go/jwx v2":            cov("jwxv2", "jwt.Parse* with WithKeySet of a jwk.Fetch or jwk.Cache set, or WithVerifyAuto, without WithAudience (a later jwt.Validate with it counts)"),
		"lestrrat-go/jwx v1":            cov("jwxv1", "jwt.Parse* with WithKeySet of a jwk.Fetch or AutoRefresh set, or WithVerifyAuto, without WithAudience; v1 checks the audience only under WithValidate(true), and a WithAudience without it still counts as a check (missed)"),
		"lestrrat-go/jwx v3":            cov("jwxv3", "jwt.Parse* with WithKeySet of a jwk.Fetch or jwk.Cache set, or WithVerifyAuto, without WithAudience (a later jwt.Validate with it counts)"),
		"go-jose/go-jose.v2 (gopkg.in)": cov("gojosev2", "Claims(key, &c) with the key set of an auth0 JWKS provider, validated with an Expected that names no Audience"),
		"go-jose v4":                    notCovered("the Expected.AnyAudience rows apply, but no modelled key-set library hands go-jose v4 remote keys"),
		"labstack/echo-jwt v4":          cov("echojwt", "a Config.KeyFunc from a remote key set: the middleware checks no audience, so the package must (a ParseTokenFunc replaces the middleware's parse and is judged as code)"),
		"gofiber/contrib/jwt v1":        cov("gofiber", "Config.JWKSetURLs or a Config.KeyFunc from a remote key set: the middleware checks no audience, so the package must"),
		"auth0/go-jwt-middleware v2":    cov("auth0", "validator.New with a JWKS provider's KeyFunc and no audience (validator.New also refuses an empty list at run time)"),
		"coreos/go-oidc v3":             cov("gooidc", "Config{SkipClientIDCheck: true} with no comparison of IDToken.Audience where Verify is called, or SkipClientIDCheck on whenever the client ID is empty"),
		"MicahParks/keyfunc v3":         {Status: Covered, Fixture: "keyfuncv3", Via: familyGolangJWT, Note: "keyfunc.NewDefault*, keyfunc.New over jwkset.NewDefaultHTTPClient: the golang-jwt v5 parses they verify"},
		"MicahParks/keyfunc v2":         {Status: Covered, Fixture: "keyfuncv2", Via: familyGolangJWT, Note: "keyfunc.Get and GetMultiple: the golang-jwt v5 parses they verify"},
	}
	for _, l := range libs {
		if _, ok := l.Cells["noaud"]; ok {
			continue // a library whose every cell is set at once
		}
		c, ok := cells[l.Name]
		if !ok {
			c = noFetcher
		}
		l.Cells["noaud"] = c
	}
}

func allCells(c CoverageCell) map[string]CoverageCell {
	out := make(map[string]CoverageCell, len(CoverageAnalyzers))
	for _, a := range CoverageAnalyzers {
		out[a] = c
	}
	return out
}

// CoverageTable renders the matrix as a Markdown table (README's
// Libraries section and docs/coverage.md).
func CoverageTable() string {
	var b strings.Builder
	b.WriteString("| library | module |")
	for _, a := range CoverageAnalyzers {
		b.WriteString(" " + a + " |")
	}
	b.WriteString("\n|---|---|")
	for range CoverageAnalyzers {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, l := range Libraries {
		fmt.Fprintf(&b, "| %s | `%s` |", l.Name, l.Module)
		for _, a := range CoverageAnalyzers {
			b.WriteString(" " + l.Cells[a].Status.String() + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// CoverageMarkdown renders docs/coverage.md from the matrix.
func CoverageMarkdown() string {
	var b strings.Builder
	b.WriteString("# Library coverage\n\n")
	b.WriteString("Generated from analyzers/jwtapi/coverage.go by `go test ./analyzers/jwtapi -run TestCoverage -update`; a test checks it against the model's rows and the fixtures.\n\n")
	b.WriteString("Each cell says whether an analyzer reports the mistake in code using the library: **covered** (model rows and a fixture on the real module, testdata/ANALYZER/FIXTURE), **n/a** (the library does not allow the mistake), or **not covered** (possible, not reported). Notes follow the table.\n\n")
	b.WriteString(CoverageTable())
	b.WriteString("\n## Notes per library\n")
	for _, l := range Libraries {
		fmt.Fprintf(&b, "\n### %s\n\nPackages: ", l.Name)
		packs := append([]string(nil), l.Packs...)
		sort.Strings(packs)
		for i, p := range packs {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("`" + p + "`")
		}
		b.WriteString(".\n\n")
		if l.Default != "" {
			b.WriteString("Defaults: " + l.Default + "\n\n")
		}
		for _, a := range CoverageAnalyzers {
			c := l.Cells[a]
			fmt.Fprintf(&b, "- %s: %s", a, c.Status)
			if c.Note != "" {
				b.WriteString(": " + c.Note)
			}
			if c.Status == Covered {
				fmt.Fprintf(&b, " (testdata/%s/%s)", a, c.Fixture)
			}
			b.WriteString(".\n")
		}
	}
	b.WriteString(ConfigSourcesMarkdown())
	b.WriteString("\n## Unmaintained modules\n\nThe unmaintained rule reports imports of these modules (analyzers/jwtapi/deprecated.go), also those that no other rule models:\n\n")
	for _, d := range Default.DeprecatedModules() {
		fix := "no fix"
		if len(d.Packages) > 0 {
			fix = "import rewrite where compatible"
		}
		fmt.Fprintf(&b, "- `%s`: %s; replacement `%s` (%s).\n", d.Module, d.Status, d.Replacement, fix)
	}
	b.WriteString("\n## Not modelled\n\n")
	for _, e := range Excluded {
		fmt.Fprintf(&b, "- `%s`: %s.\n", e.Module, e.Reason)
	}
	b.WriteString("\nThese are left out rather than tested against hand-written copies of their packages: a stub says what its author believes the library does, not what it does.\n")
	b.WriteString("\n## Adding a library\n\nA library arrives as a family file of rows in analyzers/jwtapi (its functions, variables, types and fields with the columns the analyzers read), an entry in all.go, an entry here, the module in testdata/go.mod, and fixtures under testdata/ANALYZER/LIBRARY. No analyzer changes: where a library has a kind of event no column describes, the column is added to the model once, for every library.\n")
	return b.String()
}
