package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/internal/engine"
)

// keysOptions holds the parsed `jwtvet keys` command line.
type keysOptions struct {
	format   string // text, json or markdown
	tests    bool
	tags     string
	modules  []string
	patterns []string
}

// runKeys is `jwtvet keys [flags] packages`: the program's JWT key
// inventory.
func (d *driver) runKeys(args []string) int {
	fs := flag.NewFlagSet(progname+" keys", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	opts := &keysOptions{}
	var (
		jsonOut bool
		chdir   string
	)
	fs.StringVar(&opts.format, "format", "text", "output `format`: text, json or markdown")
	fs.BoolVar(&jsonOut, "json", false, "shorthand for -format=json")
	fs.BoolVar(&opts.tests, "test", false, "also list the keys of _test.go files and test packages")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated list of build `tags` to consider satisfied")
	fs.StringVar(&chdir, "C", "", "run as if started in `dir`")
	fs.Func("modules", "comma-separated `modules` whose packages are analyzed from source besides the main module(s)", func(v string) error {
		for _, m := range strings.Split(v, ",") {
			if m = strings.TrimSpace(m); m != "" {
				opts.modules = append(opts.modules, m)
			}
		}
		return nil
	})
	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		d.keysUsage(fs)
		return exitClean
	}
	if err != nil {
		return d.keysUsageError("%v", err)
	}
	formatSet := false
	fs.Visit(func(f *flag.Flag) { formatSet = formatSet || f.Name == "format" })
	switch opts.format {
	case "text", "json", "markdown":
	default:
		return d.keysUsageError("unknown -format %q: want text, json or markdown", opts.format)
	}
	if jsonOut {
		if formatSet && opts.format != "json" {
			return d.keysUsageError("-json conflicts with -format=%s", opts.format)
		}
		opts.format = "json"
	}
	root := cmp.Or(chdir, ".")
	fi, err := os.Stat(root)
	if err == nil && !fi.IsDir() {
		err = fmt.Errorf("%s is not a directory", root)
	}
	if err == nil {
		root, err = filepath.Abs(root)
	}
	if err != nil {
		return d.keysUsageError("-C: %v", err)
	}
	d.root = root
	if len(positional) == 0 {
		return d.keysUsageError("no packages given (for example: %s keys ./...)", progname)
	}
	opts.patterns = positional

	prog := d.load(opts.tests, opts.tags, opts.modules, opts.patterns)
	if prog == nil {
		return exitLoad
	}
	col := newKeyCollector()
	a := col.analyzer()
	results, errs := engine.Analyze(prog, []*analysis.Analyzer{a}, nil)
	failed := false
	for _, e := range d.loadErrors(errs) {
		fmt.Fprintf(d.stderr, "%s: %s\n", progname, e.msg)
		failed = true
	}
	for _, res := range results {
		for an, err := range res.Errors {
			d.errorf("%s failed on %s: %v", an.Name, res.Package.ID, err)
			failed = true
		}
	}
	inv := d.inventory(prog, col, opts.tests)
	if err := d.writeKeys(d.stdout, opts.format, inv); err != nil {
		d.errorf("%v", err)
		return exitLoad
	}
	if failed {
		d.errorf("the inventory lists only the keys of the packages loaded without errors")
		return exitLoad
	}
	return exitClean
}

func (d *driver) keysUsageError(format string, args ...any) int {
	fmt.Fprintf(d.stderr, progname+" keys: "+format+" (run '"+progname+" keys -h' for usage)\n", args...)
	return exitUsage
}

func (d *driver) keysUsage(fs *flag.FlagSet) {
	w := d.stdout
	fmt.Fprintf(w, `Usage: %[1]s keys [flags] packages

%[1]s keys prints every JWT key of the program: for each key, where it
comes from (an environment variable, a literal in the code and where it
is written, a generated key, or the variable, field or function that
holds it when its value is only known at run time), the algorithms it is
used with, the sites that sign and verify with it (file:line), the kinds
of token it serves (access, refresh, ID, …), the lifetime of the tokens it
mints when that is a constant, and its rotation readiness:

  ready   verification selects among several keys by the token's kid, or
          accepts a key set (JWKS, jwk.Set, jose.JSONWebKeySet), so a new
          key can be added before the old one is retired
  static  one key verifies everything: rotating it breaks every token
          signed before the change
  -       the program only signs with the key

Key values are never printed; a literal's length is. Keys are told apart
by their origin: the same environment variable, literal, variable, field
or getter is one key.

The inventory is a whole-program view: it is not available under go vet
or golangci-lint, which see one package at a time. It reads what the
rules read (the library model and key provenance), in one run.

Flags (they may also follow the packages):
`, progname)
	fs.VisitAll(func(f *flag.Flag) { printFlag(w, f.Name, f) })
	fmt.Fprintf(w, `
Output formats (-format):
  text      a table, one key after another, with its sites
  json      {"keys": [...]}, described in docs/keys.md
  markdown  a review document: a summary table and a section per key

Exit status: 0 when the inventory is complete, 2 for usage errors, 3 when
some packages could not be loaded (the keys of the others are printed).
`)
}

