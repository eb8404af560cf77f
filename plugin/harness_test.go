package plugin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The integration test builds golangci-lint with this plugin compiled in,
// the way `golangci-lint custom` does, but from the module cache and the
// module proxy instead of a git clone: a small main module that requires
// golangci-lint and blank-imports the plugin, with a replace pointing at
// this checkout. It is built once per test binary run, in a temporary
// directory removed when the tests end.

const gclVersion = "v2.15.0"

var harness struct {
	once  sync.Once
	dir   string // removed by TestMain
	bin   string
	cache string // GOLANGCI_LINT_CACHE
	err   error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if harness.dir != "" {
		if err := os.RemoveAll(harness.dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
	}
	os.Exit(code)
}

const harnessMain = `// Command custom-gcl is golangci-lint with the jwtvet plugin compiled in.
package main

import (
	"fmt"
	"os"
	"runtime"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"
)

func main() {
	// No version: golangci-lint then salts its result cache with a hash
	// of this executable, so a rebuilt plugin never meets stale results.
	info := commands.BuildInfo{GoVersion: runtime.Version(), Commit: "jwtvet plugin test", Date: "test"}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "custom-gcl: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
`

const harnessPlugins = `package main

import _ "github.com/jwtvet/jwtvet/plugin"
`

const harnessGoMod = `module jwtvet.test/customgcl

go 1.26.0

require (
	github.com/golangci/golangci-lint/v2 %s
	github.com/jwtvet/jwtvet v0.0.0
)

replace github.com/jwtvet/jwtvet => %s
`

// goEnv is the environment for go commands run by the tests: no workspace,
// whatever the caller's settings.
func goEnv(extra ...string) []string {
	return append(append(os.Environ(), "GOWORK=off"), extra...)
}

// repoRoot returns the directory of the jwtvet module this test belongs to.
func repoRoot(t testing.TB) string {
	t.Helper()
	out, err := goCmd(t, ".", "list", "-m", "-f", "{{.Dir}}")
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(out)
}

func goCmd(t testing.TB, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = goEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, stderr.String())
	}
	return stdout.String(), nil
}

// customGCL returns the path of golangci-lint built with the plugin,
// building it on first use. Skipped under -short.
func customGCL(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds golangci-lint " + gclVersion + " with the plugin (about 1.5 min cold); skipped with -short")
	}
	root := repoRoot(t)
	harness.once.Do(func() {
		harness.err = buildHarness(t, root)
	})
	if harness.err != nil {
		t.Fatal(harness.err)
	}
	return harness.bin
}

func buildHarness(t *testing.T, root string) error {
	dir, err := os.MkdirTemp("", "jwtvet-custom-gcl-")
	if err != nil {
		return err
	}
	harness.dir = dir
	harness.cache = filepath.Join(dir, "lint-cache")
	src := filepath.Join(dir, "src")
	if err := os.Mkdir(src, 0o755); err != nil {
		return err
	}
	files := map[string]string{
		"main.go":    harnessMain,
		"plugins.go": harnessPlugins,
		"go.mod":     fmt.Sprintf(harnessGoMod, gclVersion, root),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	start := time.Now()
	if _, err := goCmd(t, src, "mod", "tidy"); err != nil {
		return err
	}
	tidy := time.Since(start)
	harness.bin = filepath.Join(dir, "custom-gcl")
	start = time.Now()
	if _, err := goCmd(t, src, "build", "-o", harness.bin, "."); err != nil {
		return err
	}
	t.Logf("built golangci-lint %s with the jwtvet plugin: go mod tidy %s, go build %s",
		gclVersion, tidy.Round(100*time.Millisecond), time.Since(start).Round(100*time.Millisecond))
	return nil
}

// gclRun is one golangci-lint run.
type gclRun struct {
	issues []gclIssue
	exit   int
	stderr string
}

// gclIssue is the part of golangci-lint's JSON issue the tests read.
type gclIssue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
}

// key identifies an issue the way the tests compare them.
func (i gclIssue) key() string {
	return fmt.Sprintf("%s:%d:%d: %s (%s)", i.Pos.Filename, i.Pos.Line, i.Pos.Column, i.Text, i.FromLinter)
}

// lintConfig writes a .golangci.yml that enables only jwtvet with settings
// (nil for none). extra is appended as is (top-level YAML).
func lintConfig(t *testing.T, settings any, extra string) string {
	return lintConfigWith(t, settings, "", extra)
}

// lintConfigWith is lintConfig with lintersExtra added under "linters:"
// (YAML indented by two spaces).
func lintConfigWith(t *testing.T, settings any, lintersExtra, extra string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`version: "2"
linters:
  default: none
  enable: [jwtvet]
  settings:
    custom:
      jwtvet:
        type: module
        description: JWT misuse checks
        original-url: https://github.com/jwtvet/jwtvet
`)
	if settings != nil {
		js, err := json.Marshal(settings) // JSON is YAML
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "        settings: %s\n", js)
	}
	b.WriteString(lintersExtra)
	b.WriteString(extra)
	path := filepath.Join(t.TempDir(), ".golangci.yml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// allIssues turns off the output limits that would hide findings from the
// comparison with standalone jwtvet.
const allIssues = `issues:
  uniq-by-line: false
  max-issues-per-linter: 0
  max-same-issues: 0
`

// runGCL runs `custom-gcl run` in dir with the config file cfg and further
// arguments (flags, then package patterns) and returns the issues of its
// JSON output and its exit code.
func runGCL(t *testing.T, dir, cfg string, args ...string) gclRun {
	t.Helper()
	bin := customGCL(t)
	argv := append([]string{"run", "-c", cfg,
		"--output.json.path=stdout", "--show-stats=false",
		"--path-mode=abs", "--allow-parallel-runners"}, args...)
	cmd := exec.Command(bin, argv...)
	cmd.Dir = dir
	cmd.Env = goEnv("GOLANGCI_LINT_CACHE=" + harness.cache)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := gclRun{stderr: stderr.String()}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("custom-gcl: %v", err)
		}
		r.exit = ee.ExitCode()
	}
	t.Logf("custom-gcl %s: exit %d in %s", strings.Join(argv, " "), r.exit, time.Since(start).Round(100*time.Millisecond))
	if i := strings.Index(r.stderr, "fatal error: "); i >= 0 || strings.Contains(r.stderr, "\npanic: ") {
		if i < 0 {
			i = strings.Index(r.stderr, "\npanic: ")
		}
		t.Fatalf("golangci-lint crashed (exit %d):\n%s", r.exit, r.stderr[i:min(len(r.stderr), i+3000)])
	}
	if stdout.Len() > 0 {
		var out struct{ Issues []gclIssue }
		if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
			t.Fatalf("custom-gcl JSON output: %v\n%s\nstderr:\n%s", err, stdout.String(), r.stderr)
		}
		for _, is := range out.Issues {
			if p, err := filepath.EvalSymlinks(is.Pos.Filename); err == nil {
				is.Pos.Filename = p
			}
			r.issues = append(r.issues, is)
		}
	}
	return r
}
