package main

import (
	"cmp"
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// A small SARIF 2.1.0 writer: just the objects jwtvet fills in. The tests
// validate its output against the OASIS JSON schema.

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	sarifRootID  = "%SRCROOT%"
	// Every finding is a security defect that fails the run (exit 1),
	// so results are errors, as golangci-lint's SARIF output does by
	// default.
	sarifLevel     = "error"
	informationURI = "https://github.com/jwtvet/jwtvet"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	ColumnKind         string                           `json:"columnKind"`
	Invocations        []sarifInvocation                `json:"invocations"`
	Results            []sarifResult                    `json:"results"`
}

// A sarifInvocation says whether the run analyzed everything it was asked
// to. Code scanning treats a log as the complete state of the code: a run
// that could not analyze a package must not look like a clean one, or the
// upload would close the alerts of that package.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level          string              `json:"level"`
	Message        sarifText           `json:"message"`
	AssociatedRule *sarifRuleReference `json:"associatedRule,omitempty"`
}

type sarifRuleReference struct {
	ID    string `json:"id"`
	Index int    `json:"index"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifProperties    `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifProperties struct {
	Tags []string `json:"tags"`
	// SecuritySeverity is GitHub code scanning's score for a rule's
	// findings, a number from 0.1 to 10 written as a string.
	SecuritySeverity string `json:"security-severity,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        int             `json:"ruleIndex"`
	Level            string          `json:"level"`
	Message          sarifText       `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix      `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int  `json:"startLine,omitempty"`
	StartColumn int  `json:"startColumn,omitempty"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

// writeSARIF writes the findings as one SARIF run. loadErrs and
// analyzerErrs are the packages that could not be analyzed: with any of
// them the invocation is marked unsuccessful and each error becomes a
// tool execution notification.
func (d *driver) writeSARIF(w io.Writer, findings []*finding, loadErrs, analyzerErrs []loadError) error {
	lines := newLineCache()
	driver := sarifDriver{Name: progname, InformationURI: informationURI, Rules: []sarifRule{}}
	if v := versionOnly(); strings.HasPrefix(v, "v") {
		driver.Version = v
	}
	ruleIndex := make(map[*analysis.Analyzer]int)
	for i, a := range d.suite {
		ruleIndex[a] = i
		title, text := splitDoc(a.Doc)
		tags := []string{"security"}
		for _, id := range d.cwe[a.Name] {
			tags = append(tags, cweTag(id))
		}
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   a.Name,
			ShortDescription:     sarifText{title},
			FullDescription:      sarifText{cmp.Or(text, title)},
			HelpURI:              a.URL,
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel},
			Properties:           sarifProperties{Tags: tags, SecuritySeverity: d.severity[a.Name]},
		})
	}

	results := []sarifResult{}
	for _, f := range findings {
		r := sarifResult{
			RuleID:    f.analyzer.Name,
			RuleIndex: ruleIndex[f.analyzer],
			Level:     sarifLevel,
			Message:   sarifText{f.diag.Message},
			Locations: []sarifLocation{{PhysicalLocation: d.sarifPhysical(lines, f.posn, f.end)}},
		}
		for _, rel := range f.diag.Related {
			start := f.fset.Position(rel.Pos)
			end := f.fset.Position(cmp.Or(rel.End, rel.Pos))
			r.RelatedLocations = append(r.RelatedLocations, sarifLocation{
				PhysicalLocation: d.sarifPhysical(lines, start, end),
				Message:          &sarifText{rel.Message},
			})
		}
		for _, fix := range f.diag.SuggestedFixes {
			r.Fixes = append(r.Fixes, d.sarifFix(lines, f.fset, fix))
		}
		results = append(results, r)
	}

	invocation := sarifInvocation{ExecutionSuccessful: len(loadErrs)+len(analyzerErrs) == 0}
	for _, e := range loadErrs {
		invocation.ToolExecutionNotifications = append(invocation.ToolExecutionNotifications, sarifNotification{
			Level:   sarifLevel,
			Message: sarifText{e.msg},
		})
	}
	for _, e := range analyzerErrs {
		n := sarifNotification{
			Level:   sarifLevel,
			Message: sarifText{"rule " + e.analyzer + " failed on " + e.pkg + ": " + e.msg},
		}
		if a := d.lookup(e.analyzer); a != nil {
			n.AssociatedRule = &sarifRuleReference{ID: a.Name, Index: ruleIndex[a]}
		}
		invocation.ToolExecutionNotifications = append(invocation.ToolExecutionNotifications, n)
	}

	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: driver},
			OriginalURIBaseIDs: map[string]sarifArtifactLocation{
				sarifRootID: {URI: fileURI(d.root) + "/"},
			},
			ColumnKind:  "utf16CodeUnits",
			Invocations: []sarifInvocation{invocation},
			Results:     results,
		}},
	}
	data, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// sarifArtifact names a file relative to %SRCROOT% when it lies under the