// keySite is one use of a key.
type keySite struct {
	Position string `json:"position"`
	API      string `json:"api"`
	Kind     string `json:"token_kind,omitempty"`
	Alg      string `json:"algorithm,omitempty"`
	Lifetime string `json:"lifetime,omitempty"`
	// SelectsBy is how a verification picks its key: "kid", "key set",
	// or "" for one key.
	SelectsBy string `json:"selects_by,omitempty"`

	file string
	line int
}

// keyEntry is one key of the inventory.
type keyEntry struct {
	Key        int        `json:"key"`
	Origin     string     `json:"origin"`
	Source     string     `json:"source"`
	Algorithms []string   `json:"algorithms"`
	TokenKinds []string   `json:"token_kinds"`
	Lifetimes  []string   `json:"lifetimes"`
	Rotation   string     `json:"rotation"`
	Sign       []*keySite `json:"sign"`
	Verify     []*keySite `json:"verify"`
	Config     []*keySite `json:"config,omitempty"`

	id string
}

type keyInventory struct {
	Keys []*keyEntry `json:"keys"`
}

// inventory joins the key uses of the root packages by identity.
func (d *driver) inventory(prog *engine.Program, col *keyCollector, tests bool) *keyInventory {
	byID := make(map[string]*keyEntry)
	var entries []*keyEntry
	seen := make(map[string]bool)
	add := func(u *keyUse, posn token.Position, api, kind, use string, ttl time.Duration, rotation string) {
		if !tests && u.test {
			return
		}
		k := fmt.Sprintf("%s|%s|%s:%d", u.id, use, posn.Filename, posn.Line)
		if seen[k] {
			return
		}
		seen[k] = true
		e := byID[u.id]
		if e == nil {
			e = &keyEntry{id: u.id, Origin: d.relText(u.origin), Source: u.source}
			byID[u.id] = e
			entries = append(entries, e)
		}
		file := d.rel(posn.Filename)
		s := &keySite{Position: fmt.Sprintf("%s:%d", file, posn.Line), API: api, Kind: kind, Alg: u.alg, SelectsBy: selectsBy(rotation), file: file, line: posn.Line}
		if ttl > 0 {
			s.Lifetime = formatTTL(ttl)
		}
		switch use {
		case "sign":
			e.Sign = append(e.Sign, s)
		case "verify":
			e.Verify = append(e.Verify, s)
		default:
			e.Config = append(e.Config, s)
		}
	}
	var uses []*keyUse
	var refs []*keyfuncRef
	for _, p := range prog.Roots {
		uses = append(uses, col.expand(col.uses[p.Types])...)
		refs = append(refs, col.refs[p.Types]...)
	}
	byKeyfunc := make(map[string][]*keyUse)
	for _, us := range col.uses {
		for _, u := range col.expand(us) {
			if u.keyfunc != "" {
				byKeyfunc[u.keyfunc] = append(byKeyfunc[u.keyfunc], u)
			}
		}
	}
	for _, u := range uses {
		add(u, u.posn, u.api, u.kind, u.use, u.ttl, u.rotation)
	}
	for _, r := range refs {
		if !tests && r.test {
			continue
		}
		for _, u := range byKeyfunc[r.keyfunc] {
			kind := cmp.Or(r.kind, u.kind)
			rc := *u
			rc.test = false
			if r.alg != "" {
				rc.alg = r.alg
			}
			add(&rc, r.posn, r.api, kind, "verify", 0, u.rotation)
		}
	}
	for _, e := range entries {
		e.finish()
	}
	slices.SortFunc(entries, func(a, b *keyEntry) int {
		fa, fb := a.first(), b.first()
		return cmp.Or(cmp.Compare(fa.file, fb.file), cmp.Compare(fa.line, fb.line), cmp.Compare(a.Origin, b.Origin))
	})
	for i, e := range entries {
		e.Key = i + 1
	}
	return &keyInventory{Keys: entries}
}

