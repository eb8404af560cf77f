package analyzers_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers"
	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
)

// TestSuiteConventions holds every rule to the conventions of the
// go/analysis passes and to jwtvet's public contract: a valid analyzer, a
// short lower-case title without a period, a URL to its rule page, which
// exists, CWE ids and a security severity.
func TestSuiteConventions(t *testing.T) {
	suite := analyzers.Suite()
	if err := analysis.Validate(suite); err != nil {
		t.Fatal(err)
	}
	want := []string{"hardcodedkey", "weakkey", "unverified", "noexp", "algnone", "sharedkey", "noaud", "unmaintained", "cleartext"}
	if len(suite) != len(want) {
		t.Fatalf("suite has %d rules, want %d", len(suite), len(want))
	}
	for i, a := range suite {
		if a.Name != want[i] {
			t.Errorf("rule %d is %q, want %q: names and order are a public contract", i, a.Name, want[i])
		}
		title, _, _ := strings.Cut(a.Doc, "\n\n")
		if len(title) >= 60 || strings.Contains(title, "\n") || strings.HasSuffix(title, ".") || !unicode.IsLower([]rune(title)[0]) {
			t.Errorf("%s: Doc title %q: want one line under 60 characters, starting lower case, no period", a.Name, title)
		}
		if a.URL != diag.URL(a.Name) {
			t.Errorf("%s: URL %q, want %q", a.Name, a.URL, diag.URL(a.Name))
		}
		if _, err := os.Stat(filepath.Join(fixtures.Root(), "docs", "rules", a.Name+".md")); err != nil {
			t.Errorf("%s: rule page: %v", a.Name, err)
		}
		if len(analyzers.CWE[a.Name]) == 0 {
			t.Errorf("%s: no CWE ids", a.Name)
		}
		if sev, err := strconv.ParseFloat(analyzers.SecuritySeverity[a.Name], 64); err != nil || sev < 0.1 || sev > 10 {
			t.Errorf("%s: security severity %q, want a number from 0.1 to 10", a.Name, analyzers.SecuritySeverity[a.Name])
		}
		if analyzers.Lookup(a.Name) != a {
			t.Errorf("Lookup(%q) does not return the rule", a.Name)
		}
	}
}
