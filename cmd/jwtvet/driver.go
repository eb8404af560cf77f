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
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers"
	"github.com/jwtvet/jwtvet/internal/engine"
)

// Exit codes of the standalone driver. They are part of the command's
// interface: keep them in step with doc.go and the usage text.
const (
	exitClean    = 0 // no findings from the rules named by -fail
	exitFindings = 1 // findings
	exitUsage    = 2 // bad flag, rule name, format or arguments
	exitLoad     = 3 // packages could not be loaded, type-checked or analyzed
)

const progname = "jwtvet"

// driver is one run of the standalone command.
type driver struct {
	stdout, stderr io.Writer
	suite          []*analysis.Analyzer
	cwe            map[string][]string
	severity       map[string]string // rule -> SARIF security-severity

	root string // absolute directory the command runs in (-C)

	// -fix state across rounds (fix.go).
	fixRounds, fixesApplied int
	filesWritten            map[string]bool
	conflicts               []string
}

// options holds the parsed command line.
type options struct {
	format   string
	context  int
	fix      bool
	diff     bool
	tests    bool
	tags     string
	modules  []string        // modules analyzed from source besides the main module(s)
	fail     map[string]bool // rule name -> its findings fail the run
	patterns []string
}

// run is the standalone command: it parses args, loads and analyzes the
// packages with suite, prints the findings and returns the exit code.
// cwe gives each rule's CWE ids for the SARIF rule metadata.
func run(args []string, stdout, stderr io.Writer, suite []*analysis.Analyzer, cwe map[string][]string) int {
	d := &driver{stdout: stdout, stderr: stderr, suite: suite, cwe: cwe, severity: analyzers.SecuritySeverity}
	if err := analysis.Validate(suite); err != nil {
		d.errorf("invalid analyzer: %v", err)
		return exitLoad
	}
	if len(args) > 0 && args[0] == "keys" {
		return d.runKeys(args[1:])
	}
	opts, selected, code := d.parseArgs(args)
	if opts == nil {
		return code
	}
	return d.check(opts, selected)
}

func (d *driver) errorf(format string, args ...any) {
	fmt.Fprintf(d.stderr, progname+": "+format+"\n", args...)
}

// usageError prints a one-line usage error and returns exitUsage.
func (d *driver) usageError(format string, args ...any) int {
	fmt.Fprintf(d.stderr, progname+": "+format+" (run '"+progname+" -h' for usage)\n", args...)
	return exitUsage
}

