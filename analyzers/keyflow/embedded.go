package keyflow

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	toml "github.com/pelletier/go-toml/v2"
	yaml "go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Limits on what embedded files are read.
const (
	maxEmbedFiles    = 200
	maxEmbedFileSize = 1 << 20
)

// embedDirective is one //go:embed line on a package variable.
type embedDirective struct {
	pos      token.Pos // the variable, where findings are reported
	dir      string    // the package directory
	patterns []string
}

// embedFile is one embedded config file for one environment.
type embedFile struct {
	rel    string // path relative to the package directory
	env    string
	values map[string]string // flattened key path -> string value
}

// SameInEmbedded returns the keys of embedded per-environment config
// files (YAML, JSON, TOML, .env) that hold the same string in files for
// different environments, by //go:embed variable, then key path, then
// value; values are compared by fingerprint only and placeholders
// (${VAR}, {{ .Var }}, …) are skipped.
//
// Embedded files are not among a pass's OtherFiles in any x/tools driver,
// so Pass.ReadFile refuses them; when the driver provides ReadFile (it
// has a file system), the files named by the package's //go:embed
// patterns are read from the package directory, as the compiler reads
// them. Without ReadFile (Bazel nogo) nothing is read.
func SameInEmbedded(pass *analysis.Pass) []EmbedGroup {
	if pass.ReadFile == nil {
		return nil
	}
	var out []EmbedGroup
	for _, d := range embedDirectives(pass) {
		files := embeddedConfigs(pass, d)
		if len(files) >= 2 {
			out = append(out, sameValues(d, files)...)
		}
	}
	return out
}

// EmbedGroup is one config key holding the same value in embedded files
// for several environments.
type EmbedGroup struct {
	Key string // the flattened key path: jwt.secret
	// Context and Leaf are the words of the key path: [jwt] and [secret].
	Context, Leaf []string
	Files         []string // the files, relative to the package directory
	Pos           token.Pos
}

// sameValues groups the files by the value each holds under a key.
func sameValues(d embedDirective, files []*embedFile) []EmbedGroup {
	var out []EmbedGroup
	for _, k := range unionKeys(files, func(f *embedFile) map[string]string { return f.values }) {
		groups := groupByFingerprint(files, func(f *embedFile) (uint64, bool) {
			v, ok := f.values[k]
			if !ok || placeholder(v) {
				return 0, false
			}
			return Fingerprint(v), true
		})
		for _, g := range groups {
			envs := map[string]bool{}
			var rels []string
			for _, f := range g {
				envs[f.env] = true
				rels = append(rels, f.rel)
			}
			if len(envs) >= 2 {
				ctx, leaf := SplitPath(k)
				out = append(out, EmbedGroup{Key: k, Context: ctx, Leaf: leaf, Files: rels, Pos: d.pos})
			}
		}
	}
	return out
}

func embedDirectives(pass *analysis.Pass) []embedDirective {
	var out []embedDirective
	for _, f := range pass.Files {
		dir := filepath.Dir(pass.Fset.Position(f.Pos()).Filename)
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				doc := vs.Doc
				if doc == nil && len(gd.Specs) == 1 {
					doc = gd.Doc
				}
				if doc == nil || len(vs.Names) != 1 {
					continue
				}
				var pats []string
				for _, cm := range doc.List {
					if rest, ok := strings.CutPrefix(cm.Text, "//go:embed"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
						pats = append(pats, embedPatterns(rest)...)
					}
				}
				if len(pats) > 0 {
					out = append(out, embedDirective{pos: vs.Names[0].Pos(), dir: dir, patterns: pats})
				}
			}
		}
	}
	return out
}

// embedPatterns splits the patterns of a //go:embed line, which may be
// quoted.
func embedPatterns(s string) []string {
	var out []string
	s = strings.TrimSpace(s)
	for s != "" {
		var p string
		switch s[0] {
		case '"', '`':
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				return out
			}
			p, _ = strconv.Unquote(q)
			s = s[len(q):]
		default:
			i := strings.IndexAny(s, " \t")
			if i < 0 {
				i = len(s)
			}
			p, s = s[:i], s[i:]
		}
		out = append(out, p)
		s = strings.TrimSpace(s)
	}
	return out
}

// embeddedConfigs returns the embedded config files that name one
// environment, parsed.
func embeddedConfigs(pass *analysis.Pass, d embedDirective) []*embedFile {
	var names []string
	seen := map[string]bool{}
	for _, p := range d.patterns {
		all := strings.HasPrefix(p, "all:")
		p = strings.TrimPrefix(p, "all:")
		if !validEmbedPattern(p) {
			continue
		}
		matches, err := filepath.Glob(filepath.Join(d.dir, filepath.FromSlash(p)))
		if err != nil {
			continue
		}
		for _, m := range matches {
			for _, f := range listFiles(m, all, maxEmbedFiles) {
				if !seen[f] && len(names) < maxEmbedFiles {
					seen[f] = true
					names = append(names, f)
				}
			}
		}
	}
	sort.Strings(names)
	var out []*embedFile
	for _, name := range names {
		rel, err := filepath.Rel(d.dir, name)
		if err != nil {
			continue
		}
		rel = filepath.ToSlash(rel)
		format := configFormat(rel)
		if format == "" {
			continue
		}
		env := fileEnv(rel)
		if env == "" {
			continue
		}
		data, err := readEmbedded(pass, name)
		if err != nil || len(data) > maxEmbedFileSize {
			continue
		}
		values, err := parseConfig(format, data)
		if err != nil || len(values) == 0 {
			continue
		}
		out = append(out, &embedFile{rel: rel, env: env, values: values})
	}
	return out
}

