package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jwtvet/jwtvet/internal/leak"
)

// The end-to-end tests build the real command and run it on the demo
// application (testdata/demo at the repository root) standalone and
// through go vet.

// demoFinding is a finding as both modes can report it.
type demoFinding struct {
	file    string // slash-separated, relative to the module root
	line    int
	col     int
	rule    string
	message string
}

func (f demoFinding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s (%s)", f.file, f.line, f.col, f.message, f.rule)
}

// expectedFinding is a line of expected.txt: "path:LINE: RULE [# note]".
type expectedFinding struct {
	file string
	line int
	rule string
}

func (f expectedFinding) String() string { return fmt.Sprintf("%s:%d: %s", f.file, f.line, f.rule) }

func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and runs go vet; skipped with -short")
	}
	demo, err := filepath.Abs(filepath.Join("..", "..", "testdata", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(demo, "go.mod")); err != nil {
		t.Skipf("no demo module: %v", err)
	}
	bin := buildCommand(t)
	// The demo requires the real JWT library; the runs below use
	// GOPROXY=off, so fetch it first.
	download(t, demo)

	t.Run("vet-protocol", func(t *testing.T) { testVetProtocol(t, bin) })

	var standalone []demoFinding
	outputs := make(map[string]string) // outputs on the demo, by command
	ran := t.Run("standalone-vs-vet", func(t *testing.T) {
		standalone = testStandaloneVsVet(t, bin, demo, outputs)
	})
	t.Run("expected", func(t *testing.T) {
		if standalone == nil && !ran {
			t.Skip("the standalone run failed")
		}
		testExpected(t, demo, standalone)
	})
	t.Run("suppression", func(t *testing.T) { testSuppression(t, bin, demo) })
	t.Run("no-secrets", func(t *testing.T) { testNoSecrets(t, bin, demo, outputs) })
	t.Run("fix", func(t *testing.T) { testFixModes(t, bin, demo) })
}

// No output format prints the demo's secret values (testdata/demo/
// secrets.txt): not the findings, not the -c context lines, not JSON or
// SARIF, not go vet's output. -fix -diff is a patch of the user's own
// files and must show the lines it removes to apply; it is held to a
// narrower rule: no secret on a line it adds, in a header or on stderr.
func testNoSecrets(t *testing.T, bin, demo string, outputs map[string]string) {
	secrets, err := leak.ReadSecrets(demo)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"-c", "3"}, {"-format=sarif"}} {
		res := command(t, demo, bin, append(args, "./...")...)
		if res.code != exitFindings {
			t.Errorf("jwtvet %s: exit %d\n%s", strings.Join(args, " "), res.code, res.stderr)
		}
		out := res.stdout
		if args[0] == "-format=sarif" {
			// The rules' documentation is the same for every code base
			// and names well-known weak secrets ("secret") on purpose;
			// what comes from the code is the rest of the log.
			var log sarifLog
			if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 {
				t.Fatalf("jwtvet -format=sarif: %v\n%s", err, out)
			}
			log.Runs[0].Tool.Driver.Rules = nil
			data, err := json.MarshalIndent(log, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			out = string(data)
		}
		outputs["jwtvet "+strings.Join(args, " ")] = out + res.stderr
	}
	if len(outputs) < 5 {
		t.Errorf("only %d outputs to check: %v", len(outputs), slices.Sorted(maps.Keys(outputs)))
	}
	for name, out := range outputs {
		if leaks := leak.Find(out, secrets); len(leaks) > 0 {
			t.Errorf("%s prints secret values:\n%s", name, strings.Join(leaks, "\n"))
		}
	}
	// The context lines are there, masked, so the check above is not
	// vacuous: the sharedkey finding's own line is the fallback literal.
	if c := outputs["jwtvet -c 3"]; !strings.Contains(c, `secret = "***"`) {
		t.Errorf("jwtvet -c 3 does not show the masked fallback literal:\n%s", c)
	}

	dir := copyDir(t, demo)
	res := command(t, dir, bin, "-fix", "-diff", "./...")
	if res.code > exitFindings {
		t.Fatalf("jwtvet -fix -diff: exit %d\n%s", res.code, res.stderr)
	}
	// A patch must carry the lines it removes and its context lines as
	// they are in the user's file, or it does not apply; what it adds and
	// its headers are the tool's own and hold no secret.
	removed := 0
	for _, line := range strings.Split(res.stdout, "\n") {
		if len(leak.Find(line, secrets)) == 0 {
			continue
		}
		if (strings.HasPrefix(line, "-") && !strings.HasPrefix(line, "---")) || strings.HasPrefix(line, " ") {
			removed++
			continue
		}
		t.Errorf("jwtvet -fix -diff shows a secret on a line it adds or in a header: %q", line)
	}
	if leaks := leak.Find(res.stderr, secrets); len(leaks) > 0 {
		t.Errorf("jwtvet -fix -diff prints secret values on stderr:\n%s", strings.Join(leaks, "\n"))
	}
	t.Logf("%d outputs checked for %d secrets; the -fix -diff patch removes or keeps as context %d lines holding one", len(outputs)+1, len(secrets), removed)
}

