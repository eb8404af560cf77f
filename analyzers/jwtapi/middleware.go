package jwtapi

// HTTP middlewares configured with a key. Their defaults, read from the
// sources of the versions in testdata/go.mod:
//
//   - echo-jwt v4 (golang-jwt v5): Config.SigningMethod defaults to HS256
//     and the default keyfunc rejects any other algorithm; a Config.KeyFunc
//     replaces that check. Tokens are parsed with golang-jwt v5 defaults:
//     exp is checked when present, not required. JWT(key) is
//     WithConfig(Config{SigningKey: key}).
//   - gin-jwt v2 (golang-jwt v4): SigningAlgorithm defaults to HS256 and
//     the default keyfunc pins it (a KeyFunc replaces it). The middleware
//     rejects a token without the exp claim (ExpField) and checks it. Every
//     token it mints carries exp = now + Timeout, and Timeout 0 means one
//     hour. RefreshHandler accepts an expired token while its orig_iat is
//     within MaxRefresh.
//   - gofiber contrib/jwt v1 (golang-jwt v5): SigningKey.JWTAlg pins the
//     algorithm when set; left empty, any algorithm the key fits is
//     accepted. exp: golang-jwt v5 defaults (checked when present).
//     Config.JWKSetURLs fetches key sets through keyfunc v2.
//   - echo-jwt and gofiber parse with no option, so they never check the
//     audience: with keys from a remote key set, the handlers must.
//   - auth0 go-jwt-middleware v2 validator (go-jose v2): validator.New
//     requires one algorithm and rejects tokens whose header names another;
//     exp is checked when present, not required; WithAllowedClockSkew is a
//     leeway.

const (
	familyEchoJWT = "echo-jwt"
	familyGinJWT  = "gin-jwt"
	familyGofiber = "gofiber-jwt"
	familyAuth0   = "auth0"
)

const (
	echoJWTPkg   = "github.com/labstack/echo-jwt/v4"
	ginJWTPkg    = "github.com/appleboy/gin-jwt/v2"
	gofiberPkg   = "github.com/gofiber/contrib/jwt"
	auth0Pkg     = "github.com/auth0/go-jwt-middleware/v2"
	auth0ValPkg  = "github.com/auth0/go-jwt-middleware/v2/validator"
	auth0JWKSPkg = "github.com/auth0/go-jwt-middleware/v2/jwks"
	echoJWTAlg   = "HS256" // Config.SigningMethod default
	ginJWTAlg    = "HS256" // GinJWTMiddleware.SigningAlgorithm default
)

func middlewareFuncs() []*Func {
	echoJWT := row(echoJWTPkg, "", "JWT", RoleMiddleware, familyEchoJWT, with(none(), func(a *args) { a.Key = 0 }))
	echoJWT.Alg = echoJWTAlg
	skew := row(auth0ValPkg, "", "WithAllowedClockSkew", RoleOption, familyAuth0, with(none(), func(a *args) { a.OptionArg = 0 }))
	skew.Option = OptLeeway
	return []*Func{
		echoJWT,
		row(echoJWTPkg, "", "WithConfig", RoleMiddleware, familyEchoJWT, none()),
		row(echoJWTPkg, "Config", "ToMiddleware", RoleMiddleware, familyEchoJWT, none()),

		row(ginJWTPkg, "", "New", RoleMiddleware, familyGinJWT, none()),

		row(gofiberPkg, "", "New", RoleMiddleware, familyGofiber, none()),

		auth0Validator(),
		row(auth0ValPkg, "Validator", "ValidateToken", RoleParse, familyAuth0, with(none(), func(a *args) { a.Token = 1 })),
		skew,
		row(auth0Pkg, "", "New", RoleMiddleware, familyAuth0, none()),

		// The JWKS providers fetch the issuer's keys; their KeyFunc
		// method is what validator.New takes.
		auth0Remote("NewProvider"), auth0Remote("NewCachingProvider"),
		auth0OfRecv("Provider"), auth0OfRecv("CachingProvider"),
	}
}

// auth0Validator: validator.New(keyFunc, alg, issuer, audience, opts...)
// checks the audience its fourth argument lists.
func auth0Validator() *Func {
	r := row(auth0ValPkg, "", "New", RoleNewVerifier, familyAuth0, with(none(), func(a *args) { a.Keyfunc = 0; a.Method = 1; a.Options = 4; a.OptionArg = 3 }))
	r.Option = OptAudience
	return r
}

func auth0Remote(name string) *Func {
	r := row(auth0JWKSPkg, "", name, RoleNone, familyAuth0, none())
	r.RemoteKeys = true
	return r
}

func auth0OfRecv(recv string) *Func {
	r := row(auth0JWKSPkg, recv, "KeyFunc", RoleNone, familyAuth0, none())
	r.KeysOfRecv = true
	return r
}

func middlewareFields() []*Field {
	return []*Field{
		{Pkg: echoJWTPkg, Type: "Config", Name: "SigningKey", Key: true, AlgField: "SigningMethod", AlgDefault: echoJWTAlg},
		{Pkg: echoJWTPkg, Type: "Config", Name: "SigningKeys", KeyMap: true, AlgField: "SigningMethod", AlgDefault: echoJWTAlg},
		{Pkg: echoJWTPkg, Type: "Config", Name: "KeyFunc", Keyfunc: true, AudienceUnchecked: true},
		{Pkg: echoJWTPkg, Type: "Config", Name: "ParseTokenFunc", ReplacesParse: true},

		{Pkg: ginJWTPkg, Type: "GinJWTMiddleware", Name: "Key", Key: true, AlgField: "SigningAlgorithm", AlgDefault: ginJWTAlg},
		{Pkg: ginJWTPkg, Type: "GinJWTMiddleware", Name: "PrivKeyBytes", Key: true, AlgField: "SigningAlgorithm"},
		{Pkg: ginJWTPkg, Type: "GinJWTMiddleware", Name: "KeyFunc", Keyfunc: true},

		{Pkg: gofiberPkg, Type: "SigningKey", Name: "Key", Key: true, AlgField: "JWTAlg"},
		{Pkg: gofiberPkg, Type: "Config", Name: "KeyFunc", Keyfunc: true, AudienceUnchecked: true},
		{Pkg: gofiberPkg, Type: "Config", Name: "JWKSetURLs", RemoteKeys: true, AudienceUnchecked: true},
	}
}
