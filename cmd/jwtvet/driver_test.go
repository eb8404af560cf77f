package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/jwtvet/jwtvet/analyzers"
	"github.com/jwtvet/jwtvet/internal/engine"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixture is the driver test module (its own go.mod, no dependencies).
var fixture = filepath.Join("testdata", "mod")

type outcome struct {
	code           int
	stdout, stderr string
}

// jwtvet runs the standalone driver with the test rules.
func jwtvet(t *testing.T, args ...string) outcome {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr, testSuite, testCWE)
	return outcome{code, stdout.String(), stderr.String()}
}

// transcript renders an outcome for a golden file, with the machine's
// absolute paths replaced so the file is the same everywhere.
func (o outcome) transcript(t *testing.T, root string) string {
	abs, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	r := strings.NewReplacer(fileURI(abs)+"/", "file:///ROOT/", abs, "$ROOT")
	return fmt.Sprintf("exit %d\n-- stdout --\n%s-- stderr --\n%s", o.code, r.Replace(o.stdout), r.Replace(o.stderr))
}

// golden compares got with testdata/golden/name, or rewrites it under
// -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test -update if the change is intended):\n%s",
			path, unifiedDiff("want", "got", want, []byte(got)))
	}
}

func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
	}{
		// Output formats; app has a test variant, so its findings must
		// appear once each.
		{"text", []string{"./app", "./nested", "./clean"}, exitFindings},
		{"text-context", []string{"-c=1", "./nested", "./app"}, exitFindings},
		{"json", []string{"-json", "./app", "./nested"}, exitFindings},
		{"sarif", []string{"-format=sarif", "./app", "./nested"}, exitFindings},
		{"clean-text", []string{"./clean"}, exitClean},
		{"clean-json", []string{"-format=json", "./clean"}, exitClean},
		{"clean-sarif", []string{"-format", "sarif", "./clean"}, exitClean},

		// Selection, analyzer flags and -test.
		{"no-tests", []string{"-test=false", "./app"}, exitFindings},
		{"enable-one", []string{"-magicword", "./app"}, exitFindings},
		{"disable-one", []string{"-magicword=false", "./app"}, exitFindings},
		{"analyzer-flag", []string{"-magicword", "-magicword.word=clé", "./app"}, exitFindings},
		{"tags", []string{"-tags=special", "./tagged"}, exitFindings},
		{"tags-unset", []string{"./tagged"}, exitLoad},

		// -fail decides the exit code, not what is printed.
		{"fail-other-rule", []string{"-fail=magicword", "./nested"}, exitClean},
		{"fail-all-but", []string{"-fail=all,-dangercall", "./nested"}, exitClean},
		{"fail-named", []string{"-fail=magicword,dangercall", "./nested"}, exitFindings},
		{"fail-none-json", []string{"-fail=", "-json", "./nested"}, exitClean},
		{"fail-sarif", []string{"-format=sarif", "-fail=dangercall", "./nested"}, exitFindings},

		// Packages that cannot be analyzed.
		{"type-error", []string{"./broken", "./nested"}, exitLoad},
		{"no-match", []string{"./empty/..."}, exitLoad},
		{"bad-pattern", []string{"./nosuch/..."}, exitLoad},
		{"no-dir", []string{"./nosuchdir"}, exitLoad},
		{"no-module", []string{"example.com/not/required"}, exitLoad},
		{"analyzer-error", []string{"-dangercall.failon=nested", "./nested"}, exitLoad},
		{"type-error-sarif", []string{"-format=sarif", "./broken", "./nested"}, exitLoad},
		{"analyzer-error-sarif", []string{"-format=sarif", "-dangercall.failon=nested", "./nested", "./app"}, exitLoad},

		// Help.
		{"usage", []string{"-h"}, exitClean},
		{"help", []string{"help"}, exitClean},
		{"help-rule", []string{"help", "dangercall", "magicword"}, exitClean},
		{"explain", []string{"-explain", "magicword"}, exitClean},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := jwtvet(t, append([]string{"-C", fixture}, tc.args...)...)
			if got.code != tc.code {
				t.Errorf("jwtvet %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(tc.args, " "), got.code, tc.code, got.stdout, got.stderr)
			}
			golden(t, tc.name+".golden", got.transcript(t, fixture))
			switch {
			case slices.Contains(tc.args, "-json"), slices.Contains(tc.args, "-format=json"):
				var v map[string]any
				if err := json.Unmarshal([]byte(got.stdout), &v); err != nil {
					t.Errorf("-json output is not JSON: %v", err)
				}
			case slices.Contains(tc.args, "sarif"), slices.Contains(tc.args, "-format=sarif"):
				validateSARIF(t, []byte(got.stdout))
			}
		})
	}
}

