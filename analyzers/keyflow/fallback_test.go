package keyflow_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// fallbackProbe reports every constant fallback keyflow.Provenance finds,
// with whether its names say JWT secret and whether it fails closed.
var fallbackProbe = &analysis.Analyzer{
	Name:      "fallbackprobe",
	Doc:       "report keyflow fallbacks",
	Requires:  []*analysis.Analyzer{keyflow.Analyzer},
	FactTypes: []analysis.Fact{new(keyflow.EnvDefaultFact), new(keyflow.FallbackFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		prov := pass.ResultOf[keyflow.Analyzer].(*keyflow.Flow).Provenance(pass)
		for _, s := range prov.Fallbacks() {
			msg := s.Lookup.String() + " via " + s.Lookup.Via + ": "
			if s.Named() {
				msg += "named"
			} else {
				msg += "unnamed"
			}
			if prov.FailsClosed(s) {
				msg += ", fails closed"
			}
			pass.Reportf(s.Pos, "%s", msg)
		}
		return nil, nil
	},
}

func TestFallbacks(t *testing.T) {
	fixtures.Run(t, fallbackProbe, "./keyflow/fallbacks")
}
