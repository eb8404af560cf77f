package plugin

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jwtvet/jwtvet/internal/leak"
)

// golangci-lint prints each issue's source lines under it by default, and
// on the demo those lines hold the secret values. README.md tells users
// to turn that off (output.formats.text.print-issued-lines: false); with
// that setting the text output on the demo holds no secret, while the
// JSON written in the same run (which always carries the source lines)
// shows that the secrets were on the reported lines.
func TestGolangciLintIssuedLines(t *testing.T) {
	bin := customGCL(t)
	demo := filepath.Join(repoRoot(t), "testdata", "demo")
	secrets, err := leak.ReadSecrets(demo)
	if err != nil {
		t.Fatal(err)
	}
	jsonPath := filepath.Join(t.TempDir(), "issues.json")
	cfg := lintConfig(t, nil, allIssues+`output:
  formats:
    text:
      path: stdout
      print-issued-lines: false
    json:
      path: `+jsonPath+`
`)
	cmd := exec.Command(bin, "run", "-c", cfg, "--show-stats=false", "--allow-parallel-runners", "./...")
	cmd.Dir = demo
	cmd.Env = goEnv("GOLANGCI_LINT_CACHE="+harness.cache, "GOPROXY=off", "GOFLAGS=-mod=mod")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("custom-gcl run on the demo: %v, want exit 1 with issues\n%s%s", err, stdout.String(), stderr.String())
	}
	text := stdout.String()
	if !strings.Contains(text, "hardcodedkey: ") || !strings.Contains(text, "sharedkey: ") {
		t.Errorf("text output lacks the demo's hardcodedkey and sharedkey issues:\n%s", text)
	}
	if leaks := leak.Find(text+stderr.String(), secrets); len(leaks) > 0 {
		t.Errorf("with print-issued-lines: false, golangci-lint still prints secret values:\n%s", strings.Join(leaks, "\n"))
	}

	data, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Issues []struct{ SourceLines []string }
	}
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, is := range out.Issues {
		lines = append(lines, is.SourceLines...)
	}
	if len(leak.Find(strings.Join(lines, "\n"), secrets)) == 0 {
		t.Errorf("no reported line of the demo holds a secret: the check above proves nothing (%d issues)", len(out.Issues))
	}
}
