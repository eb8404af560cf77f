package jwtapi_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

var transportKinds = map[jwtapi.TransportKind]string{
	jwtapi.SetCookie: "set-cookie", jwtapi.RequestCookie: "request-cookie", jwtapi.SetHeader: "set-header",
	jwtapi.NewRequest: "new-request", jwtapi.SendRequest: "send-request",
}

var audienceWays = map[jwtapi.AudienceWay]string{
	jwtapi.AudienceNowhere: "nowhere", jwtapi.AudienceArgument: "argument", jwtapi.AudienceValidation: "validation",
	jwtapi.AudienceByHand: "by-hand", jwtapi.AudienceOptions: "options",
}

// sinkProbe reports what jwtapi reads of transport calls, verifications
// and audience reads, so that the fixtures state it.
var sinkProbe = &analysis.Analyzer{
	Name:     "sinkprobe",
	Doc:      "report jwtapi transport calls, verifications and audience reads",
	Requires: []*analysis.Analyzer{jwtapi.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		ix := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
		str := func(e ast.Expr) string {
			if e == nil {
				return "-"
			}
			return types.ExprString(e)
		}
		for _, c := range ix.Calls {
			if !c.VerifiesToken() {
				continue
			}
			var keys []string
			for _, k := range c.KeyExprs() {
				keys = append(keys, str(k))
			}
			pass.Reportf(c.Expr.Pos(), "verifies: audience %s, keys [%s]", audienceWays[ix.AudienceWayOf(c)], strings.Join(keys, " "))
		}
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.CallExpr:
					if t := ix.Model.TransportCallOf(pass.TypesInfo, x); t != nil {
						msg := fmt.Sprintf("%s cookie=%s value=%s secure=%s key=%s url=%s request=%s", transportKinds[t.Kind],
							str(t.Cookie), str(t.Value), str(t.Secure), str(t.Key), str(t.URL), str(t.Request))
						if t.ByFields {
							msg += " by-fields"
						}
						if t.ResponseHeader {
							msg += " response-header"
						}
						pass.Reportf(x.Pos(), "%s", msg)
					}
				case *ast.SelectorExpr, *ast.IndexExpr:
					if ix.AudienceRead(x) {
						pass.Reportf(x.Pos(), "audience read %s", str(x.(ast.Expr)))
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

func TestSinkEvents(t *testing.T) {
	fixtures.Run(t, sinkProbe, "./jwtapi/sinkevents")
}