// copyDir copies the regular files under src to a temporary directory.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// buildCommand builds jwtvet into a temporary directory.
func buildCommand(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "jwtvet")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// testEnv is the environment of the commands run on test modules: no
// workspace, no network (dependencies come from the module cache).
func testEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod"))
}

func download(t *testing.T, dir string) {
	t.Helper()
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
}

// command runs name with args in dir and returns its outcome.
func command(t *testing.T, dir, name string, args ...string) outcome {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = testEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return outcome{cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()}
}

// The go command's side of the protocol: -flags and -V=full reach
// multichecker.
func testVetProtocol(t *testing.T, bin string) {
	res := command(t, ".", bin, "-flags")
	var flags []struct {
		Name  string
		Bool  bool
		Usage string
	}
	if err := json.Unmarshal([]byte(res.stdout), &flags); err != nil || res.code != 0 {
		t.Fatalf("jwtvet -flags: exit %d, %v\n%s%s", res.code, err, res.stdout, res.stderr)
	}
	names := make(map[string]bool)
	for _, f := range flags {
		names[f.Name] = f.Bool
	}
	for _, want := range []string{"hardcodedkey", "weakkey", "unverified", "noexp", "algnone", "sharedkey", "noaud", "unmaintained", "cleartext", "json", "c"} {
		if _, ok := names[want]; !ok {
			t.Errorf("jwtvet -flags lacks -%s: %v", want, names)
		}
	}
	res = command(t, ".", bin, "-V=full")
	if res.code != 0 || !strings.Contains(res.stdout, " version ") {
		t.Errorf("jwtvet -V=full: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}

	// A rule flag value the rule refuses stops go vet with the reason, on
	// one line per package rather than the whole usage.
	dir := t.TempDir()
	for name, data := range map[string]string{
		"go.mod": "module jwtvet.test/flags\n\ngo 1.26.0\n",
		"p/p.go": "package p\n\nfunc F() int { return 1 }\n",
	} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, arg := range []string{"-weakkey.minbytes=-5", "-weakkey.minrsabits=0", "-noexp.maxleeway=-1h"} {
		res := command(t, dir, "go", "vet", "-vettool="+bin, arg, "./...")
		name, _, _ := strings.Cut(arg, "=")
		if res.code == 0 || !strings.Contains(res.stderr, "jwtvet: invalid value") || !strings.Contains(res.stderr, "flag "+name+":") ||
			strings.Contains(res.stderr, "Usage of") {
			t.Errorf("go vet -vettool %s: exit %d, want an error naming the flag without the usage\n%s", arg, res.code, res.stderr)
		}
	}
	if res := command(t, dir, "go", "vet", "-vettool="+bin, "-weakkey.minbytes=48", "-noexp.maxleeway=5m", "./..."); res.code != 0 {
		t.Errorf("go vet -vettool with valid rule flags: exit %d\n%s", res.code, res.stderr)
	}
}

// Standalone and go vet report the same findings on the demo, with the
// documented exit codes.
// The outputs of the runs are added to outputs.
func testStandaloneVsVet(t *testing.T, bin, demo string, outputs map[string]string) []demoFinding {
	res := command(t, demo, bin, "-json", "./...")
	outputs["jwtvet -json"] = res.stdout + res.stderr
	standalone, err := parseJSONStream(res.stdout, demo)
	if err != nil {
		t.Fatalf("jwtvet -json ./...: %v\nstdout:\n%s\nstderr:\n%s", err, res.stdout, res.stderr)
	}
	wantCode := exitClean
	if len(standalone) > 0 {
		wantCode = exitFindings
	}
	if res.code != wantCode {
		t.Errorf("jwtvet -json ./...: exit %d with %d findings, want %d\nstderr:\n%s", res.code, len(standalone), wantCode, res.stderr)
	}

	res = command(t, demo, "go", "vet", "-vettool="+bin, "-json", "./...")
	outputs["go vet -json"] = res.stdout + res.stderr
	vet, err := parseJSONStream(res.stdout, demo)
	if err != nil || res.code != 0 {
		t.Fatalf("go vet -json: exit %d, %v\nstdout:\n%s\nstderr:\n%s", res.code, err, res.stdout, res.stderr)
	}
	vet = stripRuleNames(t, vet)
	if missing, extra := diffSets(standalone, vet); len(missing)+len(extra) > 0 {
		t.Errorf("go vet -json and jwtvet -json disagree\nonly standalone:\n%s\nonly go vet:\n%s", lines(missing), lines(extra))
	}

	// Plain go vet prints "file:line:col: message" and exits 1 when
	// there are findings.
	res = command(t, demo, "go", "vet", "-vettool="+bin, "./...")
	outputs["go vet"] = res.stdout + res.stderr
	wantVet := 0
	if len(standalone) > 0 {
		wantVet = 1
	}
	if res.code != wantVet {
		t.Errorf("go vet -vettool: exit %d with %d findings, want %d\n%s", res.code, len(standalone), wantVet, res.stderr)
	}
	vetText := parseVetText(res.stderr, demo)
	if missing, extra := diffSets(standalone, vetText); len(missing)+len(extra) > 0 {
		t.Errorf("go vet text output and jwtvet -json disagree\nonly standalone:\n%s\nonly go vet:\n%s\ngo vet stderr:\n%s", lines(missing), lines(extra), res.stderr)
	}
	t.Logf("%d findings on the demo", len(standalone))
	return standalone
}

// The standalone findings are exactly expected.txt.
func testExpected(t *testing.T, demo string, got []demoFinding) {
	want, err := readExpected(filepath.Join(demo, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var gotSet []expectedFinding
	for _, f := range got {
		gotSet = append(gotSet, expectedFinding{f.file, f.line, f.rule})
	}
	missing, extra := diffSets(want, gotSet)
	if len(missing)+len(extra) > 0 {
		var byRule strings.Builder
		for _, rule := range []string{"hardcodedkey", "weakkey", "unverified", "noexp", "algnone", "sharedkey", "noaud", "unmaintained", "cleartext"} {
			w := countRule(want, rule)
			m := countRule(missing, rule)
			fmt.Fprintf(&byRule, "  %-13s expected %2d, found %2d of them, %2d unexpected\n", rule, w, w-m, countRule(extra, rule))
		}
		t.Errorf("the findings on the demo differ from expected.txt\n%s\nmissing:\n%s\nunexpected:\n%s",
			byRule.String(), lines(missing), lines(extra))
	}
}

func countRule(fs []expectedFinding, rule string) int {
	n := 0
	for _, f := range fs {
		if f.rule == rule {
			n++
		}
	}
	return n
}

// A //jwtvet:ignore comment above a finding removes it, standalone and
// under go vet.
func testSuppression(t *testing.T, bin, demo string) {
	src, err := os.ReadFile(filepath.Join("testdata", "e2e", "suppress", "signer.go"))
	if err != nil {
		t.Fatal(err)
	}
	goSum, err := os.ReadFile(filepath.Join(demo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	module := func(src []byte) string {
		dir := t.TempDir()
		files := map[string][]byte{
			"go.mod":           []byte("module jwtvet.test/suppress\n\ngo 1.26.0\n\nrequire github.com/golang-jwt/jwt/v5 v5.3.1\n"),
			"go.sum":           goSum,
			"signer/signer.go": src,
		}
		for name, data := range files {
			path := filepath.Join(dir, name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	// findings runs both modes on dir and checks that they agree.
	findings := func(dir string) []demoFinding {
		res := command(t, dir, bin, "-json", "./...")
		standalone, err := parseJSONStream(res.stdout, dir)
		if err != nil || res.code != min(len(standalone), exitFindings) {
			t.Fatalf("jwtvet -json: exit %d with %d findings, %v\n%s%s", res.code, len(standalone), err, res.stdout, res.stderr)
		}
		res = command(t, dir, "go", "vet", "-vettool="+bin, "-json", "./...")
		vet, err := parseJSONStream(res.stdout, dir)
		if err != nil || res.code != 0 {
			t.Fatalf("go vet -json: exit %d, %v\n%s%s", res.code, err, res.stdout, res.stderr)
		}
		vet = stripRuleNames(t, vet)
		if missing, extra := diffSets(standalone, vet); len(missing)+len(extra) > 0 {
			t.Errorf("modes disagree in %s\nonly standalone:\n%s\nonly go vet:\n%s", dir, lines(missing), lines(extra))
		}
		return standalone
	}

	plainDir := module(src)
	plain := findings(plainDir)
	if !slices.ContainsFunc(plain, func(f demoFinding) bool { return f.rule == "hardcodedkey" }) {
		t.Fatalf("signer.go without suppressions: want a hardcodedkey finding, got:\n%s", lines(plain))
	}
	// The real rules' findings and fixes make valid SARIF.
	res := command(t, plainDir, bin, "-format=sarif", "./...")
	if res.code != exitFindings {
		t.Errorf("jwtvet -format=sarif: exit %d, want %d\n%s", res.code, exitFindings, res.stderr)
	}
	validateSARIF(t, []byte(res.stdout))

	// Put "//jwtvet:ignore RULES reason" above every reported line, from
	// the bottom up so that line numbers stay valid.
	rulesAt := make(map[int][]string)
	for _, f := range plain {
		if !slices.Contains(rulesAt[f.line], f.rule) {
			rulesAt[f.line] = append(rulesAt[f.line], f.rule)
		}
	}
	srcLines := strings.SplitAfter(string(src), "\n")
	var at []int
	for line := range rulesAt {
		at = append(at, line)
	}
	slices.Sort(at)
	for _, line := range slices.Backward(at) {
		indent := srcLines[line-1][:len(srcLines[line-1])-len(strings.TrimLeft(srcLines[line-1], " \t"))]
		comment := indent + "//jwtvet:ignore " + strings.Join(rulesAt[line], ",") + " the partner rotates this test key\n"
		srcLines = slices.Insert(srcLines, line-1, comment)
	}
	suppressedSrc := strings.Join(srcLines, "")
	suppressedDir := module([]byte(suppressedSrc))
	suppressed := findings(suppressedDir)
	if len(suppressed) > 0 {
		t.Errorf("findings left after adding suppressions:\n%s\nsource:\n%s", lines(suppressed), suppressedSrc)
	}
	if res := command(t, suppressedDir, "go", "vet", "-vettool="+bin, "./..."); res.code != 0 {
		t.Errorf("go vet on the suppressed module: exit %d\n%s", res.code, res.stderr)
	}
	// The standalone -fix writes what go vet -fix (x/tools' fixer)
	// writes.
	vetDir, fixDir := module(src), plainDir
	if res := command(t, vetDir, "go", "vet", "-vettool="+bin, "-fix", "./..."); res.code > 1 {
		t.Errorf("go vet -fix: exit %d\n%s", res.code, res.stderr)
	}
	if res := command(t, fixDir, bin, "-fix", "./..."); res.code > exitFindings {
		t.Errorf("jwtvet -fix: exit %d\n%s", res.code, res.stderr)
	}
	vetFixed := readFile(t, filepath.Join(vetDir, "signer", "signer.go"))
	if fixed := readFile(t, filepath.Join(fixDir, "signer", "signer.go")); fixed != vetFixed {
		t.Errorf("jwtvet -fix and go vet -fix disagree:\n%s", unifiedDiff("go vet -fix", "jwtvet -fix", []byte(vetFixed), []byte(fixed)))
	} else if fixed == string(src) {
		t.Logf("no fix offered for signer.go: -fix comparison is vacuous")
	}
}

// stripRuleNames checks that each message of a go vet run starts with its
// rule's name, once (go vet's text output has no other place for it), and
// removes it.
func stripRuleNames(t *testing.T, vet []demoFinding) []demoFinding {
	t.Helper()
	out := make([]demoFinding, 0, len(vet))
	for _, f := range vet {
		msg, ok := strings.CutPrefix(f.message, f.rule+": ")
		if !ok || strings.HasPrefix(msg, f.rule+": ") {
			t.Errorf("go vet: message %q does not start with its rule %q once", f.message, f.rule)
		}
		f.message = msg
		out = append(out, f)
	}
	return out
}

// parseJSONStream reads one or more JSON trees (jwtvet -json prints one,
// go vet -json one per package) into findings, with file names relative
// to root. A rule's error is an error.
func parseJSONStream(out, root string) ([]demoFinding, error) {
	var findings []demoFinding
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		for pkg, byRule := range tree {
			for rule, raw := range byRule {
				var diags []jsonDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, fmt.Errorf("%s: %s: %s", pkg, rule, raw)
				}
				for _, d := range diags {
					file, line, col, ok := splitPosn(d.Posn)
					if !ok {
						return nil, fmt.Errorf("bad position %q", d.Posn)
					}
					findings = append(findings, demoFinding{relTo(root, file), line, col, rule, d.Message})
				}
			}
		}
	}
	return uniq(findings), nil
}

var vetLine = regexp.MustCompile(`^(.+\.go):(\d+):(\d+): ([a-z]+): (.*)$`)

// parseVetText reads go vet's "file:line:col: rule: message" lines.
func parseVetText(out, root string) []demoFinding {
	var findings []demoFinding
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		m := vetLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		findings = append(findings, demoFinding{file: relTo(root, m[1]), line: line, col: col, rule: m[4], message: m[5]})
	}
	return uniq(findings)
}

func splitPosn(posn string) (file string, line, col int, ok bool) {
	i := strings.LastIndexByte(posn, ':')
	j := strings.LastIndexByte(posn[:max(i, 0)], ':')
	if i < 0 || j < 0 {
		return "", 0, 0, false
	}
	line, err1 := strconv.Atoi(posn[j+1 : i])
	col, err2 := strconv.Atoi(posn[i+1:])
	return posn[:j], line, col, err1 == nil && err2 == nil
}

// relTo makes file relative to root (both may be reached through
// symbolic links), slash-separated.
func relTo(root, file string) string {
	if filepath.IsAbs(file) {
		for _, r := range []string{root, evalSymlinks(root)} {
			for _, f := range []string{file, evalSymlinks(file)} {
				if rel, err := filepath.Rel(r, f); err == nil && !strings.HasPrefix(rel, "..") {
					return filepath.ToSlash(rel)
				}
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(file))
}

func readExpected(path string) ([]expectedFinding, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var want []expectedFinding
	for i, text := range strings.Split(string(data), "\n") {
		text, _, _ = strings.Cut(text, "#")
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		posn, rule, ok := strings.Cut(text, ": ")
		file, lineText, ok2 := strings.Cut(posn, ":")
		line, err := strconv.Atoi(lineText)
		if !ok || !ok2 || err != nil || strings.ContainsAny(rule, " \t") {
			return nil, fmt.Errorf("%s:%d: want \"path:LINE: RULE\", got %q", path, i+1, text)
		}
		want = append(want, expectedFinding{filepath.ToSlash(file), line, rule})
	}
	return uniq(want), nil
}

func uniq[T comparable](xs []T) []T {
	seen := make(map[T]bool)
	var out []T
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// diffSets returns the elements only in want and only in got.
func diffSets[T comparable](want, got []T) (missing, extra []T) {
	inGot := make(map[T]bool)
	for _, x := range got {
		inGot[x] = true
	}
	inWant := make(map[T]bool)
	for _, x := range want {
		inWant[x] = true
		if !inGot[x] {
			missing = append(missing, x)
		}
	}
	for _, x := range got {
		if !inWant[x] {
			extra = append(extra, x)
		}
	}
	return missing, extra
}

func lines[T fmt.Stringer](xs []T) string {
	if len(xs) == 0 {
		return "  (none)\n"
	}
	var s []string
	for _, x := range xs {
		s = append(s, "  "+x.String())
	}
	slices.Sort(s)
	return strings.Join(s, "\n") + "\n"
}
