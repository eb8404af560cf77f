package jwtapi

// echo v4's own JWT middleware, github.com/labstack/echo/v4/middleware:
// JWT(key) and JWTWithConfig(JWTConfig{…}), deprecated in favour of
// echo-jwt and removed in echo v4.13.0, still in many programs. Read from
// the source of v4.12.0 (built on golang-jwt v3):
//
//   - JWT(key) is JWTWithConfig with SigningKey: key.
//   - JWTConfig.SigningMethod defaults to "HS256" (AlgorithmHS256), and
//     the default keyfunc rejects a token whose alg differs; a
//     JWTConfig.KeyFunc (a golang-jwt v3 jwt.Keyfunc) replaces that check.
//     SigningKeys maps kid to key.
//   - The only key check is that one of SigningKey, SigningKeys, KeyFunc
//     or ParseTokenFunc is set (a non-nil interface): an empty []byte key
//     signs nothing but verifies tokens HMAC'd with the empty key.
//   - Tokens are parsed with golang-jwt v3 defaults: exp is checked when
//     present, never required.

const (
	familyEchoMiddleware = "echo-middleware"
	echoMiddlewarePkg    = "github.com/labstack/echo/v4/middleware"
	echoMiddlewareAlg    = "HS256" // JWTConfig.SigningMethod default
)

func echoMiddlewareFuncs() []*Func {
	jwtKey := row(echoMiddlewarePkg, "", "JWT", RoleMiddleware, familyEchoMiddleware, with(none(), func(a *args) { a.Key = 0 }))
	jwtKey.Alg = echoMiddlewareAlg
	return []*Func{
		jwtKey,
		row(echoMiddlewarePkg, "", "JWTWithConfig", RoleMiddleware, familyEchoMiddleware, none()),
	}
}

func echoMiddlewareFields() []*Field {
	return []*Field{
		{Pkg: echoMiddlewarePkg, Type: "JWTConfig", Name: "SigningKey", Key: true, AlgField: "SigningMethod", AlgDefault: echoMiddlewareAlg},
		{Pkg: echoMiddlewarePkg, Type: "JWTConfig", Name: "SigningKeys", KeyMap: true, AlgField: "SigningMethod", AlgDefault: echoMiddlewareAlg},
		{Pkg: echoMiddlewarePkg, Type: "JWTConfig", Name: "KeyFunc", Keyfunc: true},
	}
}

// echoMiddlewareLibrary is the coverage-matrix row of the echo v4
// middleware.
func echoMiddlewareLibrary() *Library {
	return &Library{Name: "labstack/echo v4 middleware.JWT (≤ v4.12)", Module: "github.com/labstack/echo/v4", Family: familyEchoMiddleware,
		Packs: []string{echoMiddlewarePkg},
		// echo v4.13 removed middleware.JWT and the main fixture module
		// needs v4.13 for echo-jwt v4.4: these fixtures live in a module of
		// their own on v4.12.0, testdata/echolegacy.
		Cells:   echoMiddlewareCells(),
		Default: "SigningMethod defaults to HS256 and the default keyfunc rejects other algorithms; a KeyFunc replaces that check. exp is checked when present (golang-jwt v3), not required."}
}

// echoMiddlewareCells: every analyzer of the matrix not covered unless
// listed, so that analyzers added to the matrix get a cell.
func echoMiddlewareCells() map[string]CoverageCell {
	cells := allCells(notCovered("no fixture tests it on echo v4.12.0"))
	cells["hardcodedkey"] = cov("../echolegacy/hardcodedkey", "JWT(key), JWTConfig.SigningKey, values of SigningKeys, KeyFunc returns (fixtures on v4.12.0 in testdata/echolegacy)")
	cells["weakkey"] = cov("../echolegacy/weakkey", "bound from SigningMethod, HS256 when unset; environment keys nothing checks (the middleware accepts an empty key)")
	cells["unverified"] = cov("../echolegacy/unverified", "a JWTConfig.KeyFunc that does not pin the algorithm")
	cells["noexp"] = notCovered("the middleware parses with golang-jwt v3 defaults (exp checked when present, not required) and no config field can require exp; not reported")
	cells["algnone"] = notCovered("golang-jwt v3's none key set as SigningKey is golang-jwt's finding; not tested on this module")
	cells["sharedkey"] = notCovered("the key rows feed sharedkey as for echo-jwt, but no fixture tests it on this module")
	return cells
}
