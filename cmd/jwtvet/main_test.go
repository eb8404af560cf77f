package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/jwtvet/jwtvet/analyzers"
)

// Under go vet the analyzers run as copies whose messages start with the
// rule's name, once; the originals are untouched, so the standalone
// command and golangci-lint do not show the name twice.
func TestNamed(t *testing.T) {
	copies := named(testSuite)
	for i, c := range copies {
		a := testSuite[i]
		if c == a || c.Name != a.Name || c.Doc != a.Doc {
			t.Errorf("copy %d of %s: %+v", i, a.Name, c)
		}
		if c.Flags.Lookup("word") != a.Flags.Lookup("word") {
			t.Errorf("%s: the copy does not share the original's flags", a.Name)
		}
	}
	root, err := filepath.Abs(fixture)
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax, Dir: root}, "./app")
	if err != nil {
		t.Fatal(err)
	}
	count := func(g *checker.Graph) (prefixed, plain int) {
		for _, act := range g.Roots {
			for _, d := range act.Diagnostics {
				msg, ok := strings.CutPrefix(d.Message, act.Analyzer.Name+": ")
				switch {
				case ok && !strings.HasPrefix(msg, act.Analyzer.Name+": "):
					prefixed++
				case !ok:
					plain++
				default:
					t.Errorf("name twice: %q", d.Message)
				}
			}
		}
		return prefixed, plain
	}
	g, err := checker.Analyze(copies, pkgs, &checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if prefixed, plain := count(g); prefixed == 0 || plain != 0 {
		t.Errorf("copies: %d messages with the rule name, %d without", prefixed, plain)
	}
	g, err = checker.Analyze(testSuite, pkgs, &checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if prefixed, plain := count(g); prefixed != 0 || plain == 0 {
		t.Errorf("originals: %d messages with the rule name, %d without", prefixed, plain)
	}
	// named relies on this: a copy of a rule another rule requires would
	// run beside the original.
	suite := analyzers.Suite()
	for _, a := range suite {
		for _, req := range a.Requires {
			if slices.Contains(suite, req) {
				t.Errorf("%s requires %s, a rule of the suite: named must map Requires to the copies", a.Name, req.Name)
			}
		}
	}
	if got := ruleMessage("weakkey", "weakkey: short key"); got != "weakkey: short key" {
		t.Errorf("ruleMessage added the name twice: %q", got)
	}
}