// Usage errors exit 2 with one line on stderr and nothing on stdout.
func TestUsageErrors(t *testing.T) {
	cases := [][]string{
		{"-nosuchflag", "./..."},
		{"-format=xml", "./..."},
		{"-json", "-format=sarif", "./..."},
		{"-fail=nosuch", "./..."},
		{"-fail=all,-nosuch", "./..."},
		{"-explain", "nosuch"},
		{"-explain"},
		{"help", "nosuch"},
		{"-diff", "./..."},
		{"-magicword=maybe", "./..."},
		{"-c=-2", "./..."},
		{"-C", "testdata/nosuchdir", "./..."},
		{"-C", "testdata/README.md", "./..."},
		{},
	}
	var transcript strings.Builder
	for _, args := range cases {
		got := jwtvet(t, args...)
		if got.code != exitUsage {
			t.Errorf("jwtvet %q: exit %d, want %d", args, got.code, exitUsage)
		}
		if got.stdout != "" {
			t.Errorf("jwtvet %q: wrote to stdout:\n%s", args, got.stdout)
		}
		if strings.Count(got.stderr, "\n") != 1 || !strings.HasSuffix(got.stderr, "\n") || !strings.HasPrefix(got.stderr, "jwtvet: ") {
			t.Errorf("jwtvet %q: want one line on stderr starting with \"jwtvet: \", got:\n%s", args, got.stderr)
		}
		fmt.Fprintf(&transcript, "jwtvet %s\n\t%s", strings.Join(args, " "), got.stderr)
	}
	golden(t, "usage-errors.golden", transcript.String())
}

// The real rules' flags refuse values that would silently turn a check
// off: a usage error, exit 2, naming the flag, before anything is loaded.
func TestRuleFlagsValidated(t *testing.T) {
	for _, arg := range []string{
		"-weakkey.minbytes=-5",
		"-weakkey.minbytes=0",
		"-weakkey.minrsabits=0",
		"-noexp.maxleeway=-1h",
		"-noexp.maxleeway=0",
		"-noexp.maxleeway=forever",
	} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"-C", fixture, arg, "./clean"}, &stdout, &stderr, analyzers.Suite(), analyzers.CWE)
		name, _, _ := strings.Cut(arg, "=")
		if code != exitUsage || stdout.Len() > 0 || strings.Count(stderr.String(), "\n") != 1 ||
			!strings.Contains(stderr.String(), "invalid value") || !strings.Contains(stderr.String(), "flag "+name+":") {
			t.Errorf("jwtvet %s: exit %d, stdout %q, stderr %q; want exit 2 and one line naming the flag", arg, code, stdout.String(), stderr.String())
		}
	}
	// Valid values still parse, and the next run starts from defaults.
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-C", fixture, "-weakkey.minbytes=48", "-noexp.maxleeway=5m", "./clean"}, &stdout, &stderr, analyzers.Suite(), analyzers.CWE); code != exitClean {
		t.Errorf("valid rule flags: exit %d\n%s", code, stderr.String())
	}
}

