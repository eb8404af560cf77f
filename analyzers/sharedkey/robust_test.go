package sharedkey_test

import (
	"testing"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/sharedkey"
)

// illTyped are packages that do not type-check, written around the shapes
// sharedkey inspects: lookups and fallbacks, helpers, per-environment
// literals and switches, tags, embed directives, signing calls. They exist
// only as an overlay.
var illTyped = map[string]string{
	"fallbacks": `package fallbacks

import (
	"cmp"

	"github.com/golang-jwt/jwt/v5"
)

type Config struct {
	JWTSecret string ` + "`envDefault:\"tag-default\" env:`" + `
	Other undefinedType ` + "`default:\"x\"`" + `
}

func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key, 1); ok {
		return v
	}
	return def, nil
}

func load() {
	s := os.Getenv()
	if s == "" || len() == 0 {
		s = undefinedConst
	}
	if !undefinedOK {
		s = "fallback-on-undefined-flag"
	}
	var jwtSecret = cmp.Or(os.Getenv("JWT_SECRET"), 1, "x")
	jwtSecret = getenv("JWT_SECRET")
	os.Setenv("JWT_SECRET")
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, nil).SignedString(jwtSecret, s)
}
`,
	"perenv": `package perenv

import "github.com/golang-jwt/jwt/v5"

var secrets = map[string]string{
	"dev":  "same-value",
	"prod": "same-value",
	undefinedKey: "x",
	"staging": undefinedValue,
}

func jwtSecret(env string) string {
	switch env {
	case "prod":
		return "same"
	case undefinedEnv:
		return "same", 1
	case "dev", 3:
		return
	}
	if env == "prod" {
		return undefined
	} else if env == {
	}
	return ""
}

func tokens(k []byte) {
	accessToken, _ := jwt.New(jwt.SigningMethodHS256).SignedString(k)
	refreshToken, _ := jwt.New().SignedString(k, 2)
	_, _ = accessToken, refreshToken
	_, _ = jwt.Parse(refreshToken, func(t *jwt.Token) (any, error) { return k })
	_, _ = jwt.Parse(refreshToken, keyFuncFor(k))
	_, _ = jwt.Parse(refreshToken, undefinedKeyfunc)
}

func keyFuncFor(k []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) { return k, nil, nil }
}
`,
	"embeds": `package embeds

import "embed"

//go:embed missing/*.yaml "unterminated
var files embed.FS

//go:embed ../outside.yaml
var outside []byte

var x = undefined
`,
}

// TestIllTypedCode runs the analyzer on code that does not compile: it must
// neither panic nor fail, and the parts that do type-check are still judged.
func TestIllTypedCode(t *testing.T) {
	diags := fixtures.RunIllTyped(t, sharedkey.Analyzer, "sharedkey", illTyped)
	if len(diags) == 0 {
		t.Error("no diagnostics at all on the ill-typed packages")
	}
}
