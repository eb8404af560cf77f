package plugin

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/jwtvet/jwtvet/analyzers"
)

// TestGolangciLint runs golangci-lint, built with this plugin, on the
// fixture module testdata/ and checks that it reports exactly what the
// jwtvet analyzers report on their own, and that golangci-lint's exit codes,
// --fix, settings, //nolint and //jwtvet:ignore behave as README.md says.
func TestGolangciLint(t *testing.T) {
	customGCL(t)
	fixture := fixtureDir(t)
	base := standalone(t, fixture, nil)
	nolint := nolintLines(t, fixture)
	want := expectedIssues(base, nolint)
	run := runGCL(t, fixture, lintConfig(t, nil, allIssues), "./...")
	if len(base) == 0 {
		t.Error("standalone jwtvet reports nothing on the fixture, so most checks below prove nothing " +
			"(the fixture lost its findings, or the rules stopped seeing them)")
	}

	t.Run("findings equal standalone jwtvet", func(t *testing.T) {
		sameIssues(t, want, run)
		t.Logf("%d issues:\n\t%s", len(run.issues), strings.Join(keys(run.issues), "\n\t"))
		if len(want) == 0 {
			t.Error("no findings to compare")
		}
	})

	t.Run("linter name and analyzer prefix", func(t *testing.T) {
		for _, is := range run.issues {
			if is.FromLinter != Name {
				t.Errorf("%s: linter %q, want %q", is.key(), is.FromLinter, Name)
			}
			name, _, ok := strings.Cut(is.Text, ": ")
			if !ok || analyzers.Lookup(strings.TrimSuffix(name, "(related information)")) == nil {
				t.Errorf("%s: text does not start with a jwtvet analyzer name", is.key())
			}
		}
	})

	// The fixture without its //jwtvet:ignore comments, and what jwtvet
	// reports there.
	ignores := ignoreDirectives(t, fixture)
	stripped := copyDir(t, fixture)
	stripIgnores(t, fixture, stripped, ignores)
	unsuppressed := standalone(t, stripped, nil)

	t.Run("fixture markers", func(t *testing.T) {
		checkMarkers(t, fixture, stripped, unsuppressed)
	})

	t.Run("exit codes", func(t *testing.T) {
		if len(run.issues) == 0 {
			t.Errorf("exit code with issues not checked: no issues (exit %d)", run.exit)
		} else if run.exit != 1 {
			t.Errorf("exit code %d with %d issues, want 1\n%s", run.exit, len(run.issues), run.stderr)
		}
		r := runGCL(t, fixture, lintConfig(t, nil, allIssues), "--issues-exit-code=7", "./...")
		if len(r.issues) > 0 && r.exit != 7 {
			t.Errorf("--issues-exit-code=7: exit %d with %d issues\n%s", r.exit, len(r.issues), r.stderr)
		}
		clean := runGCL(t, fixture, lintConfig(t, nil, allIssues), "--issues-exit-code=7", "./clean/...")
		if clean.exit != 0 || len(clean.issues) != 0 {
			t.Errorf("package clean: exit %d, issues %v, want exit 0 and none\n%s", clean.exit, keys(clean.issues), clean.stderr)
		}
	})

	t.Run("nolint", func(t *testing.T) {
		if len(nolint) == 0 {
			t.Fatal("the fixture has no //nolint:jwtvet line")
		}
		for line := range nolint {
			if len(findingsOn(base, line)) == 0 {
				t.Errorf("%s: standalone jwtvet reports nothing on the //nolint line, so it proves nothing", line)
			}
			for _, is := range run.issues {
				if lineKey(is.Pos.Filename, is.Pos.Line) == line {
					t.Errorf("%s: reported despite //nolint:jwtvet", is.key())
				}
			}
		}
	})

	t.Run("nolint naming a rule", func(t *testing.T) {
		lines := commentLines(t, fixture, "//nolint:hardcodedkey")
		if len(lines) == 0 {
			t.Fatal("the fixture has no //nolint:hardcodedkey line")
		}
		for _, line := range lines {
			if !hasRule(findingsOn(base, line), "hardcodedkey") {
				t.Errorf("%s: standalone jwtvet reports no hardcodedkey, so the line proves nothing", line)
			}
			if !slices.ContainsFunc(run.issues, func(is gclIssue) bool {
				return lineKey(is.Pos.Filename, is.Pos.Line) == line && strings.HasPrefix(is.Text, "hardcodedkey: ")
			}) {
				t.Errorf("%s: //nolint:hardcodedkey silenced the finding; golangci-lint knows no such linter", line)
			}
		}
		const warning = "Found unknown linters in //nolint directives: hardcodedkey"
		if !strings.Contains(run.stderr, warning) {
			t.Errorf("stderr lacks %q:\n%s", warning, run.stderr)
		}
	})

	t.Run("exclusion rule on the analyzer prefix", func(t *testing.T) {
		rule := "  exclusions:\n    rules:\n      - linters: [jwtvet]\n        text: \"^hardcodedkey: \"\n"
		r := runGCL(t, fixture, lintConfigWith(t, nil, rule, allIssues), "./...")
		var rest []expectedIssue
		for _, w := range want {
			if !strings.HasPrefix(w.text, "hardcodedkey: ") {
				rest = append(rest, w)
			}
		}
		if len(rest) == len(want) {
			t.Error("no hardcodedkey finding to exclude")
		}
		sameIssues(t, rest, r)
	})

	t.Run("jwtvet:ignore", func(t *testing.T) {
		if len(ignores) == 0 {
			t.Fatal("the fixture has no //jwtvet:ignore line")
		}
		for _, ig := range ignores {
			// The directive covers its own line and the next one.
			lines := []string{lineKey(ig.file, ig.line), lineKey(ig.file, ig.line+1)}
			for _, rule := range ig.rules {
				if !hasRule(findingsOn(unsuppressed, rebase(lines[0], fixture, stripped)), rule) &&
					!hasRule(findingsOn(unsuppressed, rebase(lines[1], fixture, stripped)), rule) {
					t.Errorf("%s: without the directive jwtvet reports no %s here, so it proves nothing", lines[0], rule)
				}
				for _, at := range lines {
					if hasRule(findingsOn(base, at), rule) {
						t.Errorf("%s: standalone jwtvet reports %s despite //jwtvet:ignore", at, rule)
					}
					for _, is := range run.issues {
						if lineKey(is.Pos.Filename, is.Pos.Line) == at && strings.HasPrefix(is.Text, rule+":") {
							t.Errorf("%s: reported despite //jwtvet:ignore %s", is.key(), rule)
						}
					}
				}
			}
		}
	})

	t.Run("uniq-by-line", func(t *testing.T) {
		perLine := map[string]int{}
		for _, w := range want {
			perLine[w.line]++
		}
		var multi []string
		for line, n := range perLine {
			if n > 1 {
				multi = append(multi, line)
			}
		}
		if len(multi) == 0 {
			t.Error("no line of the fixture has two findings")
		}
		// issues.uniq-by-line: false (the allIssues config) shows them all.
		shown := map[string]int{}
		for _, is := range run.issues {
			shown[lineKey(is.Pos.Filename, is.Pos.Line)]++
		}
		for _, line := range multi {
			if shown[line] != perLine[line] {
				t.Errorf("%s: uniq-by-line false shows %d of %d findings", line, shown[line], perLine[line])
			}
		}
		// golangci-lint's default keeps one issue per line.
		r := runGCL(t, fixture, lintConfig(t, nil, "issues:\n  max-issues-per-linter: 0\n  max-same-issues: 0\n"), "./...")
		wantKeys := map[string]bool{}
		for _, w := range want {
			wantKeys[w.key] = true
		}
		shown = map[string]int{}
		for _, is := range r.issues {
			shown[lineKey(is.Pos.Filename, is.Pos.Line)]++
			if !wantKeys[is.key()] {
				t.Errorf("default uniq-by-line: unexpected issue %s", is.key())
			}
		}
		for line := range perLine {
			if shown[line] != 1 {
				t.Errorf("%s: default uniq-by-line shows %d issues, want 1", line, shown[line])
			}
		}
	})

	t.Run("disable setting", func(t *testing.T) {
		conf := map[string]any{"disable": []string{"hardcodedkey"}}
		r := runGCL(t, fixture, lintConfig(t, conf, allIssues), "./...")
		sameIssues(t, expectedIssues(standalone(t, fixture, conf), nolint), r)
		before := 0
		for _, w := range want {
			if w.analyzer == "hardcodedkey" {
				before++
			}
		}
		if before == 0 {
			t.Error("no hardcodedkey finding by default, so disabling it changes nothing")
		}
		for _, is := range r.issues {
			if strings.HasPrefix(is.Text, "hardcodedkey") {
				t.Errorf("disabled analyzer reported: %s", is.key())
			}
		}
	})

	t.Run("tests setting", func(t *testing.T) {
		if analyzers.Lookup("hardcodedkey").Flags.Lookup("tests") == nil {
			t.Skip("hardcodedkey has no tests flag yet")
		}
		conf := map[string]any{"hardcodedkey": map[string]any{"tests": true}}
		r := runGCL(t, fixture, lintConfig(t, conf, allIssues), "./...")
		sameIssues(t, expectedIssues(standalone(t, fixture, conf), nolint), r)
		inTests := func(issues []gclIssue) int {
			n := 0
			for _, is := range issues {
				if strings.HasSuffix(is.Pos.Filename, "_test.go") && strings.HasPrefix(is.Text, "hardcodedkey:") {
					n++
				}
			}
			return n
		}
		if n := inTests(run.issues); n != 0 {
			t.Errorf("by default hardcodedkey reports %d findings in _test.go files, want 0", n)
		}
		if inTests(r.issues) == 0 {
			t.Error("with tests: true hardcodedkey reports nothing in _test.go files")
		}
	})

	t.Run("misspelt settings", func(t *testing.T) {
		for _, tc := range []struct {
			conf map[string]any
			want []string
		}{
			{map[string]any{"hardcodedkey": map[string]any{"testz": true}}, []string{"settings.hardcodedkey.testz", "unknown flag"}},
			{map[string]any{"hardcodedky": map[string]any{"tests": true}}, []string{"settings.hardcodedky", "unknown setting"}},
			{map[string]any{"disable": []string{"weakky"}}, []string{"settings.disable", `unknown analyzer "weakky"`}},
		} {
			r := runGCL(t, fixture, lintConfig(t, tc.conf, allIssues), "./...")
			if r.exit != 3 {
				t.Errorf("settings %v: exit %d, want 3", tc.conf, r.exit)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("settings %v: stderr does not contain %q:\n%s", tc.conf, w, r.stderr)
				}
			}
			if len(r.issues) != 0 {
				t.Errorf("settings %v: issues reported: %v", tc.conf, keys(r.issues))
			}
		}
	})

	t.Run("fix", func(t *testing.T) {
		dir := copyDir(t, fixture)
		r := runGCL(t, dir, lintConfig(t, nil, allIssues), "--fix", "./...")
		if strings.Contains(r.stderr, "are skipped") {
			t.Errorf("golangci-lint skipped jwtvet fixes:\n%s", r.stderr)
		}
		fixed, changed := 0, 0
		var remaining []expectedIssue
		editsByFile := map[string][]textEdit{}
		for _, f := range base {
			if nolint[f.line] {
				continue
			}
			if len(f.edits) == 0 {
				remaining = append(remaining, f.issues...)
				continue
			}
			fixed++
			editsByFile[f.file] = append(editsByFile[f.file], f.edits...)
		}
		if fixed == 0 {
			t.Error("no jwtvet finding on the fixture offers a fix")
		}
		err := filepath.WalkDir(fixture, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			orig, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			wantText := orig
			if edits := editsByFile[path]; len(edits) > 0 {
				applied, err := applyEdits(orig, edits)
				if err != nil {
					t.Errorf("%s: %v", path, err)
					return nil
				}
				if wantText, err = format.Source(applied); err != nil {
					t.Errorf("%s: jwtvet's fixes do not give valid Go: %v\n%s", path, err, applied)
					return nil
				}
			}
			got, err := os.ReadFile(rebase(path, fixture, dir))
			if err != nil {
				return err
			}
			if string(got) != string(orig) {
				changed++
			}
			if string(got) != string(wantText) {
				t.Errorf("%s after --fix:\n%s\nwant (jwtvet's fixes applied, gofmt):\n%s", path, got, wantText)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("--fix applied the fixes of %d findings, changing %d files", fixed, changed)
		for i := range remaining {
			remaining[i].key = strings.Replace(remaining[i].key, fixture+string(filepath.Separator), dir+string(filepath.Separator), 1)
		}
		sameIssues(t, remaining, r)
		wantExit := 0
		if len(r.issues) > 0 {
			wantExit = 1
		}
		if r.exit != wantExit {
			t.Errorf("--fix: exit %d with %d remaining issues, want %d\n%s", r.exit, len(r.issues), wantExit, r.stderr)
		}
		if _, err := goCmd(t, dir, "vet", "./..."); err != nil {
			t.Errorf("the fixed module does not build: %v", err)
		}
	})
}

// fixtureDir is the absolute, symlink-free path of testdata/.
func fixtureDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if dir, err = filepath.EvalSymlinks(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// finding is one diagnostic of standalone jwtvet.
type finding struct {
	analyzer string
	file     string
	line     string // lineKey of the position
	issues   []expectedIssue
	edits    []textEdit // every edit of every fix, within the finding's file
}

// expectedIssue is an issue golangci-lint should print for a finding.
type expectedIssue struct {
	key      string // as gclIssue.key
	text     string // as gclIssue.Text
	line     string // lineKey
	analyzer string
}

type textEdit struct {
	start, end int
	text       string
}

func lineKey(file string, line int) string { return fmt.Sprintf("%s:%d", file, line) }

// standalone runs the jwtvet analyzers configured by conf (plugin settings)
// on dir/... in process with go/analysis/checker, loading tests as
// golangci-lint does by default.
func standalone(t *testing.T, dir string, conf any) []finding {
	t.Helper()
	p, err := newPlugin(conf, analyzers.Suite())
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := resetFlags(analyzers.Suite()); err != nil {
			t.Error(err)
		}
	}()
	as, _ := p.BuildAnalyzers()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Tests: true, Env: goEnv()}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	var loadErrs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			loadErrs = append(loadErrs, e.Error())
		}
	})
	if len(loadErrs) > 0 {
		t.Fatalf("loading %s:\n%s", dir, strings.Join(loadErrs, "\n"))
	}
	graph, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []finding
	seen := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s on %s: %v", act.Analyzer.Name, act.Package.ID, act.Err)
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			pos := fset.Position(d.Pos)
			text := act.Analyzer.Name + ": " + d.Message
			key := fmt.Sprintf("%s:%d:%d: %s (%s)", pos.Filename, pos.Line, pos.Column, text, Name)
			if seen[key] { // the package and its test variant
				continue
			}
			seen[key] = true
			f := finding{analyzer: act.Analyzer.Name, file: pos.Filename, line: lineKey(pos.Filename, pos.Line)}
			f.issues = append(f.issues, expectedIssue{key: key, text: text, line: f.line, analyzer: f.analyzer})
			// golangci-lint prints related information as issues of their
			// own, at the diagnostic's position when in another file.
			for _, rel := range d.Related {
				rp := fset.Position(rel.Pos)
				if rp.Filename != pos.Filename {
					rp = pos
				}
				relText := act.Analyzer.Name + "(related information): " + rel.Message
				f.issues = append(f.issues, expectedIssue{
					key:      fmt.Sprintf("%s:%d:%d: %s (%s)", rp.Filename, rp.Line, rp.Column, relText, Name),
					text:     relText,
					line:     lineKey(rp.Filename, rp.Line),
					analyzer: f.analyzer,
				})
			}
			// golangci-lint applies every edit of every suggested fix,
			// dropping those outside the diagnostic's file.
			file := fset.File(d.Pos)
			for _, sf := range d.SuggestedFixes {
				for _, e := range sf.TextEdits {
					end := e.End
					if !end.IsValid() {
						end = e.Pos
					}
					if fset.File(e.Pos) != file || fset.File(end) != file {
						continue
					}
					f.edits = append(f.edits, textEdit{file.Offset(e.Pos), file.Offset(end), string(e.NewText)})
				}
			}
			out = append(out, f)
		}
	}
	return out
}

