package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// usage prints the -h text on stdout.
func (d *driver) usage(fs *flag.FlagSet) {
	w := d.stdout
	fmt.Fprintf(w, `%[1]s finds misuse of JSON Web Token libraries in Go code.

Usage:
  %[1]s [flags] packages        analyze packages (e.g. ./...)
  %[1]s help [rule...]          list the rules, or explain some
  %[1]s keys [flags] packages   list the program's JWT keys (%[1]s keys -h)
  go vet -vettool=$(command -v %[1]s) [flags] packages

Rules:
`, progname)
	d.writeRuleList(w)
	fmt.Fprintf(w, `
Flags (they may also follow the packages):
`)
	// Driver flags first, then each rule's flags.
	fs.VisitAll(func(f *flag.Flag) {
		if !strings.Contains(f.Name, ".") && d.lookup(f.Name) == nil {
			printFlag(w, f.Name, f)
		}
	})
	fmt.Fprintf(w, `
Rule flags:
  -NAME
    	run the rule NAME; if any rule flag is true, only those rules run,
    	and -NAME=false skips NAME
`)
	fs.VisitAll(func(f *flag.Flag) {
		if strings.Contains(f.Name, ".") {
			printFlag(w, f.Name, f)
		}
	})

	fmt.Fprintf(w, `
Output formats (-format):
  text   one line per finding on stdout: file:line:col: message (rule)
  json   the go/analysis JSON tree, {"package": {"rule": [diagnostic, ...]}}
  sarif  SARIF 2.1.0, one rule per analyzer, results at level "error"
Text names files relative to the directory %[1]s runs in (-C) when they lie
under it, json by absolute name (as go vet -json), sarif relative to
%%SRCROOT%%. Errors and warnings go to stderr.

With -fix, each finding's first suggested fix is applied, the packages
are analyzed again until nothing is left to fix, and only the findings
still in the code are printed. With -fix -diff, stdout holds the patch
(apply it with git apply), nothing is written, and the findings the patch
leaves out are listed on stderr.

Exit status:
  0  no findings from the rules named by -fail (with -fix: all of them fixed)
  1  findings from the rules named by -fail (with -fix: some left unfixed;
     with -fix -diff: any, since nothing was written)
  2  usage error: bad flag or value, unknown rule, no packages given
  3  packages did not match, load, type-check or analyze
`, progname)
}

// listRules prints the rule list for `help`.
func (d *driver) listRules() {
	w := d.stdout
	fmt.Fprintf(w, "%s rules:\n\n", progname)
	d.writeRuleList(w)
	fmt.Fprintf(w, "\nCommands:\n\n  %-14s %s\n", "keys", "list every JWT key of the program: origin, algorithms, sign and verify sites, token kinds, lifetime, rotation readiness")
	fmt.Fprintf(w, "\nRun '%[1]s help RULE' or '%[1]s -explain RULE' for a rule's documentation and flags,\n"+
		"'%[1]s keys -h' for the key inventory, and '%[1]s -h' for the command's flags.\n", progname)
}

func (d *driver) writeRuleList(w io.Writer) {
	for _, a := range d.suite {
		title, _ := splitDoc(a.Doc)
		fmt.Fprintf(w, "  %-14s %s\n", a.Name, title)
	}
}

// explain prints a rule's documentation and flags.
func (d *driver) explain(a *analysis.Analyzer) {
	w := d.stdout
	title, text := splitDoc(a.Doc)
	fmt.Fprintf(w, "%s: %s\n", a.Name, title)
	if text != "" {
		fmt.Fprintf(w, "\n%s\n", text)
	}
	if hasFlags(&a.Flags) {
		fmt.Fprintf(w, "\nFlags:\n")
		a.Flags.VisitAll(func(f *flag.Flag) { printFlag(w, a.Name+"."+f.Name, f) })
	}
	var trailer []string
	if cwe := d.cwe[a.Name]; len(cwe) > 0 {
		trailer = append(trailer, "Weaknesses: "+strings.Join(cwe, ", "))
	}
	if a.URL != "" {
		trailer = append(trailer, "Documentation: "+a.URL)
	}
	if len(trailer) > 0 {
		fmt.Fprintf(w, "\n%s\n", strings.Join(trailer, "\n"))
	}
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// printFlag prints one flag the way flag.PrintDefaults does, under name,
// with the default it was registered with (not its current value).
func printFlag(w io.Writer, name string, f *flag.Flag) {
	typ, usage := flag.UnquoteUsage(f)
	line := "  -" + name
	if typ != "" {
		line += " " + typ
	}
	if len(line) <= 4 {
		line += "\t" // a one-letter bool flag keeps its usage on the same line
	} else {
		line += "\n    \t"
	}
	line += strings.ReplaceAll(usage, "\n", "\n    \t")
	switch def := f.DefValue; {
	case def == "" || def == "false" || def == "0" || def == "[]":
	case fmt.Sprintf("%T", f.Value) == "*flag.stringValue":
		line += fmt.Sprintf(" (default %q)", def)
	default:
		line += fmt.Sprintf(" (default %v)", def)
	}
	fmt.Fprintln(w, line)
}
