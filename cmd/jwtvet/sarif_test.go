package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/jwtvet/jwtvet/analyzers"
)

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

// sarifSchemaFile is the OASIS SARIF 2.1.0 schema (see testdata/README.md).
const sarifSchemaFile = "testdata/sarif-schema-2.1.0.json"

func loadSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schemaOnce.Do(func() {
		f, err := os.Open(sarifSchemaFile)
		if err != nil {
			schemaErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			schemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if schemaErr = c.AddResource(sarifSchema, doc); schemaErr != nil {
			return
		}
		schema, schemaErr = c.Compile(sarifSchema)
	})
	if schemaErr != nil {
		t.Fatalf("SARIF schema: %v", schemaErr)
	}
	return schema
}

// validateSARIF checks out against the SARIF 2.1.0 JSON schema.
func validateSARIF(t *testing.T, out []byte) {
	t.Helper()
	if err := checkSARIF(t, out); err != nil {
		t.Errorf("SARIF output does not match the 2.1.0 schema: %v\n%s", err, out)
	}
}

func checkSARIF(t *testing.T, out []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		return err
	}
	return loadSchema(t).Validate(inst)
}

// The validator is not vacuous: it rejects SARIF that breaks the schema.
func TestSARIFSchemaRejects(t *testing.T) {
	got := jwtvet(t, "-C", fixture, "-format=sarif", "./nested")
	if err := checkSARIF(t, []byte(got.stdout)); err != nil {
		t.Fatalf("valid output rejected: %v", err)
	}
	for _, bad := range []struct{ from, to string }{
		{`"level": "error"`, `"level": "fatal"`},
		{`"version": "2.1.0"`, `"version": "2.2"`},
		{`"startLine": 9`, `"startLine": 0`},
		{`"ruleId"`, `"ruleID"`},
	} {
		if !strings.Contains(got.stdout, bad.from) {
			t.Fatalf("output lacks %s", bad.from)
		}
		broken := strings.Replace(got.stdout, bad.from, bad.to, 1)
		if checkSARIF(t, []byte(broken)) == nil {
			t.Errorf("schema accepted SARIF with %s", bad.to)
		}
	}
}

// The SARIF fields that come from the analyzers: rules, fixes, columns.
func TestSARIFContent(t *testing.T) {
	got := jwtvet(t, "-C", fixture, "-format=sarif", "./app")
	var log sarifLog
	if err := json.Unmarshal([]byte(got.stdout), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	root, _ := filepath.Abs(fixture)
	if uri := run.OriginalURIBaseIDs["%SRCROOT%"].URI; uri != fileURI(root)+"/" || !strings.HasPrefix(uri, "file:///") {
		t.Errorf("%%SRCROOT%% = %q, want the file URI of %s", uri, root)
	}
	rules := run.Tool.Driver.Rules
	if len(rules) != 2 || rules[0].ID != "dangercall" || rules[1].ID != "magicword" {
		t.Fatalf("rules = %+v", rules)
	}
	if r := rules[0]; r.ShortDescription.Text != "report calls of keys.Danger" ||
		!strings.HasPrefix(r.FullDescription.Text, "keys.Danger hands out") ||
		r.HelpURI != dangerCall.URL ||
		!slices.Equal(r.Properties.Tags, []string{"security", "external/cwe/cwe-200"}) {
		t.Errorf("dangercall rule = %+v", r)
	}
	var fixes, utf16Checked int
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.ArtifactLocation.URI, "/") {
			t.Errorf("artifact location %+v is not relative to %%SRCROOT%%", loc.ArtifactLocation)
		}
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("ruleIndex %d does not point at %s", r.RuleIndex, r.RuleID)
		}
		for _, fix := range r.Fixes {
			fixes++
			// The call replacement: its deleted region is the reported
			// call, in line/column and in bytes.
			reps := fix.ArtifactChanges[0].Replacements
			i := slices.IndexFunc(reps, func(rep sarifReplacement) bool {
				return rep.InsertedContent != nil && strings.HasPrefix(rep.InsertedContent.Text, "redact.Safe(")
			})
			if i < 0 {
				t.Errorf("no call replacement in fix %+v", fix)
				continue
			}
			del := reps[i].DeletedRegion
			if del.StartLine != loc.Region.StartLine || del.StartColumn != loc.Region.StartColumn ||
				del.EndLine != loc.Region.EndLine || del.EndColumn != loc.Region.EndColumn ||
				del.ByteOffset == nil || del.ByteLength == nil || *del.ByteLength != del.EndColumn-del.StartColumn {
				t.Errorf("deleted region %+v does not cover the finding at %+v", del, *loc.Region)
			}
		}
		// Line 20 has two "é" (2 bytes, 1 UTF-16 unit each) before the
		// literal: byte column 46 is UTF-16 column 44.
		if loc.ArtifactLocation.URI == "app/app.go" && loc.Region.StartLine == 20 {
			utf16Checked++
			if loc.Region.StartColumn != 44 || loc.Region.EndColumn != 51 {
				t.Errorf("columns on the non-ASCII line = %d-%d, want 44-51 (bytes 46-53)", loc.Region.StartColumn, loc.Region.EndColumn)
			}
		}
	}
	if fixes != 3 || utf16Checked != 1 {
		t.Errorf("saw %d fixes and %d non-ASCII results, want 3 and 1", fixes, utf16Checked)
	}
}

