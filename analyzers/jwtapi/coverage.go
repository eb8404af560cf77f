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
var CoverageAnalyzers = []string{"hardcodedkey", "weakkey", "unverified", "noexp", "algnone", "sharedkey"}

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
		&Library{Name: "auth0/go-jwt-middleware v2", Module: auth0Pkg, Family: familyAuth0, Packs: []string{auth0Pkg, auth0ValPkg},
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
	libs = append(libs, echoMiddlewareLibrary())
	return libs
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
	b.WriteString("\n## Not modelled\n\n")
	for _, e := range Excluded {
		fmt.Fprintf(&b, "- `%s`: %s.\n", e.Module, e.Reason)
	}
	b.WriteString("\nThese are left out rather than tested against hand-written copies of their packages: a stub says what its author believes the library does, not what it does.\n")
	b.WriteString("\n## Adding a library\n\nA library arrives as a family file of rows in analyzers/jwtapi (its functions, variables, types and fields with the columns the analyzers read), an entry in all.go, an entry here, the module in testdata/go.mod, and fixtures under testdata/ANALYZER/LIBRARY. No analyzer changes: where a library has a kind of event no column describes, the column is added to the model once, for every library.\n")
	return b.String()
}
