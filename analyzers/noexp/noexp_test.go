package noexp_test

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/noexp"
)

func TestNoexp(t *testing.T) {
	fixtures.RunWithFixes(t, noexp.Analyzer, "./noexp/...")
}

// recorder collects what analysistest would report as failures.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestMaxLeewayFlag lowers -noexp.maxleeway so that the five-minute leeway
// of the v5 refresh fixture is reported, and the 30-second one is not.
func TestMaxLeewayFlag(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the v5 fixtures a second time")
	}
	if err := noexp.Analyzer.Flags.Set("maxleeway", "1m"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = noexp.Analyzer.Flags.Set("maxleeway", "1h") })

	var r recorder
	fixtures.Run(&r, noexp.Analyzer, "./noexp/v5/auth")
	want := regexp.MustCompile(`refresh\.go:\d+:\d+: unexpected diagnostic: jwt\.WithLeeway\(5m0s\) accepts tokens for 5m0s after they expire: use a leeway below 1m0s, of seconds or a few minutes`)
	// The fixture's expectation for the two-hour leeway names the default
	// bound; with the lower bound its message differs.
	twoHours := regexp.MustCompile(`refresh\.go:\d+(:\d+)?: .*WithLeeway\\?\(2h0m0s\\?\)`)
	found := 0
	for _, e := range r.errs {
		if twoHours.MatchString(e) {
			continue
		}
		if !want.MatchString(e) {
			t.Errorf("unexpected failure with -maxleeway=1m: %s", e)
			continue
		}
		found++
	}
	if found == 0 {
		t.Errorf("the 5m leeway was not reported with -maxleeway=1m; failures: %q", r.errs)
	}
}

// copyFixtures copies the fixture module's go.mod, go.sum and the noexp
// fixtures to a temporary directory.
func copyFixtures(t *testing.T) string {
	t.Helper()
	src := fixtures.Dir(t)
	dst := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		copyFile(t, filepath.Join(src, f), filepath.Join(dst, f))
	}
	err := filepath.WalkDir(filepath.Join(src, "noexp"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		copyFile(t, path, filepath.Join(dst, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func goCmd(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestGoldensCompile replaces each fixture file by its golden file (the
// code after every suggested fix) and builds the fixtures: the fixes must
// yield code that compiles.
func TestGoldensCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the fixture module")
	}
	dst := copyFixtures(t)
	goldens := 0
	err := filepath.WalkDir(filepath.Join(dst, "noexp"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go.golden") {
			return err
		}
		goldens++
		if err := os.Rename(path, strings.TrimSuffix(path, ".golden")); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if goldens == 0 {
		t.Fatal("no golden files found")
	}
	if out, err := goCmd(t, dst, "vet", "./noexp/..."); err != nil {
		t.Fatalf("fixed fixtures do not build: %v\n%s", err, out)
	}
}

// brokenSource is code that does not type-check: the analyzer must not
// panic on it.
const brokenSource = `package broken

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
	jwt4 "github.com/golang-jwt/jwt/v4"
)

type Claims struct {
	Missing undefinedType
	jwt.RegisteredClaims
}

func (c Claims) Valid() error { return undefinedCheck(c) }

type V4Claims struct {
	jwt4.StandardClaims
}

func (V4Claims) Valid() error

func mint() (string, error) {
	claims := Claims{Missing: 1, undefinedField: 2}
	claims[undefinedKey] = 3
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256)
	tok.Claims.(undefinedType)["exp"] = time.Now()
	tok2 := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{undefinedKey: 1, "sub": })
	tok3 := jwt.New()
	tok3.Claims = 
	_, _ = tok2.SignedString(nil)
	return tok.SignedString(undefinedKey)
}

func parse(raw string) {
	_, _ = jwt.Parse(raw, nil, undefinedOpts...)
	_, _ = jwt.Parse(raw, nil, jwt.WithLeeway(undefinedDuration), jwt.WithLeeway("x"))
	_ = jwt.NewParser(jwt.WithLeeway(2 * time.Hour), nil, 1)
	p := &jwt4.Parser{SkipClaimsValidation: undefinedBool}
	p.SkipClaimsValidation = true
	var opts []jwt.ParserOption = undefinedSlice
	opts = append(opts, undefinedOpt)
	_ = jwt.NewParser(opts...)
	_ = jwt.NewParser(helper()...)
}

func helper() []jwt.ParserOption { return }

func recursive() jwt.MapClaims { return recursive() }

func loop() (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, recursive()).SignedString(nil)
}
`

// TestBrokenCode runs the analyzer on code with type errors and syntax
// errors: it must return without panicking.
func TestBrokenCode(t *testing.T) {
	if testing.Short() {
		t.Skip("loads an extra package")
	}
	dst := copyFixtures(t)
	pkg := filepath.Join(dst, "noexp", "broken")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "broken.go"), []byte(brokenSource), 0o644); err != nil {
		t.Fatal(err)
	}
	var r recorder
	fixtures.RunIn(&r, dst, noexp.Analyzer, "./noexp/broken")
	for _, e := range r.errs {
		t.Log(e)
		if strings.Contains(e, "panic") {
			t.Errorf("analyzer failed on broken code: %s", e)
		}
	}
}
