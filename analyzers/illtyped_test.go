package analyzers_test

import (
	"testing"

	"github.com/jwtvet/jwtvet/analyzers"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
)

// brokenKeys does not type-check (undefined names, a wrong argument count,
// a missing return), yet its signing call with a literal key does.
var brokenKeys = map[string]string{
	"brokenkeys": `package brokenkeys

import (
	"crypto/rand"
	"crypto/rsa"

	"github.com/golang-jwt/jwt/v5"
)

var key = []byte("short")

func Sign() (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString(key)
}

func Broken() (string, error) {
	k, _ := rsa.GenerateKey(rand.Reader)
	t := jwt.New(undefinedMethod)
	return t.SignedString(k, extra)
}

func Keyfunc(t *jwt.Token) (any, error) {
	if t.Method == nil {
		return missing, nil
	}
}

func Half() {
	jwt.Parse(
}
`,
}

// TestIllTypedSuite runs every rule of the suite over code that does not
// type-check: none may fail or panic, and the key rules still report the
// sink that does type-check.
func TestIllTypedSuite(t *testing.T) {
	for _, a := range analyzers.Suite() {
		t.Run(a.Name, func(t *testing.T) {
			diags := fixtures.RunIllTyped(t, a, "suite", brokenKeys)
			switch a.Name {
			case "hardcodedkey", "weakkey":
				if len(diags) == 0 {
					t.Errorf("%s reported nothing on the signing call that type-checks", a.Name)
				}
			}
		})
	}
}