// root, and by absolute file URI otherwise.
func (d *driver) sarifArtifact(filename string) sarifArtifactLocation {
	rel := d.rel(filename)
	if filepath.IsAbs(rel) {
		return sarifArtifactLocation{URI: fileURI(rel)}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: sarifRootID}
}

func (d *driver) sarifPhysical(lines lineCache, start, end token.Position) sarifPhysicalLocation {
	loc := sarifPhysicalLocation{ArtifactLocation: d.sarifArtifact(start.Filename)}
	if start.Line > 0 {
		loc.Region = &sarifRegion{StartLine: start.Line, StartColumn: utf16Column(lines, start)}
		if end.IsValid() && end.Filename == start.Filename {
			loc.Region.EndLine = end.Line
			loc.Region.EndColumn = utf16Column(lines, end)
		}
	}
	return loc
}

func (d *driver) sarifFix(lines lineCache, fset *token.FileSet, fix analysis.SuggestedFix) sarifFix {
	changes := make(map[string]*sarifArtifactChange)
	var files []string
	edits := slices.Clone(fix.TextEdits)
	slices.SortStableFunc(edits, func(a, b analysis.TextEdit) int { return cmp.Compare(a.Pos, b.Pos) })
	for _, edit := range edits {
		start := fset.Position(edit.Pos)
		end := fset.Position(cmp.Or(edit.End, edit.Pos))
		change := changes[start.Filename]
		if change == nil {
			change = &sarifArtifactChange{ArtifactLocation: d.sarifArtifact(start.Filename)}
			changes[start.Filename] = change
			files = append(files, start.Filename)
		}
		offset, length := start.Offset, end.Offset-start.Offset
		rep := sarifReplacement{DeletedRegion: sarifRegion{
			StartLine:   start.Line,
			StartColumn: utf16Column(lines, start),
			EndLine:     end.Line,
			EndColumn:   utf16Column(lines, end),
			ByteOffset:  &offset,
			ByteLength:  &length,
		}}
		if len(edit.NewText) > 0 {
			rep.InsertedContent = &sarifText{string(edit.NewText)}
		}
		change.Replacements = append(change.Replacements, rep)
	}
	slices.Sort(files)
	out := sarifFix{Description: sarifText{fix.Message}, ArtifactChanges: []sarifArtifactChange{}}
	for _, file := range files {
		out.ArtifactChanges = append(out.ArtifactChanges, *changes[file])
	}
	return out
}

// utf16Column converts a Go byte column into SARIF's default column unit,
// UTF-16 code units, so columns stay right on lines with non-ASCII text.
func utf16Column(lines lineCache, posn token.Position) int {
	src := lines.get(posn.Filename)
	if posn.Line < 1 || posn.Line > len(src) || posn.Column < 1 {
		return max(posn.Column, 1)
	}
	line := src[posn.Line-1]
	prefix := line[:min(posn.Column-1, len(line))]
	if !utf8.ValidString(prefix) {
		return posn.Column
	}
	return len(utf16.Encode([]rune(prefix))) + 1 + max(posn.Column-1-len(line), 0)
}

// cweTag turns "CWE-798" into the tag GitHub code scanning reads as a
// CWE reference, "external/cwe/cwe-798".
func cweTag(id string) string {
	if n, ok := strings.CutPrefix(id, "CWE-"); ok {
		return "external/cwe/cwe-" + n
	}
	return id
}

// splitDoc splits an analyzer's Doc into its title (the first paragraph)
// and the rest.
func splitDoc(doc string) (title, text string) {
	title, text, _ = strings.Cut(strings.TrimSpace(doc), "\n\n")
	return strings.TrimSpace(title), strings.TrimSpace(text)
}

func fileURI(path string) string {
	path = filepath.ToSlash(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // Windows drive letters
	}
	return (&url.URL{Scheme: "file", Path: path}).String()
}
