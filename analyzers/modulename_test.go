package analyzers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/jwtvet/jwtvet/analyzers"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/internal/engine"
)

// dotless is a program in a module whose path has no dot ("backend"), as
// many applications name theirs. Its own packages must not be taken for the
// standard library: that would skip them, or hide the error check in
// httpx.Failed so that the claims use is reported. Exactly one finding is
// right: the literal key in Legacy.
var dotless = map[string]string{
	"go.mod": "module backend\n\ngo 1.26.0\n\nrequire github.com/golang-jwt/jwt/v5 v5.3.1\n",
	"httpx/httpx.go": `package httpx

import "net/http"

// Failed writes a 401 and reports whether err is set.
func Failed(w http.ResponseWriter, err error) bool {
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return true
	}
	return false
}
`,
	"api/api.go": `package api

import (
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"backend/httpx"
)

// key refuses to run without a long enough secret.
func key() []byte {
	k := os.Getenv("K")
	if len(k) < 32 {
		panic("K must hold at least 32 bytes")
	}
	return []byte(k)
}

func Me(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.Parse(r.Header.Get("X-Token"), func(*jwt.Token) (any, error) { return key(), nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
	if httpx.Failed(w, err) {
		return
	}
	_, _ = w.Write([]byte(tok.Claims.(jwt.MapClaims)["sub"].(string)))
}

func Issue(sub string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key())
}

func Legacy(sub string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: sub, ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte("backend-legacy-signing-secret-0001"))
}
`,
}

func TestDotlessModulePath(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages: skipped with -short")
	}
	sum, err := os.ReadFile(filepath.Join(fixtures.Dir(t), "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{"go.sum": string(sum)}
	for k, v := range dotless {
		files[k] = v
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	prog, err := engine.Load(&engine.Config{
		Dir: dir,
		Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"),
	}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	results, loadErrs := engine.Analyze(prog, analyzers.Suite(), nil)
	for _, e := range loadErrs {
		t.Errorf("the dotless module does not build: %s: %s", e.Err.Pos, e.Err.Msg)
	}
	var got []string
	for _, r := range results {
		for a, err := range r.Errors {
			t.Errorf("%s on %s: %v", a.Name, r.Package.PkgPath, err)
		}
		for _, a := range analyzers.Suite() {
			for _, d := range r.Diagnostics[a] {
				p := prog.Fset.Position(d.Pos)
				got = append(got, fmt.Sprintf("%s:%d %s", filepath.Base(p.Filename), p.Line, a.Name))
			}
		}
	}
	want := []string{"api.go:38 hardcodedkey"}
	if !slices.Equal(got, want) {
		t.Errorf("findings in a dotless module: got %q, want %q", got, want)
	}
}