// parseArgs parses the command line. It returns nil options when the
// command is finished (help, version, usage error) along with its exit
// code.
func (d *driver) parseArgs(args []string) (*options, []*analysis.Analyzer, int) {
	fs := flag.NewFlagSet(progname, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}

	opts := &options{}
	var (
		jsonOut  bool
		failList string
		chdir    string
		explain  string
		version  bool
	)
	fs.StringVar(&opts.format, "format", "text", "output `format`: text, json or sarif")
	fs.BoolVar(&jsonOut, "json", false, "shorthand for -format=json")
	fs.IntVar(&opts.context, "c", -1, "text output: also print the offending line and `N` lines of context around it, literals masked")
	fs.BoolVar(&opts.fix, "fix", false, "apply the first suggested fix of each finding to the files")
	fs.BoolVar(&opts.diff, "diff", false, "with -fix, print the fixes as a unified diff on stdout instead of writing the files")
	fs.BoolVar(&opts.tests, "test", true, "also analyze _test.go files and test packages")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated list of build `tags` to consider satisfied")
	fs.StringVar(&failList, "fail", "all", "comma-separated `rules` whose findings make the exit status 1: all, NAME, -NAME")
	fs.StringVar(&chdir, "C", "", "run as if started in `dir`")
	fs.Func("modules", "comma-separated `modules` whose packages are analyzed from source besides the main module(s), e.g. a shared auth module", func(v string) error {
		for _, m := range strings.Split(v, ",") {
			if m = strings.TrimSpace(m); m != "" {
				opts.modules = append(opts.modules, m)
			}
		}
		return nil
	})
	fs.StringVar(&explain, "explain", "", "print the documentation and flags of `rule` and exit")
	fs.BoolVar(&version, "V", false, "print the version and exit")
	fs.BoolVar(&version, "version", false, "print the version and exit")

	enabled := make(map[*analysis.Analyzer]*triState)
	for _, a := range d.suite {
		ts := new(triState)
		enabled[a] = ts
		fs.Var(ts, a.Name, fmt.Sprintf("run the %s rule; if any rule flag is true only those run, -%s=false skips it", a.Name, a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			// Analyzer flags are process-wide values; start every
			// run from the analyzer's own default.
			if f.Value.String() != f.DefValue {
				_ = f.Value.Set(f.DefValue)
			}
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}

	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		d.usage(fs)
		return nil, nil, exitClean
	}
	if err != nil {
		return nil, nil, d.usageError("%v", err)
	}

	if version {
		fmt.Fprintln(d.stdout, versionString())
		return nil, nil, exitClean
	}
	if explain != "" {
		a := d.lookup(explain)
		if a == nil {
			return nil, nil, d.usageError("-explain: unknown rule %q (rules: %s)", explain, d.ruleNames())
		}
		d.explain(a)
		return nil, nil, exitClean
	}
	if len(positional) > 0 && positional[0] == "help" {
		if len(positional) == 1 {
			d.listRules()
			return nil, nil, exitClean
		}
		if len(positional) == 2 && positional[1] == "keys" {
			return nil, nil, d.runKeys([]string{"-h"})
		}
		for _, name := range positional[1:] {
			if d.lookup(name) == nil {
				return nil, nil, d.usageError("help: unknown rule %q (rules: %s)", name, d.ruleNames())
			}
		}
		for i, name := range positional[1:] {
			if i > 0 {
				fmt.Fprintln(d.stdout)
			}
			d.explain(d.lookup(name))
		}
		return nil, nil, exitClean
	}

	formatSet := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "format" {
			formatSet = true
		}
	})
	switch opts.format {
	case "text", "json", "sarif":
	default:
		return nil, nil, d.usageError("unknown -format %q: want text, json or sarif", opts.format)
	}
	if jsonOut {
		if formatSet && opts.format != "json" {
			return nil, nil, d.usageError("-json conflicts with -format=%s", opts.format)
		}
		opts.format = "json"
	}
	if opts.diff && !opts.fix {
		return nil, nil, d.usageError("-diff only works with -fix")
	}
	if opts.context < -1 {
		return nil, nil, d.usageError("-c must be 0 or more")
	}
	opts.fail, err = d.parseFail(failList)
	if err != nil {
		return nil, nil, d.usageError("-fail: %v", err)
	}

	root := chdir
	if root == "" {
		root = "."
	}
	// Stat the directory as given, so the message names it that way.
	fi, err := os.Stat(root)
	if err == nil && !fi.IsDir() {
		err = fmt.Errorf("%s is not a directory", root)
	}
	if err == nil {
		root, err = filepath.Abs(root)
	}
	if err != nil {
		return nil, nil, d.usageError("-C: %v", err)
	}
	d.root = root

	if len(positional) == 0 {
		return nil, nil, d.usageError("no packages given (for example: %s ./...)", progname)
	}
	opts.patterns = positional
	return opts, d.selectAnalyzers(enabled), exitClean
}

// parseInterspersed parses flags that may appear before, between or after
// the package patterns (jwtvet ./... -json). Everything after "--" is a
// pattern.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		i := 0
		for i < len(rest) && (!strings.HasPrefix(rest[i], "-") || rest[i] == "-") {
			i++
		}
		positional = append(positional, rest[:i]...)
		args = rest[i:]
		if len(args) == 0 {
			return positional, nil
		}
	}
}

