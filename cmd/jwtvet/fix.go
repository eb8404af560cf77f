package main

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/format"
	"os"
	"slices"
	"strings"

	goimports "golang.org/x/tools/imports"
)

// A fileEdit replaces the bytes [start, end) of a file's original
// content with text.
type fileEdit struct {
	start, end int
	text       string
}

// overlaps reports whether two different edits cannot both be applied.
// Two insertions at one point can: rules add imports that way (see
// analyzers/internal/diag), and x/tools' three-way merge takes both too.
func overlaps(a, b fileEdit) bool {
	switch {
	case a.start == a.end && b.start == b.end:
		return false
	case a.start == a.end:
		return b.start < a.start && a.start < b.end
	case b.start == b.end:
		return a.start < b.start && b.start < a.end
	}
	return a.start < b.end && b.start < a.end
}

// fileState is a file that fixes will change.
type fileState struct {
	name     string
	content  []byte // as loaded
	mode     os.FileMode
	edits    []fileEdit
	findings []*finding // whose fixes edit this file
}

// applyFixes applies the first suggested fix of each finding, whole or
// not at all, in finding order. An edit identical to one already taken
// (the same import added by two fixes, or the same fix seen from a
// package's test variant) is taken once; a fix that overlaps an accepted
// edit in any other way is left for the next round (see fixAgain).
// Changed Go files are formatted the way goimports does (gofmt, import
// declarations merged, the standard library grouped apart from modules).
// With diff, a unified diff goes to stdout and no file is written. It
// returns the findings whose fix was applied (or, with diff, would be).
func (d *driver) applyFixes(findings []*finding, diff bool) map[*finding]bool {
	files := make(map[string]*fileState)
	fixed := make(map[*finding]bool)
	warn := func(f *finding, format string, args ...any) {
		d.errorf("warning: %s: fix %q of %s not applied: %s", d.position(f.posn),
			f.diag.SuggestedFixes[0].Message, f.analyzer.Name, fmt.Sprintf(format, args...))
	}
	// A conflict is retried by the next round (see fixAgain), so it is
	// only worth a warning when no round follows.
	d.conflicts = nil
	conflict := func(f *finding, name string) {
		d.conflicts = append(d.conflicts, fmt.Sprintf("warning: %s: fix %q of %s not applied: it conflicts with another fix in %s",
			d.position(f.posn), f.diag.SuggestedFixes[0].Message, f.analyzer.Name, d.rel(name)))
	}

nextFinding:
	for _, f := range findings {
		if len(f.diag.SuggestedFixes) == 0 {
			continue
		}
		fix := f.diag.SuggestedFixes[0]

		// Group the fix's edits by file, checking each against the file
		// as it was loaded.
		perFile := make(map[string][]fileEdit)
		for _, edit := range fix.TextEdits {
			tf := f.fset.File(edit.Pos)
			end := cmp.Or(edit.End, edit.Pos)
			if tf == nil || f.fset.File(end) != tf || end < edit.Pos {
				warn(f, "an edit has an invalid range")
				continue nextFinding
			}
			name := tf.Name()
			if f.pkg.generated[name] {
				warn(f, "%s is generated code", d.rel(name))
				continue nextFinding
			}
			st, err := d.fileState(files, name, tf.Size())
			if err != nil {
				warn(f, "%v", err)
				continue nextFinding
			}
			perFile[st.name] = append(perFile[st.name], fileEdit{
				start: tf.Offset(edit.Pos),
				end:   tf.Offset(end),
				text:  string(edit.NewText),
			})
		}

		// The fix's own edits must not overlap; then it must fit with
		// the edits already taken.
		for name, edits := range perFile {
			slices.SortFunc(edits, compareEdits)
			edits = slices.Compact(edits)
			for i := 1; i < len(edits); i++ {
				if overlaps(edits[i-1], edits[i]) {
					warn(f, "its edits to %s overlap", d.rel(name))
					continue nextFinding
				}
			}
			var fresh []fileEdit
			for _, e := range edits {
				if slices.Contains(files[name].edits, e) {
					continue
				}
				for _, prev := range files[name].edits {
					if overlaps(prev, e) {
						conflict(f, name)
						continue nextFinding
					}
				}
				fresh = append(fresh, e)
			}
			perFile[name] = fresh
		}
		for name, edits := range perFile {
			st := files[name]
			st.edits = append(st.edits, edits...)
			st.findings = append(st.findings, f)
		}
		fixed[f] = true
	}

	var names []string
	for name, st := range files {
		if len(st.edits) > 0 {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	written := make(map[string]bool)
	for _, name := range names {
		st := files[name]
		result := applyEdits(st.content, st.edits)
		if strings.HasSuffix(name, ".go") {
			result = formatGo(name, result)
		}
		if diff {
			rel := d.rel(name)
			fmt.Fprint(d.stdout, unifiedDiff("a/"+rel, "b/"+rel, st.content, result))
			continue
		}
		if err := os.WriteFile(name, result, st.mode); err != nil {
			d.errorf("warning: %v", err)
			for _, f := range st.findings {
				delete(fixed, f)
			}
			continue
		}
		written[name] = true
	}
	d.fixesApplied += len(fixed)
	if d.filesWritten == nil {
		d.filesWritten = make(map[string]bool)
	}
	for name := range written {
		d.filesWritten[name] = true
	}
	return fixed
}

// maxFixRounds bounds how often -fix analyzes again after writing fixes.
// One more round normally finds nothing left to fix; fixes that keep
// making fixable findings are a bug in a rule, reported as a warning.
const maxFixRounds = 3

// fixAgain reports whether check should analyze the packages again after
// fixes were written, so that -fix ends at a fixpoint and reports only
// the findings still in the code: a finding that another finding's fix
// removed (the short key that now comes from the environment, a second
// sink of a key already replaced) is not printed. When no round follows,
// it prints what the rounds did.
func (d *driver) fixAgain(opts *options, fixed map[*finding]bool) bool {
	again := !opts.diff && len(fixed) > 0
	if again && d.fixRounds+1 >= maxFixRounds {
		d.errorf("warning: fixes still apply after %d rounds; run -fix again", maxFixRounds)
		again = false
	}
	if again {
		d.fixRounds++
		return true
	}
	for _, msg := range d.conflicts {
		d.errorf("%s", msg)
	}
	if !opts.diff && d.fixesApplied > 0 {
		d.errorf("applied %s, updated %s", plural(d.fixesApplied, "fix", "fixes"), plural(len(d.filesWritten), "file", "files"))
	}
	return false
}

// formatGo formats a fixed Go file like goimports without adding or
// removing imports, falling back to gofmt.
func formatGo(name string, src []byte) []byte {
	opt := &goimports.Options{FormatOnly: true, Comments: true, TabIndent: true, TabWidth: 8}
	if out, err := goimports.Process(name, src, opt); err == nil {
		return out
	}
	if out, err := format.Source(src); err == nil {
		return out
	}
	return src
}

// fileState returns the state of file name, reading it on first use. It
// fails when the file changed since it was loaded.
func (d *driver) fileState(files map[string]*fileState, name string, size int) (*fileState, error) {
	if st := files[name]; st != nil {
		return st, nil
	}
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	content, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if len(content) != size {
		return nil, fmt.Errorf("%s changed since it was analyzed", d.rel(name))
	}
	st := &fileState{name: name, content: content, mode: fi.Mode().Perm()}
	files[name] = st
	return st, nil
}

func compareEdits(a, b fileEdit) int {
	return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.text, b.text))
}

// applyEdits applies non-overlapping edits to src.
func applyEdits(src []byte, edits []fileEdit) []byte {
	edits = slices.Clone(edits)
	slices.SortFunc(edits, compareEdits)
	var out bytes.Buffer
	pos := 0
	for _, e := range edits {
		out.Write(src[pos:e.start])
		out.WriteString(e.text)
		pos = e.end
	}
	out.Write(src[pos:])
	return out.Bytes()
}

func isGenerated(file *ast.File) bool { return ast.IsGenerated(file) }
