package diag_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
)

// probe reports every call to a function named flag through a Reporter,
// so the fixture states which suppressions hold.
var probe = &analysis.Analyzer{
	Name: "probe",
	Doc:  "report calls to flag",
	Run: func(pass *analysis.Pass) (any, error) {
		r := diag.New(pass, "probe")
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "flag" {
					r.Reportf(call.Pos(), call.End(), "probe finding")
				}
				return true
			})
		}
		return nil, nil
	},
}

func TestSuppressions(t *testing.T) {
	results := analysistest.Run(t, fixtures.Dir(t), probe, "./diag/suppress")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Category != "probe" || d.URL != diag.URL("probe") {
				t.Errorf("diagnostic %q has category %q and URL %q", d.Message, d.Category, d.URL)
			}
		}
	}
}