// selectAnalyzers applies the -NAME enable flags the way multichecker
// does: any true flag selects exactly the rules set true; otherwise rules
// set false are dropped.
func (d *driver) selectAnalyzers(enabled map[*analysis.Analyzer]*triState) []*analysis.Analyzer {
	var anyTrue bool
	for _, ts := range enabled {
		anyTrue = anyTrue || *ts == setTrue
	}
	var selected []*analysis.Analyzer
	for _, a := range d.suite {
		switch ts := *enabled[a]; {
		case anyTrue && ts == setTrue, !anyTrue && ts != setFalse:
			selected = append(selected, a)
		}
	}
	return selected
}

// parseFail parses -fail: a comma-separated list of rule names, "all",
// and "-NAME" to take a rule out again, applied left to right.
func (d *driver) parseFail(list string) (map[string]bool, error) {
	fail := make(map[string]bool)
	for _, item := range strings.Split(list, ",") {
		item = strings.TrimSpace(item)
		name, remove := strings.CutPrefix(item, "-")
		switch {
		case item == "":
			continue
		case name == "all":
			for _, a := range d.suite {
				fail[a.Name] = !remove
			}
		case d.lookup(name) != nil:
			fail[name] = !remove
		default:
			return nil, fmt.Errorf("unknown rule %q (rules: %s)", name, d.ruleNames())
		}
	}
	return fail, nil
}

