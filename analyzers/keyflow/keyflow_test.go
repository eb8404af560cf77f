package keyflow_test

import (
	"fmt"
	"go/ast"
	"strings"
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
				case keyflow.File:
					msg += fmt.Sprintf(" path=%q env=%q", o.File, o.FileEnv)
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

// selections reports every selection by environment keyflow finds, with
// its candidates named by equality class (a, b, …: equal letters are
// equal constants; - is an arm without a constant), never by value.
var selections = &analysis.Analyzer{
	Name:     "selections",
	Doc:      "report keyflow's selections by environment",
	Requires: []*analysis.Analyzer{keyflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		flow := pass.ResultOf[keyflow.Analyzer].(*keyflow.Flow)
		classes := map[uint64]string{}
		class := func(fp uint64) string {
			if _, ok := classes[fp]; !ok {
				classes[fp] = string(rune('a' + len(classes)))
			}
			return classes[fp]
		}
		describe := func(arms []*keyflow.EnvArm, cands func(*keyflow.EnvArm) []keyflow.EnvCandidate) string {
			clear(classes)
			var parts []string
			for _, a := range arms {
				cs := cands(a)
				if len(cs) == 0 {
					parts = append(parts, a.Label+"=-")
				}
				for _, c := range cs {
					label := a.Label
					if c.Name != nil {
						label += "." + c.Label
					}
					parts = append(parts, label+"="+class(c.FP))
				}
			}
			return strings.Join(parts, " ")
		}
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.CompositeLit); ok {
					if arms := flow.EnvLiteral(lit); len(arms) >= 2 {
						pass.Reportf(lit.Pos(), "literal: %s", describe(arms, flow.EnvCandidates))
					}
				}
				return true
			})
		}
		if arms := flow.EnvDecls(); len(arms) >= 2 {
			pass.Reportf(arms[0].Pos, "decls: %s", describe(arms, flow.EnvCandidates))
		}
		// The selection a key passed to sink reads.
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) != 1 {
					return true
				}
				if fn := typeutil.Callee(pass.TypesInfo, call); fn == nil || fn.Name() != "sink" {
					return true
				}
				cands := flow.Selection(call.Args[0])
				var arms []*keyflow.EnvArm
				byArm := map[*keyflow.EnvArm][]keyflow.EnvCandidate{}
				for _, c := range cands {
					if byArm[c.Arm] == nil {
						arms = append(arms, c.Arm)
					}
					byArm[c.Arm] = append(byArm[c.Arm], c)
				}
				pass.Reportf(call.Pos(), "selects: %s", describe(arms, func(a *keyflow.EnvArm) []keyflow.EnvCandidate { return byArm[a] }))
				return true
			})
		}
		for _, sw := range flow.EnvSwitches() {
			pass.Reportf(sw.Stmt.Pos(), "switch: %s", describe(sw.Arms, func(a *keyflow.EnvArm) []keyflow.EnvCandidate {
				var out []keyflow.EnvCandidate
				for _, st := range a.Body {
					out = append(out, flow.BranchCandidates(a, st)...)
				}
				return out
			}))
		}
		return nil, nil
	},
}

func TestSelections(t *testing.T) {
	fixtures.Run(t, selections, "./keyflow/selection")
}
