package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// writeText prints one line per finding, "file:line:col: message (rule)",
// with related positions indented below it. With contextLines >= 0 it
// also prints the offending lines and that many lines around them, with
// literals masked (see mask.go).
func (d *driver) writeText(w io.Writer, findings []*finding, contextLines int) error {
	bw := bufio.NewWriter(w)
	lines := make(maskedLines)
	for _, f := range findings {
		fmt.Fprintf(bw, "%s: %s (%s)\n", d.position(f.posn), f.diag.Message, f.analyzer.Name)
		if contextLines >= 0 {
			src := lines.get(f.posn.Filename)
			last := max(f.end.Line, f.posn.Line)
			for i := f.posn.Line - contextLines; i <= last+contextLines; i++ {
				if 1 <= i && i <= len(src) {
					fmt.Fprintf(bw, "%d\t%s\n", i, src[i-1])
				}
			}
		}
		for _, rel := range f.diag.Related {
			fmt.Fprintf(bw, "\t%s: %s\n", d.position(f.fset.Position(rel.Pos)), rel.Message)
		}
	}
	return bw.Flush()
}

// lineCache reads source files once, split into lines.
type lineCache map[string][]string

func newLineCache() lineCache { return make(lineCache) }

func (c lineCache) get(filename string) []string {
	lines, ok := c[filename]
	if !ok {
		data, _ := os.ReadFile(filename)
		lines = strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
		c[filename] = lines
	}
	return lines
}

// The JSON output is the tree the x/tools drivers print for -json
// (package ID -> analyzer name -> diagnostics, or {"error": ...}), so
// tools written for `go vet -json` read it unchanged. Field names and
// omitempty rules follow golang.org/x/tools/internal/analysis/driverutil,
// and so do file names: absolute, as go vet -json and x/tools' checker
// print them (text and SARIF output name files relative to the root).

type jsonTextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonSuggestedFix struct {
	Message string         `json:"message"`
	Edits   []jsonTextEdit `json:"edits"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

type jsonDiagnostic struct {
	Category       string             `json:"category,omitempty"`
	Posn           string             `json:"posn"`
	End            string             `json:"end"`
	Message        string             `json:"message"`
	SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated      `json:"related,omitempty"`
}

type jsonError struct {
	Err string `json:"error"`
}

func (d *driver) writeJSON(w io.Writer, findings []*finding, analyzerErrs []loadError) error {
	tree := make(map[string]map[string]any)
	add := func(pkg, analyzer string, v any) {
		if tree[pkg] == nil {
			tree[pkg] = make(map[string]any)
		}
		tree[pkg][analyzer] = v
	}
	for _, f := range findings {
		jd := jsonDiagnostic{
			Category: f.diag.Category,
			Posn:     f.posn.String(),
			End:      f.end.String(),
			Message:  f.diag.Message,
		}
		for _, fix := range f.diag.SuggestedFixes {
			jf := jsonSuggestedFix{Message: fix.Message}
			for _, edit := range fix.TextEdits {
				start := f.fset.Position(edit.Pos)
				end := f.fset.Position(cmp.Or(edit.End, edit.Pos))
				jf.Edits = append(jf.Edits, jsonTextEdit{
					Filename: start.Filename,
					Start:    start.Offset,
					End:      end.Offset,
					New:      string(edit.NewText),
				})
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		for _, rel := range f.diag.Related {
			jd.Related = append(jd.Related, jsonRelated{
				Posn:    f.fset.Position(rel.Pos).String(),
				End:     f.fset.Position(cmp.Or(rel.End, rel.Pos)).String(),
				Message: rel.Message,
			})
		}
		list, _ := tree[f.pkgID][f.analyzer.Name].([]jsonDiagnostic)
		add(f.pkgID, f.analyzer.Name, append(list, jd))
	}
	for _, e := range analyzerErrs {
		add(e.pkg, e.analyzer, jsonError{e.msg})
	}
	// json.Marshal sorts map keys, so the output is deterministic.
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.Write(data)
	buf.WriteByte('\n')
	_, err = w.Write(buf.Bytes())
	return err
}