// validEmbedPattern rejects what the go command rejects: absolute paths
// and paths leaving the package directory.
func validEmbedPattern(p string) bool {
	if p == "" || path.IsAbs(p) || strings.HasPrefix(p, "/") {
		return false
	}
	for _, elem := range strings.Split(p, "/") {
		if elem == ".." || elem == "." && p != "." {
			return false
		}
	}
	return true
}

// listFiles returns name if it is a regular file, or the files below it
// (skipping names starting with . or _ unless all) if it is a directory.
func listFiles(name string, all bool, limit int) []string {
	info, err := os.Lstat(name)
	if err != nil {
		return nil
	}
	if info.Mode().IsRegular() {
		return []string{name}
	}
	if !info.IsDir() {
		return nil
	}
	var out []string
	var walk func(dir string, depth int)
	walk = func(dir string, depth int) {
		if depth > 8 || len(out) >= limit {
			return
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			n := e.Name()
			if !all && (strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_")) {
				continue
			}
			full := filepath.Join(dir, n)
			switch {
			case e.IsDir():
				walk(full, depth+1)
			case e.Type().IsRegular():
				out = append(out, full)
			}
		}
	}
	walk(name, 0)
	return out
}

// readEmbedded reads through the driver when it allows, else from the
// package directory.
func readEmbedded(pass *analysis.Pass, name string) ([]byte, error) {
	if data, err := pass.ReadFile(name); err == nil {
		return data, nil
	}
	return os.ReadFile(name)
}

// configFormat returns yaml, json, toml or env for a config file name.
func configFormat(rel string) string {
	base := strings.ToLower(path.Base(rel))
	switch {
	case base == ".env" || strings.HasPrefix(base, ".env."):
		return "env"
	}
	switch path.Ext(base) {
	case ".yaml", ".yml":
		return "yaml"
	case ".json":
		return "json"
	case ".toml":
		return "toml"
	case ".env":
		return "env"
	}
	return ""
}

// fileEnv returns the one environment a config path names (config/dev.yaml,
// .env.production, prod/app.toml), or "".
func fileEnv(rel string) string {
	var ws []string
	for _, elem := range strings.Split(rel, "/") {
		elem = strings.TrimSuffix(elem, path.Ext(elem))
		ws = append(ws, jwtapi.Words(elem)...)
	}
	// The extension of .env.production is the environment.
	ws = append(ws, jwtapi.Words(path.Ext(path.Base(rel)))...)
	env := ""
	for _, w := range ws {
		if e := EnvName(w); e != "" {
			if env != "" && env != e {
				return ""
			}
			env = e
		}
	}
	return env
}

// parseConfig flattens a config file to key paths and string values.
func parseConfig(format string, data []byte) (map[string]string, error) {
	out := map[string]string{}
	switch format {
	case "env":
		return parseDotenv(data), nil
	case "yaml":
		var v any
		if err := yaml.Unmarshal(data, &v); err != nil {
			return nil, err
		}
		flatten("", v, out, 0)
	case "json":
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			return nil, err
		}
		flatten("", v, out, 0)
	case "toml":
		var v map[string]any
		if err := toml.Unmarshal(data, &v); err != nil {
			return nil, err
		}
		flatten("", v, out, 0)
	}
	return out, nil
}

func flatten(prefix string, v any, out map[string]string, depth int) {
	if depth > 16 {
		return
	}
	join := func(k string) string {
		if prefix == "" {
			return k
		}
		return prefix + "." + k
	}
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			flatten(join(k), val, out, depth+1)
		}
	case map[any]any:
		for k, val := range x {
			flatten(join(fmt.Sprint(k)), val, out, depth+1)
		}
	case string:
		if prefix != "" {
			out[prefix] = x
		}
	}
}

// parseDotenv reads KEY=VALUE lines: comments, `export`, and single or
// double quotes are understood; anything else is taken as written.
func parseDotenv(data []byte) map[string]string {
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), maxEmbedFileSize)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		} else if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
		if k != "" {
			out[k] = v
		}
	}
	return out
}

// placeholder reports values that refer to an environment variable or a
// template rather than being a secret: ${VAR}, $VAR, {{ .Var }}, %(var)s,
// %env(VAR)%, env:VAR.
func placeholder(v string) bool {
	return v == "" || strings.HasPrefix(v, "$") || strings.Contains(v, "${") || strings.Contains(v, "{{") ||
		strings.HasPrefix(v, "%(") || strings.HasPrefix(v, "%env(") || strings.HasPrefix(v, "env:")
}
