// Package diag is how every jwtvet rule reports: it sets the rule's category
// and documentation URL and honours suppression comments, so suppressions
// behave the same under the jwtvet command, go vet and golangci-lint.
//
// Suppression comments:
//
//	//jwtvet:ignore RULE[,RULE...] reason      on the reported line or the line above
//	//jwtvet:file-ignore RULE[,RULE...] reason anywhere in the file
//
// A suppression without a reason is not honoured and is itself reported by
// each rule it names.
package diag

import (
	"flag"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// DocBase is where the rule pages live.
const DocBase = "https://github.com/jwtvet/jwtvet/blob/main/docs/rules/"

// URL returns the documentation address of a rule.
func URL(rule string) string { return DocBase + rule + ".md" }

const (
	lineDirective = "jwtvet:ignore"
	fileDirective = "jwtvet:file-ignore"
)

// Reporter reports diagnostics for one rule in one pass.
type Reporter struct {
	pass  *analysis.Pass
	rule  string
	lines map[string]map[int]bool // file name -> suppressed lines
	files map[string]bool         // file names suppressed whole
}

// New prepares a Reporter for rule, reading the suppression comments of
// every file of the pass, and reports the ones for rule that lack a reason.
func New(pass *analysis.Pass, rule string) *Reporter {
	r := &Reporter{pass: pass, rule: rule, lines: map[string]map[int]bool{}, files: map[string]bool{}}
	for _, f := range pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				r.scan(c)
			}
		}
	}
	return r
}

func (r *Reporter) scan(c *ast.Comment) {
	text := strings.TrimPrefix(c.Text, "//")
	if text == c.Text {
		return // block comments are not directives
	}
	var fileWide bool
	switch {
	case strings.HasPrefix(text, lineDirective):
		text = text[len(lineDirective):]
	case strings.HasPrefix(text, fileDirective):
		text = text[len(fileDirective):]
		fileWide = true
	default:
		return
	}
	if text != "" && text[0] != ' ' && text[0] != '\t' {
		return // some other directive with a longer name
	}
	fields := strings.Fields(text)
	if len(fields) == 0 {
		return
	}
	named := false
	for _, rule := range strings.Split(fields[0], ",") {
		if rule == r.rule || rule == "all" {
			named = true
		}
	}
	if !named {
		return
	}
	if len(fields) < 2 {
		directive := lineDirective
		if fileWide {
			directive = fileDirective
		}
		r.pass.Report(analysis.Diagnostic{
			Pos:      c.Pos(),
			End:      c.End(),
			Category: r.rule,
			URL:      URL(r.rule),
			Message:  "suppression without a reason is ignored: write //" + directive + " " + fields[0] + " <why this is safe>",
		})
		return
	}
	pos := r.pass.Fset.Position(c.Pos())
	if fileWide {
		r.files[pos.Filename] = true
		return
	}
	m := r.lines[pos.Filename]
	if m == nil {
		m = map[int]bool{}
		r.lines[pos.Filename] = m
	}
	m[pos.Line] = true
	m[pos.Line+1] = true
}

// Suppressed reports whether a diagnostic at pos is suppressed.
func (r *Reporter) Suppressed(pos token.Pos) bool {
	p := r.pass.Fset.Position(pos)
	return r.files[p.Filename] || r.lines[p.Filename][p.Line]
}

// Report reports d unless a suppression comment covers it. It fills in the
// rule's Category and URL.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if r.Suppressed(d.Pos) {
		return
	}
	d.Category = r.rule
	d.URL = URL(r.rule)
	r.pass.Report(d)
}

// Reportf reports a diagnostic without fixes over [pos, end).
func (r *Reporter) Reportf(pos, end token.Pos, format string, args ...any) {
	r.Report(analysis.Diagnostic{Pos: pos, End: end, Message: sprintf(format, args...)})
}

// IsTestFile reports whether pos lies in a _test.go file.
func IsTestFile(fset *token.FileSet, pos token.Pos) bool {
	return strings.HasSuffix(fset.Position(pos).Filename, "_test.go")
}

// Tests is a rule's test-file switch, the -RULE.tests flag. Off by
// default: keys, tokens and checks in _test.go files are fixtures that
// exercise the code, not deployed configuration, and reporting them would
// bury the findings that matter.
type Tests struct{ on bool }

// Register adds the tests flag to a rule's flag set.
func (t *Tests) Register(fs *flag.FlagSet) {
	fs.BoolVar(&t.on, "tests", false, "also report findings in _test.go files")
}

// Skip reports whether a finding at pos is in a _test.go file the rule
// must leave alone.
func (t *Tests) Skip(fset *token.FileSet, pos token.Pos) bool {
	return !t.on && IsTestFile(fset, pos)
}