func TestVersion(t *testing.T) {
	for _, flag := range []string{"-V", "-version"} {
		got := jwtvet(t, flag)
		if got.code != exitClean || !strings.HasPrefix(got.stdout, "jwtvet version ") || got.stderr != "" {
			t.Errorf("jwtvet %s = %+v, want exit 0 and a version line", flag, got)
		}
	}
}

// The go vet protocol is recognised; ordinary command lines are not.
func TestVetProtocol(t *testing.T) {
	for args, want := range map[string]bool{
		"-flags":                         true,
		"-V=full":                        true,
		"-json -fix /tmp/b001/vet.cfg":   true,
		"-weakkey.minbytes=40 vet.cfg":   true,
		"-V":                             false,
		"-version":                       false,
		"./...":                          false,
		"-json -fix ./...":               false,
		"-C dir -format=sarif ./a ./b":   false,
		"-- -flags":                      false,
		"help weakkey":                   false,
		"-explain weakkey":               false,
		"-fail=weakkey,-algnone ./...":   false,
		"-hardcodedkey -weakkey=false .": false,
	} {
		if got := vetProtocol(strings.Fields(args)); got != want {
			t.Errorf("vetProtocol(%q) = %v, want %v", args, got, want)
		}
	}
}

// Flags may follow the patterns, and "--" ends the flags.
func TestInterspersedFlags(t *testing.T) {
	before := jwtvet(t, "-C", fixture, "-json", "./nested")
	after := jwtvet(t, "-C", fixture, "./nested", "-json")
	if before != after {
		t.Errorf("flags after the patterns changed the result:\nbefore: %+v\nafter:  %+v", before, after)
	}
	got := jwtvet(t, "-C", fixture, "--", "-json")
	if got.code != exitLoad {
		t.Errorf("after --, -json should be a package pattern: %+v", got)
	}
}

// Analyzer flags are shared process-wide values; each run starts from
// their defaults.
func TestAnalyzerFlagsReset(t *testing.T) {
	first := jwtvet(t, "-C", fixture, "-magicword", "./app")
	jwtvet(t, "-C", fixture, "-magicword", "-magicword.word=clé", "./app")
	again := jwtvet(t, "-C", fixture, "-magicword", "./app")
	if first != again {
		t.Errorf("-magicword.word leaked into the next run:\nfirst: %+v\nagain: %+v", first, again)
	}
	if magic != "magic" {
		t.Errorf("magicword.word = %q after the runs", magic)
	}
}

// A diagnostic in a file shared by a package and its test variant is
// reported once, under the plain package.
func TestDedupeTestVariants(t *testing.T) {
	root, err := filepath.Abs(fixture)
	if err != nil {
		t.Fatal(err)
	}
	got := jwtvet(t, "-C", fixture, "-json", "./app")
	var tree map[string]map[string][]jsonDiagnostic
	if err := json.Unmarshal([]byte(got.stdout), &tree); err != nil {
		t.Fatal(err)
	}
	seen := make(map[string]string)
	for pkg, byRule := range tree {
		for rule, diags := range byRule {
			for _, d := range diags {
				key := rule + " " + d.Posn
				if prev, ok := seen[key]; ok {
					t.Errorf("%s reported twice, in %s and %s", key, prev, pkg)
				}
				seen[key] = pkg
				if strings.HasPrefix(d.Posn, filepath.Join(root, "app", "app.go")) && pkg != "jwtvet.test/driver/app" {
					t.Errorf("%s reported under %s, want the plain package", key, pkg)
				}
			}
		}
	}
	if _, ok := seen["dangercall "+filepath.Join(root, "app", "app_test.go")+":10:19"]; !ok {
		t.Errorf("the finding in app_test.go is missing: %v", seen)
	}
	if len(seen) != 5 {
		t.Errorf("got %d distinct findings, want 5 (3 dangercall, 2 magicword): %v", len(seen), seen)
	}
}