func (d *driver) lookup(name string) *analysis.Analyzer {
	for _, a := range d.suite {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func (d *driver) ruleNames() string {
	names := make([]string, len(d.suite))
	for i, a := range d.suite {
		names[i] = a.Name
	}
	return strings.Join(names, ", ")
}

// A finding is one deduplicated diagnostic.
type finding struct {
	analyzer  *analysis.Analyzer
	rank      int    // the analyzer's index in the suite, for sorting
	pkgID     string // the package it is reported under in JSON
	pkg       *packageInfo
	fset      *token.FileSet
	diag      analysis.Diagnostic
	posn, end token.Position
}

// packageInfo is what fixing needs to know about a package.
type packageInfo struct {
	generated map[string]bool // file name -> generated code
}

// loadError is one error found while loading packages.
type loadError struct {
	pkg      string
	analyzer string // for an analyzer's own error
	msg      string
}

// load lists the packages of the patterns for the engine; it prints why
// when there is nothing to analyze and returns nil.
func (d *driver) load(tests bool, tags string, modules, patterns []string) *engine.Program {
	cfg := &engine.Config{Dir: d.root, Tests: tests, SourceModules: modules}
	if tags != "" {
		cfg.BuildFlags = []string{"-tags=" + tags}
	}
	prog, err := engine.Load(cfg, patterns...)
	if err != nil {
		d.errorf("cannot load packages: %v", err)
		return nil
	}
	if len(prog.Roots) == 0 {
		d.errorf("no packages matched %s", strings.Join(patterns, " "))
		return nil
	}
	return prog
}

func (d *driver) check(opts *options, selected []*analysis.Analyzer) int {
	prog := d.load(opts.tests, opts.tags, opts.modules, opts.patterns)
	if prog == nil {
		return exitLoad
	}
	results, errs := engine.Analyze(prog, selected, nil)
	loadErrs := d.loadErrors(errs)
	for _, e := range loadErrs {
		fmt.Fprintf(d.stderr, "%s: %s\n", progname, e.msg)
	}
	findings, analyzerErrs, notAnalyzed := d.collect(prog.Fset, results)
	for _, e := range analyzerErrs {
		d.errorf("rule %s failed on %s: %s", e.analyzer, e.pkg, e.msg)
	}
	if len(notAnalyzed) > 0 {
		d.errorf("not analyzed, because of the errors above: %s", strings.Join(notAnalyzed, ", "))
	}
	failed := len(loadErrs) > 0 || len(analyzerErrs) > 0 || len(notAnalyzed) > 0
	if failed && len(findings) > 0 {
		d.errorf("%s: the findings come only from the packages analyzed without errors",
			plural(len(loadErrs)+len(analyzerErrs), "error", "errors"))
	}

	// report holds the findings still in the code when the command ends;
	// they decide the exit code.
	report := findings
	out, format, listed := d.stdout, opts.format, findings
	if opts.fix && failed {
		d.errorf("not applying fixes: some packages have errors")
		d.fixAgain(opts, nil) // what earlier rounds wrote, if any
	} else if opts.fix {
		fixed := d.applyFixes(findings, opts.diff)
		if d.fixAgain(opts, fixed) {
			return d.check(opts, selected)
		}
		var unfixed []*finding
		for _, f := range findings {
			if !fixed[f] {
				unfixed = append(unfixed, f)
			}
		}
		listed = unfixed
		if opts.diff {
			// stdout holds the patch, so what it leaves out goes to
			// stderr. Nothing was written: every finding still counts.
			out, format = d.stderr, "text"
		} else {
			report = unfixed
		}
	}
	if err := d.write(out, format, opts, listed, loadErrs, analyzerErrs); err != nil {
		d.errorf("%v", err)
		return exitLoad
	}

	if failed {
		return exitLoad
	}
	for _, f := range report {
		if opts.fail[f.analyzer.Name] {
			return exitFindings
		}
	}
	return exitClean
}

func (d *driver) write(w io.Writer, format string, opts *options, findings []*finding, loadErrs, analyzerErrs []loadError) error {
	switch format {
	case "json":
		return d.writeJSON(w, findings, analyzerErrs)
	case "sarif":
		return d.writeSARIF(w, findings, loadErrs, analyzerErrs)
	default:
		return d.writeText(w, findings, opts.context)
	}
}

// loadErrors turns the errors met while loading into messages, each once.
// The engine reports each at its cause: a package that could not be read
// or type-checked, not every importer of it.
//
// One cause met at many places (a module the proxy refuses, imported by
// many files) is printed once, at its first place, with the count of the
// others.
func (d *driver) loadErrors(errs []engine.LoadError) []loadError {
	var out []loadError
	first := make(map[string]int) // message -> index in out
	more := make(map[string]int)
	for _, e := range errs {
		if i, ok := first[e.Err.Msg]; ok {
			if out[i].msg != e.Err.Msg || e.Err.Pos != "" && e.Err.Pos != "-" {
				more[e.Err.Msg]++
			}
			continue
		}
		msg := e.Err.Msg
		if e.Err.Pos != "" && e.Err.Pos != "-" {
			msg = d.relPos(e.Err.Pos) + ": " + e.Err.Msg
		}
		first[e.Err.Msg] = len(out)
		out = append(out, loadError{pkg: e.Package.ID, msg: msg})
	}
	for m, n := range more {
		out[first[m]].msg += fmt.Sprintf(" (and %s)", plural(n, "more place", "more places"))
	}
	return out
}

// collect gathers the root diagnostics, deduplicated (a file of package p
// is analyzed again in its test variant "p [p.test]") and sorted by
// position, the analyzers' own errors, and the root packages that were not
// analyzed because they or their dependencies have errors.
func (d *driver) collect(fset *token.FileSet, results []*engine.Result) ([]*finding, []loadError, []string) {
	rank := make(map[*analysis.Analyzer]int)
	for i, a := range d.suite {
		rank[a] = i
	}
	type key struct {
		posn, end, analyzer, message string
	}
	byKey := make(map[key]*finding)
	var findings []*finding
	var errs []loadError
	var notAnalyzed []string
	for _, res := range results {
		if res.Broken && len(res.Package.CompiledGoFiles) > 0 {
			notAnalyzed = append(notAnalyzed, res.Package.ID)
		}
		for a, err := range res.Errors {
			errs = append(errs, loadError{res.Package.ID, a.Name, err.Error()})
		}
		info := &packageInfo{generated: res.Generated}
		for a, diags := range res.Diagnostics {
			for _, diag := range diags {
				posn := fset.Position(diag.Pos)
				end := fset.Position(cmp.Or(diag.End, diag.Pos))
				k := key{posn.String(), end.String(), a.Name, diag.Message}
				if prev := byKey[k]; prev != nil {
					// Report it under the plain package rather than its
					// test variant, whatever order the packages came in.
					if res.Package.ID < prev.pkgID {
						prev.pkgID = res.Package.ID
					}
					continue
				}
				f := &finding{
					analyzer: a,
					rank:     rank[a],
					pkgID:    res.Package.ID,
					pkg:      info,
					fset:     fset,
					diag:     diag,
					posn:     posn,
					end:      end,
				}
				byKey[k] = f
				findings = append(findings, f)
			}
		}
	}
	slices.SortFunc(findings, func(a, b *finding) int {
		return cmp.Or(
			cmp.Compare(a.posn.Filename, b.posn.Filename),
			cmp.Compare(a.posn.Line, b.posn.Line),
			cmp.Compare(a.posn.Column, b.posn.Column),
			cmp.Compare(a.rank, b.rank),
			cmp.Compare(a.diag.Message, b.diag.Message),
			cmp.Compare(a.end.Offset, b.end.Offset),
		)
	})
	slices.SortFunc(errs, func(a, b loadError) int {
		return cmp.Or(cmp.Compare(a.pkg, b.pkg), cmp.Compare(a.analyzer, b.analyzer))
	})
	slices.Sort(notAnalyzed)
	return findings, errs, slices.Compact(notAnalyzed)
}

// needFacts reports whether any analyzer, or one it requires, uses facts.
func needFacts(analyzers []*analysis.Analyzer) bool {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func([]*analysis.Analyzer) bool
	visit = func(as []*analysis.Analyzer) bool {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			if len(a.FactTypes) > 0 || visit(a.Requires) {
				return true
			}
		}
		return false
	}
	return visit(analyzers)
}

// rel returns filename relative to the root when it lies under it, so
// output does not depend on where the tree is checked out.
func (d *driver) rel(filename string) string {
	if filename == "" || !filepath.IsAbs(filename) {
		return filename
	}
	for _, root := range []string{d.root, evalSymlinks(d.root)} {
		if r, err := filepath.Rel(root, filename); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return r
		}
	}
	return filename
}

