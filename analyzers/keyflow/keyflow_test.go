package keyflow_test

import (
	"fmt"
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// probe reports the provenance of every argument passed to a function
// named sink, so the fixtures can state what keyflow must answer.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "report keyflow origins of sink arguments",
	Requires: []*analysis.Analyzer{keyflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		flow := pass.ResultOf[keyflow.Analyzer].(*keyflow.Flow)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) != 1 {
					return true
				}
				if fn := typeutil.Callee(pass.TypesInfo, call); fn == nil || fn.Name() != "sink" {
					return true
				}
				o := flow.Origin(call.Args[0])
				msg := o.Kind.String()
				switch o.Kind {
				case keyflow.Constant:
					msg += ": " + flow.Describe(o)
				case keyflow.Env, keyflow.Fallback:
					msg += " " + o.Env
				case keyflow.Random, keyflow.Predictable, keyflow.RSAKey:
					msg += fmt.Sprintf(" size=%d", o.Size)
				}
				pass.Reportf(call.Pos(), "%s", msg)
				return true
			})
		}
		return nil, nil
	},
}

func TestOrigins(t *testing.T) {
	fixtures.Run(t, probe, "./keyflow/app")
}

func TestFacts(t *testing.T) {
	fixtures.Run(t, keyflow.Analyzer, "./keyflow/config")
}
