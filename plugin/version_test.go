package plugin

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// modFile is the part of `go mod edit -json` the test reads.
type modFile struct {
	Require []struct{ Path, Version string }
}

func requirements(t *testing.T, gomod string) map[string]string {
	t.Helper()
	out, err := goCmd(t, filepath.Dir(gomod), "mod", "edit", "-json", gomod)
	if err != nil {
		t.Fatal(err)
	}
	var mf modFile
	if err := json.Unmarshal([]byte(out), &mf); err != nil {
		t.Fatal(err)
	}
	req := map[string]string{}
	for _, r := range mf.Require {
		req[r.Path] = r.Version
	}
	return req
}

// TestPinnedToGolangciLint fails when the module requires another
// golang.org/x/tools (or plugin-module-register) than the golangci-lint
// release the plugin is built for: a newer x/tools in the plugin is raised
// by MVS inside golangci-lint's build and can break it.
func TestPinnedToGolangciLint(t *testing.T) {
	out, err := goCmd(t, t.TempDir(), "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+gclVersion)
	if err != nil {
		if testing.Short() {
			t.Skipf("cannot download golangci-lint %s (needs the module proxy or a filled module cache): %v", gclVersion, err)
		}
		t.Fatal(err)
	}
	var dl struct{ GoMod string }
	if err := json.Unmarshal([]byte(out), &dl); err != nil || dl.GoMod == "" {
		t.Fatalf("go mod download -json: no GoMod in %s (%v)", out, err)
	}
	theirs := requirements(t, dl.GoMod)
	ours := requirements(t, filepath.Join(repoRoot(t), "go.mod"))
	for _, mod := range []string{"golang.org/x/tools", "github.com/golangci/plugin-module-register"} {
		if theirs[mod] == "" {
			t.Errorf("golangci-lint %s does not require %s", gclVersion, mod)
			continue
		}
		if ours[mod] != theirs[mod] {
			t.Errorf("go.mod requires %s %s; golangci-lint %s requires %s: use the same version",
				mod, ours[mod], gclVersion, theirs[mod])
		}
	}
}
