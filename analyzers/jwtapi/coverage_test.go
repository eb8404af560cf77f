package jwtapi_test

import (
	"flag"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"

	"github.com/jwtvet/jwtvet/analyzers"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// updating reports whether -update was given (the flag is the fixtures
// package's: it also rewrites goldens).
func updating() bool {
	f := flag.Lookup("update")
	if f == nil {
		return false
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return false
	}
	on, _ := g.Get().(bool)
	return on
}

// TestCoverageAnalyzers: the matrix has a column per analyzer of the
// suite, in its order.
func TestCoverageAnalyzers(t *testing.T) {
	var names []string
	for _, a := range analyzers.Suite() {
		names = append(names, a.Name)
	}
	if !slices.Equal(names, jwtapi.CoverageAnalyzers) {
		t.Errorf("matrix columns %v, suite %v", jwtapi.CoverageAnalyzers, names)
	}
}

// TestCoveragePackages: every modelled package belongs to exactly one
// library of the matrix, and every package the matrix lists is modelled.
func TestCoveragePackages(t *testing.T) {
	owner := map[string]string{}
	for _, l := range jwtapi.Libraries {
		for _, p := range l.Packs {
			if prev, dup := owner[p]; dup {
				t.Errorf("package %s listed by %s and %s", p, prev, l.Name)
			}
			owner[p] = l.Name
			if !jwtapi.Default.IsLibrary(p) {
				t.Errorf("%s lists %s, which the model does not know", l.Name, p)
			}
		}
	}
	for _, p := range jwtapi.Default.Packages() {
		if owner[p] == "" {
			t.Errorf("modelled package %s is in no library of the coverage matrix", p)
		}
	}
}

// consumes reports whether the rows of the packages give an analyzer
// something to work on: the columns and roles that analyzer reads.
var consumes = map[string]func(r rows) bool{
	"hardcodedkey": keySinks,
	"weakkey":      keySinks,
	"sharedkey":    keySinks,
	"unmaintained": func(r rows) bool { return r.deprecated },
	"cleartext": func(r rows) bool {
		for _, f := range r.funcs {
			if f.TokenResult > 0 {
				return true
			}
		}
		return r.cookieConfig
	},
	"unverified": func(r rows) bool {
		for _, f := range r.funcs {
			if f.Role == jwtapi.RoleParseUnverified || f.Option == jwtapi.OptSkipVerify || f.VerifyOptIn ||
				(f.Role == jwtapi.RoleParse && (f.ClaimsOnError || f.Keyfunc >= 0)) {
				return true
			}
		}
		for _, f := range r.fields {
			if (f.Keyfunc && !f.KeyfuncSigns) || f.Option == jwtapi.OptSkipVerify {
				return true
			}
		}
		return false
	},
	"noexp": func(r rows) bool {
		for _, f := range r.funcs {
			oneShot := (f.Role == jwtapi.RoleSign || f.Role == jwtapi.RoleNewSigner) && f.Claims >= 0 && !f.TokenFromRecv && !f.MethodFromRecv
			if oneShot || (f.Role == jwtapi.RoleNewToken && f.Claims >= 0) || f.NoExpiryCheck || f.ValidateOptIn ||
				f.Option == jwtapi.OptSkipClaims || f.Option == jwtapi.OptLeeway ||
				(f.Role == jwtapi.RoleNewSigner && f.Option == jwtapi.OptSetsExpiry) {
				return true
			}
		}
		for _, f := range r.fields {
			if f.Option == jwtapi.OptSkipClaims {
				return true
			}
		}
		return r.packageRows
	},
	"noaud": func(r rows) bool {
		// A verification or key set whose keys can come from a remote
		// key set, and an audience check the rule can look for.
		remote, audience := false, false
		for _, f := range r.funcs {
			remote = remote || f.RemoteKeys || f.KeysOfRecv || f.Option == jwtapi.OptKeySet ||
				(f.Role == jwtapi.RoleParse && f.Keyfunc >= 0) || (f.Role == jwtapi.RoleVerify && f.Key >= 0)
			audience = audience || f.Option == jwtapi.OptAudience || f.NoExpiryCheck || f.AudienceUnchecked
		}
		for _, f := range r.fields {
			remote = remote || f.RemoteKeys || (f.Keyfunc && f.AudienceUnchecked)
			audience = audience || f.Option == jwtapi.OptAudience || f.Option == jwtapi.OptSkipAudience || f.AudienceUnchecked
		}
		return remote && audience
	},
	"algnone": func(r rows) bool {
		for _, v := range r.vars {
			if v.Alg == jwtapi.AlgNone {
				return true
			}
		}
		for _, f := range r.funcs {
			// A fixed none algorithm, an allow-list, or an algorithm
			// argument that can name none.
			if f.Alg == jwtapi.AlgNone || (f.Option == jwtapi.OptValidMethods && f.OptionArg >= 0) || f.Method >= 0 {
				return true
			}
		}
		for _, f := range r.fields {
			if f.Option == jwtapi.OptValidMethods {
				return true
			}
		}
		return false
	},
}

func keySinks(r rows) bool {
	for _, f := range r.funcs {
		switch f.Role {
		case jwtapi.RoleParsePublicKey, jwtapi.RoleParsePrivateKey, jwtapi.RoleWrapKey:
			continue
		}
		if f.Key >= 0 || len(f.VerifyKeys) > 0 || f.Keyfunc >= 0 {
			return true
		}
	}
	for _, f := range r.fields {
		if f.Key || f.KeyMap || f.Keyfunc {
			return true
		}
	}
	for _, t := range r.types {
		if t.Role == jwtapi.TypeToken {
			return true // keyfuncs are found by their token parameter
		}
	}
	return false
}

type rows struct {
	funcs       []*jwtapi.Func
	vars        []*jwtapi.Var
	types       []*jwtapi.Type
	fields      []*jwtapi.Field
	packageRows bool
	deprecated  bool // a package of an unmaintained module
	// cookieConfig: a middleware configuration that sets the
	// middleware's own tokens in a cookie.
	cookieConfig bool
}

func rowsOf(in func(pkg string) bool) rows {
	m := jwtapi.Default
	var r rows
	for _, f := range m.Funcs() {
		if in(f.Pkg) {
			r.funcs = append(r.funcs, f)
		}
	}
	for _, v := range m.Vars() {
		if in(v.Pkg) {
			r.vars = append(r.vars, v)
		}
	}
	for _, t := range m.Types() {
		if in(t.Pkg) {
			r.types = append(r.types, t)
		}
	}
	for _, f := range m.Fields() {
		if in(f.Pkg) {
			r.fields = append(r.fields, f)
		}
	}
	for _, p := range m.Packages() {
		if in(p) && m.Package(p) != nil {
			r.packageRows = true
		}
		if in(p) && m.Deprecated(p) != nil {
			r.deprecated = true
		}
	}
	for _, ct := range m.CookieTypes() {
		if in(ct.Pkg) && ct.Enable != "" {
			r.cookieConfig = true
		}
	}
	return r
}

// TestCoverageCells: a covered cell has the rows its analyzer reads and a
// fixture with findings that imports the library; other cells say why.
func TestCoverageCells(t *testing.T) {
	root := fixtures.Root()
	for _, l := range jwtapi.Libraries {
		packs := map[string]bool{}
		for _, p := range l.Packs {
			packs[p] = true
		}
		for _, a := range jwtapi.CoverageAnalyzers {
			c, ok := l.Cells[a]
			if !ok {
				t.Errorf("%s: no cell for %s", l.Name, a)
				continue
			}
			if c.Status != jwtapi.Covered {
				if c.Note == "" {
					t.Errorf("%s × %s is %s without a reason", l.Name, a, c.Status)
				}
				continue
			}
			in := func(p string) bool { return packs[p] }
			if c.Via != "" {
				in = func(p string) bool { return packs[p] || jwtapi.Default.Family(p) == c.Via }
			}
			if !consumes[a](rowsOf(in)) {
				t.Errorf("%s × %s is covered, but the model has none of the rows %s reads for it", l.Name, a, a)
			}
			checkFixture(t, filepath.Join(root, "testdata", a, c.Fixture), l, a)
		}
	}
}

// checkFixture: the directory holds Go files that import one of the
// library's packages and expect at least one finding.
func checkFixture(t *testing.T, dir string, l *jwtapi.Library, analyzer string) {
	t.Helper()
	imports, wants := false, false
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(src), "// want `") || strings.Contains(string(src), "// want \"") {
			wants = true
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); slices.Contains(l.Packs, p) {
				imports = true
			}
		}
		return nil
	})
	if err != nil {
		t.Errorf("%s × %s: fixture %s: %v", l.Name, analyzer, dir, err)
		return
	}
	if !imports {
		t.Errorf("%s × %s: fixture %s imports none of %v", l.Name, analyzer, dir, l.Packs)
	}
	if !wants {
		t.Errorf("%s × %s: fixture %s expects no finding", l.Name, analyzer, dir)
	}
}