// expectedIssues is what golangci-lint should print for findings, less the
// lines silenced by //nolint.
func expectedIssues(findings []finding, nolint map[string]bool) []expectedIssue {
	var out []expectedIssue
	seen := map[string]bool{}
	for _, f := range findings {
		for _, is := range f.issues {
			if nolint[is.line] || seen[is.key] {
				continue
			}
			seen[is.key] = true
			out = append(out, is)
		}
	}
	return out
}

func findingsOn(findings []finding, line string) []finding {
	var out []finding
	for _, f := range findings {
		if f.line == line {
			out = append(out, f)
		}
	}
	return out
}

func hasRule(findings []finding, rule string) bool {
	return slices.ContainsFunc(findings, func(f finding) bool { return f.analyzer == rule })
}

func keys(issues []gclIssue) []string {
	var out []string
	for _, is := range issues {
		out = append(out, is.key())
	}
	sort.Strings(out)
	return out
}

// sameIssues checks that golangci-lint printed exactly the expected issues
// (as sets: the order is golangci-lint's).
func sameIssues(t *testing.T, want []expectedIssue, r gclRun) {
	t.Helper()
	wantSet := map[string]bool{}
	for _, w := range want {
		wantSet[w.key] = true
	}
	gotSet := map[string]bool{}
	for _, k := range keys(r.issues) {
		gotSet[k] = true
	}
	var missing, extra []string
	for k := range wantSet {
		if !gotSet[k] {
			missing = append(missing, k)
		}
	}
	for k := range gotSet {
		if !wantSet[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing)+len(extra) > 0 {
		t.Errorf("golangci-lint and standalone jwtvet differ\nonly standalone:\n\t%s\nonly golangci-lint:\n\t%s\nstderr:\n%s",
			strings.Join(missing, "\n\t"), strings.Join(extra, "\n\t"), r.stderr)
	}
}

// parseDir parses every .go file under dir with comments.
func parseDir(t *testing.T, dir string) (*token.FileSet, map[string]*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		files[path] = f
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fset, files
}

// commentLines returns the lines (lineKey) of the comments under dir that
// start with prefix.
func commentLines(t *testing.T, dir, prefix string) []string {
	t.Helper()
	fset, files := parseDir(t, dir)
	var out []string
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if strings.HasPrefix(c.Text, prefix) {
					pos := fset.Position(c.Pos())
					out = append(out, lineKey(pos.Filename, pos.Line))
				}
			}
		}
	}
	return out
}