// The -json output is what checker.Graph.PrintJSON prints (the tree go
// vet -json and multichecker -json print), absolute file names included.
// Without test variants the two must agree exactly.
func TestJSONMatchesPrintJSON(t *testing.T) {
	root, err := filepath.Abs(fixture)
	if err != nil {
		t.Fatal(err)
	}
	patterns := []string{"./app", "./nested"}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax, Dir: root}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze(testSuite, pkgs, &checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var reference bytes.Buffer
	if err := graph.PrintJSON(&reference); err != nil {
		t.Fatal(err)
	}
	want := reference.String()
	if !strings.Contains(want, `"posn": "`+root+string(filepath.Separator)) {
		t.Fatalf("PrintJSON does not print absolute file names:\n%s", want)
	}

	got := jwtvet(t, append([]string{"-C", fixture, "-test=false", "-json"}, patterns...)...)
	var wantTree, gotTree any
	if err := json.Unmarshal([]byte(want), &wantTree); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(got.stdout), &gotTree); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotTree, wantTree) {
		t.Errorf("-json differs from PrintJSON:\n%s", unifiedDiff("PrintJSON", "jwtvet -json", []byte(want), []byte(got.stdout)))
	}
}

// copyFixture copies testdata/mod to a temporary directory, for runs that
// change files.
func copyFixture(t *testing.T) string {
	t.Helper()
	return copyDir(t, fixture)
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// goCommand runs the go command in dir and fails the test if it fails.
func goCommand(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return string(out)
}

func TestFix(t *testing.T) {
	dir := copyFixture(t)
	got := jwtvet(t, "-C", dir, "-fix", "./app")
	// The magicword findings have no fix: they are printed and keep the
	// exit code at 1.
	if got.code != exitFindings {
		t.Errorf("-fix with unfixable findings: exit %d, want %d", got.code, exitFindings)
	}
	golden(t, "fix.golden", got.transcript(t, dir))
	golden(t, "fix-app.go.golden", readFile(t, filepath.Join(dir, "app", "app.go")))
	golden(t, "fix-app_test.go.golden", readFile(t, filepath.Join(dir, "app", "app_test.go")))
	// The fixed code (one import added once for two fixes) compiles,
	// tests included.
	goCommand(t, dir, "vet", "./app")

	again := jwtvet(t, "-C", dir, "-dangercall", "./app")
	if again.code != exitClean || again.stdout != "" {
		t.Errorf("after -fix, dangercall still reports:\n%+v", again)
	}

	// When every failing finding gets fixed, -fix exits 0.
	dir = copyFixture(t)
	if got := jwtvet(t, "-C", dir, "-fix", "-fail=dangercall", "./app"); got.code != exitClean {
		t.Errorf("-fix -fail=dangercall: exit %d, want 0 (all dangercall findings fixed)\n%+v", got.code, got)
	}
	if got := jwtvet(t, "-C", dir, "./app"); strings.Contains(got.stdout, "dangercall") {
		t.Errorf("dangercall findings left after -fix:\n%s", got.stdout)
	}
}

// Overlapping fixes: the first is applied, the other skipped with a
// warning and reported, and a second run applies it.
func TestFixConflict(t *testing.T) {
	dir := copyFixture(t)
	got := jwtvet(t, "-C", dir, "-fix", "./nested")
	// The fix skipped for its conflict is applied by the next round of
	// the same run: -fix ends at the fixpoint.
	if got.code != exitClean || got.stdout != "" {
		t.Errorf("-fix with a skipped fix: %+v, want exit 0 and no findings left", got)
	}
	golden(t, "fix-conflict.golden", got.transcript(t, dir))
	golden(t, "fix-conflict-nested.go.golden", readFile(t, filepath.Join(dir, "nested", "nested.go")))
	if src := readFile(t, filepath.Join(dir, "nested", "nested.go")); !strings.Contains(src, "redact.Safe(redact.Safe(s))") {
		t.Errorf("after one -fix run nested.go is:\n%s", src)
	}

	before := readFile(t, filepath.Join(dir, "nested", "nested.go"))
	got = jwtvet(t, "-C", dir, "-fix", "./nested")
	if got.code != exitClean || got.stdout != "" || got.stderr != "" {
		t.Errorf("second -fix: %+v, want exit 0 and nothing to do", got)
	}
	if after := readFile(t, filepath.Join(dir, "nested", "nested.go")); after != before {
		t.Errorf("second -fix changed nested.go:\n%s", after)
	}
	goCommand(t, dir, "build", "./nested")
}

// -fix -diff prints a patch that git apply turns into what -fix writes,
// and changes nothing itself.
func TestFixDiff(t *testing.T) {
	diffDir := copyFixture(t)
	got := jwtvet(t, "-C", diffDir, "-fix", "-diff", "./app")
	if got.code != exitFindings {
		t.Errorf("-fix -diff: exit %d, want %d (nothing was written)", got.code, exitFindings)
	}
	golden(t, "fix-diff.golden", got.transcript(t, diffDir))
	for _, name := range []string{"app/app.go", "app/app_test.go"} {
		if readFile(t, filepath.Join(diffDir, name)) != readFile(t, filepath.Join(fixture, name)) {
			t.Errorf("-fix -diff changed %s", name)
		}
	}

	patch := filepath.Join(t.TempDir(), "fix.patch")
	if err := os.WriteFile(patch, []byte(got.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found: cannot check that the patch applies")
	}
	cmd := exec.Command("git", "apply", patch)
	cmd.Dir = diffDir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	fixDir := copyFixture(t)
	jwtvet(t, "-C", fixDir, "-fix", "./app")
	for _, name := range []string{"app/app.go", "app/app_test.go"} {
		if a, b := readFile(t, filepath.Join(diffDir, name)), readFile(t, filepath.Join(fixDir, name)); a != b {
			t.Errorf("%s: the patch and -fix disagree:\n%s", name, unifiedDiff("-fix", "patch", []byte(b), []byte(a)))
		}
	}
}

// With -fix, the other formats list only what is left.
func TestFixJSON(t *testing.T) {
	dir := copyFixture(t)
	got := jwtvet(t, "-C", dir, "-fix", "-json", "./app")
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(got.stdout), &tree); err != nil {
		t.Fatalf("%v\n%s", err, got.stdout)
	}
	for pkg, byRule := range tree {
		if _, ok := byRule["dangercall"]; ok {
			t.Errorf("%s: fixed dangercall findings still listed", pkg)
		}
		if _, ok := byRule["magicword"]; !ok {
			t.Errorf("%s: unfixable magicword findings missing", pkg)
		}
	}
}

// Generated files are reported but not edited.
func TestFixSkipsGenerated(t *testing.T) {
	dir := copyFixture(t)
	before := readFile(t, filepath.Join(dir, "gen", "gen.go"))
	got := jwtvet(t, "-C", dir, "-fix", "./gen")
	if got.code != exitFindings {
		t.Errorf("exit %d, want %d (the finding is left)", got.code, exitFindings)
	}
	if !strings.Contains(got.stderr, "gen/gen.go is generated code") || !strings.Contains(got.stdout, "gen/gen.go:10:") {
		t.Errorf("want a warning about generated code and the finding listed, got:\n%s%s", got.stdout, got.stderr)
	}
	if readFile(t, filepath.Join(dir, "gen", "gen.go")) != before {
		t.Errorf("gen.go was changed")
	}
}

// Fixes are not applied when packages have errors.
func TestFixRefusedOnErrors(t *testing.T) {
	dir := copyFixture(t)
	before := readFile(t, filepath.Join(dir, "nested", "nested.go"))
	got := jwtvet(t, "-C", dir, "-fix", "./nested", "./broken")
	if got.code != exitLoad {
		t.Errorf("exit %d, want %d", got.code, exitLoad)
	}
	if !strings.Contains(got.stderr, "not applying fixes") {
		t.Errorf("stderr does not say fixes were not applied:\n%s", got.stderr)
	}
	if readFile(t, filepath.Join(dir, "nested", "nested.go")) != before {
		t.Errorf("nested.go was changed")
	}
}

func TestUnifiedDiff(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"a\nb\n", "a\nb\n", ""},
		{"a\n", "b\n", "--- x\n+++ y\n@@ -1 +1 @@\n-a\n+b\n"},
		{"", "a\n", "--- x\n+++ y\n@@ -0,0 +1 @@\n+a\n"},
		{"a\nb", "a\nc", "--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\n3\n4\n5\nsix\n7\n8\n9\n10\n",
			"--- x\n+++ y\n@@ -3,7 +3,7 @@\n 3\n 4\n 5\n-6\n+six\n 7\n 8\n 9\n"},
		{"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "one\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\ntwelve\n",
			"--- x\n+++ y\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+twelve\n"},
		{"1\n2\n3\n", "1\n3\n", "--- x\n+++ y\n@@ -1,3 +1,2 @@\n 1\n-2\n 3\n"},
	} {
		if got := unifiedDiff("x", "y", []byte(tc.a), []byte(tc.b)); got != tc.want {
			t.Errorf("unifiedDiff(%q, %q) =\n%s\nwant\n%s", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestOverlaps(t *testing.T) {
	for _, tc := range []struct {
		a, b fileEdit
		want bool
	}{
		{fileEdit{0, 5, "x"}, fileEdit{5, 8, "y"}, false},
		{fileEdit{0, 5, "x"}, fileEdit{4, 8, "y"}, true},
		{fileEdit{3, 3, "x"}, fileEdit{3, 3, "y"}, false}, // both inserted, as x/tools merges them
		{fileEdit{3, 3, "x"}, fileEdit{0, 3, "y"}, false},
		{fileEdit{3, 3, "x"}, fileEdit{3, 6, "y"}, false},
		{fileEdit{4, 4, "x"}, fileEdit{3, 6, "y"}, true},
	} {
		if got := overlaps(tc.a, tc.b); got != tc.want {
			t.Errorf("overlaps(%v, %v) = %v", tc.a, tc.b, got)
		}
		if got := overlaps(tc.b, tc.a); got != tc.want {
			t.Errorf("overlaps(%v, %v) = %v", tc.b, tc.a, got)
		}
	}
}

// One cause met at many places is printed once, with the count of the
// other places; distinct causes are all printed.
func TestLoadErrorsOncePerCause(t *testing.T) {
	d := &driver{root: "/src"}
	pkg := &engine.Package{Package: &packages.Package{ID: "example.com/app/a"}}
	refused := "example.com/core@v1.0.0: reading example.com/core/@v/v1.0.0.zip: 403 Forbidden"
	errs := []engine.LoadError{
		{Package: pkg, Err: packages.Error{Pos: "/src/a/a.go:3:2", Msg: refused, Kind: packages.ListError}},
		{Package: pkg, Err: packages.Error{Pos: "/src/a/b.go:4:2", Msg: refused, Kind: packages.ListError}},
		{Package: pkg, Err: packages.Error{Pos: "-", Msg: refused, Kind: packages.ListError}},
		{Package: pkg, Err: packages.Error{Pos: "/src/a/c.go:9:1", Msg: "undefined: x", Kind: packages.TypeError}},
	}
	var got []string
	for _, e := range d.loadErrors(errs) {
		got = append(got, e.msg)
	}
	want := []string{
		"a/a.go:3:2: " + refused + " (and 2 more places)",
		"a/c.go:9:1: undefined: x",
	}
	if !slices.Equal(got, want) {
		t.Errorf("loadErrors:\n got %q\nwant %q", got, want)
	}
}
