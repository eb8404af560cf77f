package main

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/jwtvet/jwtvet/analyzers"
)

func main() {
	args := os.Args[1:]
	if vetProtocol(args) {
		// go vet -vettool: the go command speaks to the tool through
		// -flags, -V=full and a per-package .cfg file. x/tools implements
		// that protocol (including go vet -fix/-diff and facts caching),
		// so hand the whole process over to it.
		suite := analyzers.Suite()
		if err := checkRuleFlags(args, suite); err != nil {
			// One line rather than the flag package's full usage,
			// which go vet would print once per package.
			fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
			os.Exit(exitUsage)
		}
		multichecker.Main(named(suite)...)
		return
	}
	os.Exit(run(args, os.Stdout, os.Stderr, analyzers.Suite(), analyzers.CWE))
}

// checkRuleFlags sets every -RULE.FLAG=VALUE argument on its rule's flag,
// so that a value the rule refuses is reported before anything runs.
// Other arguments are left to multichecker.
func checkRuleFlags(args []string, suite []*analysis.Analyzer) error {
	for _, arg := range args {
		if arg == "--" || !strings.HasPrefix(arg, "-") {
			break
		}
		name, value, ok := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		rule, flagName, dotted := strings.Cut(name, ".")
		if !ok || !dotted {
			continue
		}
		for _, a := range suite {
			if a.Name != rule {
				continue
			}
			if f := a.Flags.Lookup(flagName); f != nil {
				if err := f.Value.Set(value); err != nil {
					return fmt.Errorf("invalid value %q for flag -%s: %v", value, name, err)
				}
			}
		}
	}
	return nil
}

// named returns copies of the analyzers whose findings carry the rule's
// name: "RULE: message". go vet prints findings as "file:line:col:
// message" without the analyzer (its JSON has it, its text does not), so
// without the prefix a user could not tell which rule to name in
// //jwtvet:ignore. The standalone command prints "(RULE)" after the
// message and golangci-lint puts "RULE: " before it, so only this path
// adds it. Copies share Requires, FactTypes and Flags with the originals;
// no rule of the suite requires another, so the copies run in their place.
func named(suite []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(suite))
	for i, a := range suite {
		c := *a
		run := a.Run
		c.Run = func(pass *analysis.Pass) (any, error) {
			report := pass.Report
			pass.Report = func(d analysis.Diagnostic) {
				d.Message = ruleMessage(a.Name, d.Message)
				report(d)
			}
			return run(pass)
		}
		out[i] = &c
	}
	return out
}

// ruleMessage prefixes message with the rule's name, once.
func ruleMessage(rule, message string) string {
	if strings.HasPrefix(message, rule+": ") {
		return message
	}
	return rule + ": " + message
}

// vetProtocol reports whether args come from the go command's vet
// protocol rather than from a person: `-flags`, `-V=...` (go vet sends
// -V=full to compute its cache key) or a *.cfg package description.
// A bare -V is this command's own version flag.
func vetProtocol(args []string) bool {
	for _, arg := range args {
		if arg == "--" {
			break
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if strings.HasPrefix(arg, "-") {
			switch {
			case name == "flags":
				return true
			case name == "V" && hasValue:
				return true
			}
			continue
		}
		if strings.HasSuffix(arg, ".cfg") {
			return true
		}
	}
	return false
}