var nolintRE = regexp.MustCompile(`^nolint( |:|$)`)

// nolintLines returns the lines (lineKey) where a //nolint comment silences
// jwtvet. Only the trailing form is modelled: a //nolint on a line of its
// own silences the whole statement or declaration that follows.
func nolintLines(t *testing.T, dir string) map[string]bool {
	t.Helper()
	fset, files := parseDir(t, dir)
	out := map[string]bool{}
	for path, f := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				text := strings.TrimLeft(c.Text, "/ ")
				if !nolintRE.MatchString(text) {
					continue
				}
				pos := fset.Position(c.Pos())
				lineStart := pos.Offset - (pos.Column - 1)
				if strings.TrimSpace(string(src[lineStart:pos.Offset])) == "" {
					t.Fatalf("%s: the test models only //nolint at the end of a line", pos)
				}
				linters, _, _ := strings.Cut(strings.TrimPrefix(text, "nolint"), "//")
				linters = strings.TrimPrefix(strings.TrimSpace(linters), ":")
				if linters == "" || slices.ContainsFunc(strings.Split(linters, ","), func(l string) bool {
					l = strings.ToLower(strings.TrimSpace(l))
					return l == Name || l == "all"
				}) {
					out[lineKey(path, pos.Line)] = true
				}
			}
		}
	}
	return out
}