// The real suite's rule metadata is valid SARIF and carries the CWE tags.
func TestSARIFRealSuite(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"-C", fixture, "-format=sarif", "./clean"}, &stdout, &stderr, analyzers.Suite(), analyzers.CWE)
	if code != exitClean {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	validateSARIF(t, stdout.Bytes())
	if !strings.Contains(stdout.String(), `"security-severity": "`) {
		t.Errorf("security-severity is not written as a string property:\n%s", stdout.String())
	}
	var log sarifLog
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	rules := log.Runs[0].Tool.Driver.Rules
	suite := analyzers.Suite()
	if len(rules) != len(suite) {
		t.Fatalf("%d rules, want %d", len(rules), len(suite))
	}
	for i, a := range suite {
		r := rules[i]
		if r.ID != a.Name || r.HelpURI != a.URL {
			t.Errorf("rule %d = %s %s, want %s %s", i, r.ID, r.HelpURI, a.Name, a.URL)
		}
		want := []string{"security"}
		for _, id := range analyzers.CWE[a.Name] {
			n, ok := strings.CutPrefix(id, "CWE-")
			if !ok {
				t.Errorf("rule %s: CWE id %q does not start with CWE-", a.Name, id)
			}
			want = append(want, "external/cwe/cwe-"+n)
		}
		if !slices.Equal(r.Properties.Tags, want) || len(analyzers.CWE[a.Name]) == 0 {
			t.Errorf("rule %s tags = %v, want %v", a.Name, r.Properties.Tags, want)
		}
		if sev := r.Properties.SecuritySeverity; sev == "" || sev != analyzers.SecuritySeverity[a.Name] {
			t.Errorf("rule %s security-severity = %q, want %q", a.Name, sev, analyzers.SecuritySeverity[a.Name])
		}
	}
}

// A run that could not analyze a package says so in its invocation, with
// one error notification per error, and still lists the findings of the
// packages that were analyzed; a complete run is marked successful. Each
// log is valid SARIF.
func TestSARIFInvocation(t *testing.T) {
	for _, tc := range []struct {
		args          []string
		code          int
		successful    bool
		notifications []string // substrings, one per notification
		rule          string   // the rule of an analyzer error
	}{
		{[]string{"./nested"}, exitFindings, true, nil, ""},
		{[]string{"./clean"}, exitClean, true, nil, ""},
		{[]string{"./broken", "./nested"}, exitLoad, false,
			[]string{`broken/broken.go:5:27: cannot use "one"`}, ""},
		{[]string{"-dangercall.failon=nested", "./nested", "./app"}, exitLoad, false,
			[]string{"rule dangercall failed on jwtvet.test/driver/nested: refusing package nested"}, "dangercall"},
	} {
		got := jwtvet(t, append([]string{"-C", fixture, "-format=sarif"}, tc.args...)...)
		if got.code != tc.code {
			t.Errorf("%v: exit %d, want %d\n%s", tc.args, got.code, tc.code, got.stderr)
		}
		validateSARIF(t, []byte(got.stdout))
		var log sarifLog
		if err := json.Unmarshal([]byte(got.stdout), &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		if len(run.Invocations) != 1 {
			t.Fatalf("%v: %d invocations, want 1", tc.args, len(run.Invocations))
		}
		inv := run.Invocations[0]
		if inv.ExecutionSuccessful != tc.successful {
			t.Errorf("%v: executionSuccessful = %v, want %v", tc.args, inv.ExecutionSuccessful, tc.successful)
		}
		if len(inv.ToolExecutionNotifications) != len(tc.notifications) {
			t.Errorf("%v: notifications %+v, want %d", tc.args, inv.ToolExecutionNotifications, len(tc.notifications))
			continue
		}
		for i, n := range inv.ToolExecutionNotifications {
			if n.Level != "error" || !strings.Contains(n.Message.Text, tc.notifications[i]) {
				t.Errorf("%v: notification %+v, want an error containing %q", tc.args, n, tc.notifications[i])
			}
			if tc.rule != "" && (n.AssociatedRule == nil || run.Tool.Driver.Rules[n.AssociatedRule.Index].ID != tc.rule) {
				t.Errorf("%v: notification %+v is not associated with rule %s", tc.args, n, tc.rule)
			}
		}
		if !tc.successful && tc.code == exitLoad && len(run.Results) == 0 {
			t.Errorf("%v: the findings of the packages that were analyzed are missing", tc.args)
		}
	}
}