func (e *keyEntry) first() *keySite {
	var all []*keySite
	all = append(append(append(all, e.Sign...), e.Verify...), e.Config...)
	best := all[0]
	for _, s := range all[1:] {
		if s.file < best.file || (s.file == best.file && s.line < best.line) {
			best = s
		}
	}
	return best
}

// finish sorts the sites and sums up algorithms, kinds, lifetimes and
// rotation readiness.
func (e *keyEntry) finish() {
	bySite := func(a, b *keySite) int {
		return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.line, b.line), cmp.Compare(a.API, b.API))
	}
	slices.SortFunc(e.Sign, bySite)
	slices.SortFunc(e.Verify, bySite)
	slices.SortFunc(e.Config, bySite)
	e.Algorithms, e.TokenKinds, e.Lifetimes = []string{}, []string{}, []string{}
	for _, group := range [][]*keySite{e.Sign, e.Verify, e.Config} {
		for _, s := range group {
			for _, a := range strings.Split(s.Alg, ",") {
				if a != "" && !slices.Contains(e.Algorithms, a) {
					e.Algorithms = append(e.Algorithms, a)
				}
			}
			if s.Kind != "" && !slices.Contains(e.TokenKinds, s.Kind) {
				e.TokenKinds = append(e.TokenKinds, s.Kind)
			}
			if s.Lifetime != "" && !slices.Contains(e.Lifetimes, s.Lifetime) {
				e.Lifetimes = append(e.Lifetimes, s.Lifetime)
			}
		}
	}
	slices.Sort(e.Algorithms)
	slices.Sort(e.TokenKinds)
	if e.Sign == nil {
		e.Sign = []*keySite{}
	}
	if e.Verify == nil {
		e.Verify = []*keySite{}
	}
	// A config site's use is not known: it neither makes a key static
	// nor ready.
	verifies := e.Verify
	switch {
	case len(verifies) == 0:
		e.Rotation = "-"
	case slices.ContainsFunc(verifies, func(s *keySite) bool { return s.SelectsBy != "" }):
		e.Rotation = "ready"
	default:
		e.Rotation = "static"
	}
}

func selectsBy(rotation string) string {
	switch rotation {
	case "kid":
		return "kid"
	case "set":
		return "key set"
	}
	return ""
}

// formatTTL prints a lifetime the way people plan them: 15m, 1h, 720h.
func formatTTL(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// relText rewrites the absolute file names in a description relative to
// the directory the command runs in.
func (d *driver) relText(s string) string {
	for _, root := range []string{d.root, evalSymlinks(d.root)} {
		s = strings.ReplaceAll(s, root+string(filepath.Separator), "")
	}
	return s
}

// expand replaces each use's key by what it resolves to across packages:
// a parameter by the arguments its callers pass, a field by what is
// written to it. A parameter given several keys by its callers is a use
// of each of them.
func (col *keyCollector) expand(uses []*keyUse) []*keyUse {
	var out []*keyUse
	for _, u := range uses {
		for _, r := range col.resolve(originRec{u.id, u.origin, u.source}, 0, make(map[string]bool)) {
			c := *u
			c.id, c.origin, c.source = r.id, r.origin, r.source
			out = append(out, &c)
		}
	}
	return out
}

func (col *keyCollector) resolve(r originRec, depth int, seen map[string]bool) []originRec {
	const elem = "an element of "
	if base, ok := strings.CutSuffix(r.id, "[]"); ok && strings.HasPrefix(r.origin, elem) {
		// An element of a collection is a key of whatever the
		// collection resolves to.
		var out []originRec
		for _, x := range col.resolve(originRec{base, strings.TrimPrefix(r.origin, elem), r.source}, depth+1, seen) {
			out = append(out, originRec{x.id + "[]", elem + x.origin, x.source})
		}
		return out
	}
	param := strings.HasPrefix(r.id, "param:")
	next := col.fields[r.id]
	if param {
		next = col.args[r.id]
	}
	if len(next) == 0 || depth > 8 || seen[r.id] {
		return []originRec{r}
	}
	seen[r.id] = true
	defer delete(seen, r.id)
	var out []originRec
	ids := make(map[string]bool)
	for _, n := range next {
		for _, x := range col.resolve(n, depth+1, seen) {
			if !ids[x.id] {
				ids[x.id] = true
				out = append(out, x)
			}
		}
	}
	if !param && len(out) > 1 {
		// A field given several values stays one key; its origin lists
		// them.
		var origins []string
		for _, x := range out {
			origins = append(origins, x.origin)
		}
		slices.Sort(origins)
		return []originRec{{r.id, r.origin + ", set to " + strings.Join(slices.Compact(origins), "; or "), "runtime"}}
	}
	return out
}