type ignoreDirective struct {
	file  string
	line  int
	rules []string
	pos   token.Position
	text  string
}

// ignoreDirectives finds the //jwtvet:ignore comments under dir.
func ignoreDirectives(t *testing.T, dir string) []ignoreDirective {
	t.Helper()
	fset, files := parseDir(t, dir)
	var out []ignoreDirective
	for path, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, "//jwtvet:ignore ")
				if !ok {
					continue
				}
				pos := fset.Position(c.Pos())
				fields := strings.Fields(rest)
				out = append(out, ignoreDirective{file: path, line: pos.Line, rules: strings.Split(fields[0], ","), pos: pos, text: c.Text})
			}
		}
	}
	return out
}

// stripIgnores removes the //jwtvet:ignore comments found in the fixture
// from its copy dir, keeping every line where it was.
func stripIgnores(t *testing.T, fixture, dir string, ignores []ignoreDirective) {
	t.Helper()
	byFile := map[string][]ignoreDirective{}
	for _, ig := range ignores {
		byFile[ig.file] = append(byFile[ig.file], ig)
	}
	for file, igs := range byFile {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		sort.Slice(igs, func(i, j int) bool { return igs[i].pos.Offset > igs[j].pos.Offset })
		for _, ig := range igs {
			src = append(src[:ig.pos.Offset:ig.pos.Offset], src[ig.pos.Offset+len(ig.text):]...)
		}
		if err := os.WriteFile(rebase(file, fixture, dir), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkMarkers checks the fixture's "// fixture: RULE..." comments: in
// stripped, the fixture without its //jwtvet:ignore comments, standalone
// jwtvet reports (plain) each named rule on the line after the comment. A
// hardcodedkey marker in a _test.go file needs the analyzer's tests flag.
func checkMarkers(t *testing.T, fixture, stripped string, plain []finding) {
	var withTests []finding
	testsFlag := analyzers.Lookup("hardcodedkey").Flags.Lookup("tests") != nil
	if testsFlag {
		withTests = standalone(t, stripped, map[string]any{"hardcodedkey": map[string]any{"tests": true}})
	}
	fset, files := parseDir(t, stripped)
	n := 0
	for path, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, "// fixture: ")
				if !ok {
					continue
				}
				line := lineKey(path, fset.Position(c.Pos()).Line+1)
				for _, rule := range strings.Fields(rest) {
					n++
					if analyzers.Lookup(rule) == nil {
						t.Errorf("%s: marker names unknown analyzer %q", line, rule)
						continue
					}
					if rule == "hardcodedkey" && strings.HasSuffix(path, "_test.go") {
						if hasRule(findingsOn(plain, line), rule) {
							t.Errorf("%s: hardcodedkey reports in a _test.go file without its tests flag", rebase(line, stripped, fixture))
						}
						if !testsFlag {
							t.Logf("%s: hardcodedkey marker not checked: no tests flag yet", rebase(line, stripped, fixture))
						} else if !hasRule(findingsOn(withTests, line), rule) {
							t.Errorf("%s: no hardcodedkey finding with tests: true", rebase(line, stripped, fixture))
						}
						continue
					}
					if !hasRule(findingsOn(plain, line), rule) {
						t.Errorf("%s: standalone jwtvet reports no %s finding", rebase(line, stripped, fixture), rule)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Error("the fixture has no markers")
	}
}

// applyEdits applies edits (byte offsets) to src the way golangci-lint
// does: identical edits count once, overlapping ones are an error.
func applyEdits(src []byte, edits []textEdit) ([]byte, error) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b textEdit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	edits = slices.Compact(edits)
	for i := 1; i < len(edits); i++ {
		if edits[i-1].end > edits[i].start {
			return nil, fmt.Errorf("jwtvet fixes overlap (%d-%d and %d-%d): golangci-lint would skip every jwtvet fix in the file",
				edits[i-1].start, edits[i-1].end, edits[i].start, edits[i].end)
		}
	}
	var out []byte
	last := 0
	for _, e := range edits {
		out = append(out, src[last:e.start]...)
		out = append(out, e.text...)
		last = e.end
	}
	return append(out, src[last:]...), nil
}

// copyDir copies the fixture module into a new temporary directory.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	if d, err := filepath.EvalSymlinks(dst); err == nil {
		dst = d
	}
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := rebase(path, src, dst)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// rebase moves path from under dir from to under dir to.
func rebase(path, from, to string) string {
	rel, err := filepath.Rel(from, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return path
	}
	return filepath.Join(to, rel)
}