func evalSymlinks(path string) string {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		return p
	}
	return path
}

// relPos rewrites a "file:line:col" position string with a relative file.
func (d *driver) relPos(pos string) string {
	file, rest := pos, ""
	// Split off up to two trailing numeric fields.
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 {
			break
		}
		if _, err := strconv.Atoi(file[i+1:]); err != nil {
			break
		}
		file, rest = file[:i], file[i:]+rest
	}
	return d.rel(file) + rest
}

// position formats posn with a relative file name.
func (d *driver) position(posn token.Position) string {
	posn.Filename = d.rel(posn.Filename)
	return posn.String()
}

// A triState is a bool flag that remembers whether it was set, like the
// -NAME flags of multichecker.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) Set(value string) error {
	b, err := strconv.ParseBool(value)
	if err != nil {
		return errors.New("want true or false")
	}
	*ts = setFalse
	if b {
		*ts = setTrue
	}
	return nil
}

func (ts *triState) String() string {
	if ts != nil && *ts == setFalse {
		return "false"
	}
	return "true"
}

func (ts *triState) Get() any         { return *ts == setTrue }
func (ts *triState) IsBoolFlag() bool { return true }

// versionOnly returns the module version the binary was built from, or
// "(devel)".
func versionOnly() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

func versionString() string {
	return fmt.Sprintf("%s version %s %s %s/%s", progname, versionOnly(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func plural(n int, one, many string) string {
	return strconv.Itoa(n) + " " + pluralWord(n, one, many)
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
