package sharedkey_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	toml "github.com/pelletier/go-toml/v2"
	yaml "go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/sharedkey"
)

// TestSharedKey runs the analyzer on every fixture and then checks that
// no message holds a value written in the fixtures.
func TestSharedKey(t *testing.T) {
	results := fixtures.Run(t, sharedkey.Analyzer, "./sharedkey/...")
	var messages []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			messages = append(messages, d.Message)
		}
	}
	if len(messages) < 40 {
		t.Fatalf("only %d diagnostics over all fixtures", len(messages))
	}
	values := fixtureValues(t, filepath.Join(fixtures.Dir(t), "sharedkey"))
	if len(values) < 50 {
		t.Fatalf("collected only %d fixture values", len(values))
	}
	for _, m := range messages {
		for _, v := range values {
			if strings.Contains(m, v) {
				t.Errorf("message prints a fixture value %q: %s", v, m)
			}
		}
	}
}

// Names a message may print: environment variables and config keys.
var (
	envVarName = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)
	configKey  = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)
)

// fixtureValues collects every string a fixture holds as a value: string
// literals of the Go files (not import paths, environment variable names
// or config keys), struct tag defaults, and the values of config files. Short
// strings are left out: they are words any message may contain.
func fixtureValues(t *testing.T, root string) []string {
	t.Helper()
	seen := map[string]bool{}
	add := func(s string) {
		if len(s) >= 12 && !envVarName.MatchString(s) && !configKey.MatchString(s) {
			seen[s] = true
		}
	}
	err := filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !strings.HasSuffix(path, ".go") {
			for _, v := range configValues(t, path, data) {
				add(v)
			}
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, data, 0)
		if err != nil {
			return err
		}
		imports := map[*ast.BasicLit]bool{}
		for _, imp := range f.Imports {
			imports[imp.Path] = true
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Field:
				if n.Tag != nil {
					raw, _ := strconv.Unquote(n.Tag.Value)
					tag := reflect.StructTag(raw)
					for _, k := range []string{"default", "envDefault", "env-default"} {
						add(tag.Get(k))
					}
					if _, def, ok := strings.Cut(tag.Get("env"), "default="); ok {
						add(def)
					}
				}
				return true
			case *ast.BasicLit:
				if n.Kind == token.STRING && !imports[n] {
					if s, err := strconv.Unquote(n.Value); err == nil {
						add(s)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	return out
}

// TestWithoutFiles runs the analyzer through a pass without ReadFile,
// IgnoredFiles and OtherFiles, as Bazel's nogo builds it: it must not
// fail, must still report what the code shows, and can only miss the
// build-tag and embedded-file findings.
func TestWithoutFiles(t *testing.T) {
	bare := &analysis.Analyzer{
		Name:      "sharedkey",
		Doc:       sharedkey.Analyzer.Doc,
		Requires:  sharedkey.Analyzer.Requires,
		FactTypes: sharedkey.Analyzer.FactTypes,
		Run: func(pass *analysis.Pass) (any, error) {
			p := *pass
			p.ReadFile, p.IgnoredFiles, p.OtherFiles = nil, nil, nil
			return sharedkey.Run(&p)
		},
	}
	rec := &recorder{}
	results := fixtures.Run(rec, bare, "./sharedkey/fallback", "./sharedkey/buildtags", "./sharedkey/embedded")
	reported := 0
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Package.ID, r.Err)
		}
		reported += len(r.Diagnostics)
	}
	if reported < 6 {
		t.Errorf("reported %d diagnostics without files, want the fallback package's findings", reported)
	}
	missed := 0
	for _, e := range rec.errors {
		switch {
		case strings.Contains(e, "no diagnostic was reported matching") &&
			(strings.Contains(e, "/buildtags/") || strings.Contains(e, "/embedded/")):
			missed++
		default:
			t.Errorf("unexpected: %s", e)
		}
	}
	if missed == 0 {
		t.Errorf("build-tag and embedded findings were reported without the files")
	}
}

type recorder struct{ errors []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// configValues returns the string values of a YAML, JSON, TOML or .env
// file.
func configValues(t *testing.T, path string, data []byte) []string {
	var tree any
	var err error
	switch filepath.Ext(path) {
	case ".yaml", ".yml":
		err = yaml.Unmarshal(data, &tree)
	case ".json":
		err = json.Unmarshal(data, &tree)
	case ".toml":
		var m map[string]any
		err = toml.Unmarshal(data, &m)
		tree = m
	default:
		var out []string
		for _, line := range strings.Split(string(data), "\n") {
			if _, v, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(strings.TrimSpace(line), "#") {
				v = strings.TrimSpace(strings.Split(v, " #")[0])
				out = append(out, strings.Trim(v, `"'`))
			}
		}
		return out
	}
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case string:
			out = append(out, x)
		}
	}
	walk(tree)
	return out
}
