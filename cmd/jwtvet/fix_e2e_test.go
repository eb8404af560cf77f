package main

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// testFixModes applies the fixes of the whole suite to the demo and to a
// module with several keys, with jwtvet -fix and with go vet -fix, one
// copy per mode. Each mode must reach the fixpoint in one run (a second
// run changes nothing), the fixed module must build and vet, jwtvet must
// report no finding that was not there before (no new sharedkey above
// all), every environment variable a fix introduces must be read in one
// place only, and both modes must write the same files.
func testFixModes(t *testing.T, bin, demo string) {
	goSum, err := os.ReadFile(filepath.Join(demo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	severalKeys := func(t *testing.T) string {
		dir := copyDir(t, filepath.Join("testdata", "e2e", "severalkeys"))
		files := map[string][]byte{
			"go.mod": []byte("module jwtvet.test/severalkeys\n\ngo 1.26.0\n\nrequire (\n\tgithub.com/go-jose/go-jose/v4 v4.1.8\n\tgithub.com/golang-jwt/jwt/v5 v5.3.1\n)\n"),
			"go.sum": goSum,
		}
		for name, data := range files {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	for _, tc := range []struct {
		name string
		copy func(t *testing.T) string
	}{
		{"demo", func(t *testing.T) string { return copyDir(t, demo) }},
		{"several-keys", severalKeys},
	} {
		t.Run(tc.name, func(t *testing.T) {
			orig := tc.copy(t)
			before := fixFindings(t, bin, orig)
			origFiles := goFiles(t, orig)
			fixedBy := map[string]map[string]string{}
			for _, mode := range []struct {
				name string
				args []string
				exit func(int) bool
			}{
				{"jwtvet -fix", []string{bin, "-fix", "./..."}, func(c int) bool { return c == exitClean || c == exitFindings }},
				{"go vet -fix", []string{"go", "vet", "-vettool=" + bin, "-fix", "./..."}, func(c int) bool { return c == 0 }},
			} {
				dir := tc.copy(t)
				res := command(t, dir, mode.args[0], mode.args[1:]...)
				if !mode.exit(res.code) || strings.Contains(res.stderr, "not applied") || strings.Contains(res.stderr, "Re-run") {
					t.Errorf("%s: exit %d\n%s", mode.name, res.code, res.stderr)
				}
				fixed := goFiles(t, dir)
				if maps.Equal(fixed, origFiles) {
					t.Errorf("%s changed nothing", mode.name)
				}
				res = command(t, dir, mode.args[0], mode.args[1:]...)
				if again := goFiles(t, dir); !maps.Equal(again, fixed) {
					for name := range again {
						if again[name] != fixed[name] {
							t.Errorf("a second %s changed %s:\n%s", mode.name, name,
								unifiedDiff("first", "second", []byte(fixed[name]), []byte(again[name])))
						}
					}
				}
				for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
					if res := command(t, dir, "go", args...); res.code != 0 {
						t.Errorf("after %s: go %s: exit %d\n%s", mode.name, strings.Join(args, " "), res.code, res.stderr)
					}
				}
				after := fixFindings(t, bin, dir)
				for key, n := range after {
					if n > before[key] {
						t.Errorf("after %s: new finding %s", mode.name, key)
					}
				}
				checkEnvNames(t, mode.name, origFiles, fixed)
				fixedBy[mode.name] = fixed
				t.Logf("%s: %d findings before, %d after", mode.name, total(before), total(after))
			}
			if a, b := fixedBy["jwtvet -fix"], fixedBy["go vet -fix"]; a != nil && b != nil && !maps.Equal(a, b) {
				for name := range a {
					if a[name] != b[name] {
						t.Errorf("jwtvet -fix and go vet -fix disagree on %s:\n%s", name,
							unifiedDiff("go vet -fix", "jwtvet -fix", []byte(b[name]), []byte(a[name])))
					}
				}
			}
		})
	}
}

// positions match the file:line a message cites, which fixes shift.
var positions = regexp.MustCompile(`\.go:\d+`)

// fixFindings runs jwtvet -json in dir and counts its findings by file,
// rule and message, with the lines messages cite left out.
func fixFindings(t *testing.T, bin, dir string) map[string]int {
	t.Helper()
	res := command(t, dir, bin, "-json", "./...")
	list, err := parseJSONStream(res.stdout, dir)
	if err != nil || res.code > exitFindings {
		t.Fatalf("jwtvet -json in %s: exit %d, %v\n%s", dir, res.code, err, res.stderr)
	}
	count := map[string]int{}
	for _, f := range list {
		count[fmt.Sprintf("%s: %s (%s)", f.file, positions.ReplaceAllString(f.message, ".go:N"), f.rule)]++
	}
	return count
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

var getenv = regexp.MustCompile(`os\.(?:Getenv|LookupEnv)\("([^"]+)"\)`)

// checkEnvNames checks that each environment variable the fixes added is
// read in one place and by no code that read it before.
func checkEnvNames(t *testing.T, mode string, before, after map[string]string) {
	t.Helper()
	old := map[string]bool{}
	for _, src := range before {
		for _, m := range getenv.FindAllStringSubmatch(src, -1) {
			old[m[1]] = true
		}
	}
	added := map[string][]string{}
	for name, src := range after {
		n := strings.Count(src, "os.Getenv(") - strings.Count(before[name], "os.Getenv(")
		if n <= 0 {
			continue
		}
		for _, m := range getenv.FindAllStringSubmatch(src, -1) {
			if !strings.Contains(before[name], m[0]) || strings.Count(src, m[0]) > strings.Count(before[name], m[0]) {
				added[m[1]] = append(added[m[1]], name)
			}
		}
	}
	if len(added) == 0 {
		t.Errorf("%s: no fix added an environment variable", mode)
	}
	for env, files := range added {
		if old[env] {
			t.Errorf("%s: the fix in %v reads %s, which the code already read", mode, files, env)
		}
		if len(files) > 1 {
			t.Errorf("%s: %s is read by several fixes: %v", mode, env, files)
		}
	}
	t.Logf("%s: environment variables added: %v", mode, slices.Sorted(maps.Keys(added)))
}

// goFiles returns the Go files under dir by relative name.
func goFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