// TestCoverageModules: every library with a covered cell is required by
// the fixture module, so its fixtures run on the real module.
func TestCoverageModules(t *testing.T) {
	path := filepath.Join(fixtures.Root(), "testdata", "go.mod")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	mf, err := modfile.ParseLax(path, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	required := map[string]bool{}
	for _, r := range mf.Require {
		required[r.Mod.Path] = true
	}
	for _, l := range jwtapi.Libraries {
		covered := false
		for _, c := range l.Cells {
			covered = covered || c.Status == jwtapi.Covered
		}
		if covered && !required[l.Module] {
			t.Errorf("%s: module %s is not required by testdata/go.mod", l.Name, l.Module)
		}
	}
}

// TestCoverageDoc: docs/coverage.md is the rendering of the matrix.
func TestCoverageDoc(t *testing.T) {
	path := filepath.Join(fixtures.Root(), "docs", "coverage.md")
	want := jwtapi.CoverageMarkdown()
	if updating() {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("docs/coverage.md is out of date: run go test ./analyzers/jwtapi -run TestCoverageDoc -update")
	}
}

// TestCoverageReadme: the table between the coverage markers of README.md
// is the rendering of the matrix.
func TestCoverageReadme(t *testing.T) {
	const begin, end = "<!-- coverage table: generated, see docs/coverage.md -->\n", "<!-- end of coverage table -->\n"
	path := filepath.Join(fixtures.Root(), "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no coverage table markers")
	}
	want := text[:i+len(begin)] + jwtapi.CoverageTable() + text[j:]
	if updating() && want != text {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		text = want
	}
	if text != want {
		t.Errorf("README.md coverage table is out of date: run go test ./analyzers/jwtapi -run TestCoverageReadme -update")
	}
}
