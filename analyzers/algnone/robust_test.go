package algnone_test

import (
	"strings"
	"testing"

	"github.com/jwtvet/jwtvet/analyzers/algnone"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
)

// illTyped are packages that do not type-check (wrong argument counts,
// undefined names, fields that do not exist in v5, a syntax error) written
// around the shapes algnone inspects. They exist only as an overlay.
var illTyped = map[string]string{
	"calls": `package calls

import "github.com/golang-jwt/jwt/v5"

func mint() {
	jwt.NewWithClaims()
	jwt.New(undefinedMethod)
	_, _ = jwt.SigningMethodNone.Sign()
	tok := &jwt.Token{Method: jwt.SigningMethodNone}
	tok.SignedString()
	jwt.New(jwt.SigningMethodNone).SignedString(jwt.UnsafeAllowNoneSignatureType, 1)
}

func options() {
	jwt.WithValidMethods()
	jwt.WithValidMethods(undefinedList)
	jwt.WithValidMethods([]string{"none", undefinedAlg}, 2)
	jwt.WithValidMethods(append())
	var p jwt.Parser
	p.ValidMethods = []string{"HS256", "none"}
	_ = jwt.Parser{ValidMethods: []string{"none", "HS256"}}
}
`,
	"keyfuncs": `package keyfuncs

import "github.com/golang-jwt/jwt/v5"

var k jwt.Keyfunc = func(t *jwt.Token) (any, error) {
	switch t.Header["alg"] {
	case "none":
		return jwt.UnsafeAllowNoneSignatureType
	case undefinedAlg, "HS256":
	}
	switch t.Method.(type) {
	case undefinedType:
	default:
		return
	}
	if t.Method.Alg() == undefinedAlg || strings.EqualFold(t.Header["alg"], "none") {
		return nil
	}
	if alg := t.Header[undefinedKey]; alg != "none" && alg != "HS256" {
		return nil, nil, nil
	}
	return jwt.UnsafeAllowNoneSignatureType, nil, undefinedThird
}

func helper(alg string) bool { return alg == "none" || undefinedFunc(alg) }

func use(t *jwt.Token) (any, error) {
	if !helper(t.Header["alg"], 2) {
		return nil, undefinedErr
	}
	x := map[string]bool{"none": true, undefinedKey: false}
	if x[t.Method.Alg()] {
		return jwt.UnsafeAllowNoneSignatureType, nil
	}
	return undefinedKey, nil
}
`,
	"syntax": `package syntax

import "github.com/golang-jwt/jwt/v5"

func broken(t *jwt.Token) (any, error) {
	if alg := t.Header["alg"]; alg != "HS256" && alg != {
		return nil, nil
	}
	switch t.Method.Alg() {
	case "none"
		return jwt.UnsafeAllowNoneSignatureType, nil
	}
	return jwt.WithValidMethods([]string{"none",
`,
}

// TestIllTypedCode runs the analyzer on code that does not compile: it must
// neither panic nor fail, and the parts that do type-check are still judged.
func TestIllTypedCode(t *testing.T) {
	diags := fixtures.RunIllTyped(t, algnone.Analyzer, "algnone", illTyped)
	for _, d := range diags {
		if !strings.Contains(strings.ToLower(d.Message), "none") {
			t.Errorf("unexpected message %q", d.Message)
		}
	}
	if len(diags) == 0 {
		t.Error("no diagnostics at all on the ill-typed packages")
	}
}
