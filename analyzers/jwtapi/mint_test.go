package jwtapi_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// mintProbe reports every Mint event, so the fixture states what jwtapi
// must answer about each. It declares no fact type: the reader must then
// leave LifetimeCheckedFact alone.
var mintProbe = &analysis.Analyzer{
	Name:     "mintprobe",
	Doc:      "report jwtapi mint events",
	Requires: []*analysis.Analyzer{jwtapi.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		ix := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
		for _, m := range ix.NewExpiryReader(pass).Mints() {
			parts := []string{"mint", mintKinds[m.Kind], "expiry=" + expiries[m.Expiry]}
			if m.Signed {
				parts = append(parts, "signed")
			}
			if len(m.Merged) > 0 {
				parts = append(parts, fmt.Sprintf("merged=%d", len(m.Merged)))
			}
			if len(m.ExpiryOptions) > 0 {
				parts = append(parts, fmt.Sprintf("options=%d", len(m.ExpiryOptions)))
			}
			if len(m.Targets) > 0 {
				parts = append(parts, fmt.Sprintf("targets=%d", len(m.Targets)))
			}
			pass.Reportf(m.Call.Expr.Pos(), "%s", strings.Join(parts, " "))
		}
		return nil, nil
	},
}

var mintKinds = map[jwtapi.MintKind]string{
	jwtapi.MintToken:       "token",
	jwtapi.MintOneShot:     "one-shot",
	jwtapi.MintFixedClaims: "fixed-claims",
	jwtapi.MintLifetime:    "lifetime",
	jwtapi.MintClaimsArg:   "claims-arg",
}

var expiries = map[jwtapi.Expiry]string{jwtapi.ExpiryNo: "no", jwtapi.ExpirySet: "set", jwtapi.ExpiryUnknown: "unknown"}

func TestMints(t *testing.T) {
	fixtures.Run(t, mintProbe, "./jwtapi/mint")
}
