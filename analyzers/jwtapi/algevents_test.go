package jwtapi_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// algProbe reports every allow-list and every use of none the index
// hands the rules, so that the fixtures state what the events must be.
var algProbe = &analysis.Analyzer{
	Name:     "algprobe",
	Doc:      "report jwtapi allow-list and none events",
	Requires: []*analysis.Analyzer{jwtapi.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		ix := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
		for _, l := range ix.AllowLists() {
			var algs []string
			for _, el := range l.Elems {
				alg := el.Alg
				if alg == "" {
					alg = "?"
				}
				algs = append(algs, alg)
			}
			pass.Reportf(l.Expr.Pos(), "allow-list %s: %s", l.API, strings.Join(algs, " "))
		}
		for _, c := range ix.Calls {
			opts, complete := ix.OptionCalls(c)
			var lists []*jwtapi.AllowList
			for _, o := range opts {
				if l := ix.AllowListOf(o); l != nil {
					lists = append(lists, l)
				}
			}
			if len(lists) > 0 {
				var algs []string
				for _, l := range lists {
					algs = append(algs, l.Algs...)
				}
				pass.Reportf(c.Expr.Pos(), "options of %s: %d allow-list(s), constant algs [%s], mixes HMAC %v, complete %v",
					ix.APIName(c), len(lists), strings.Join(algs, " "), jwtapi.MixesHMAC(algs), complete)
			}
		}
		for _, n := range ix.Nones() {
			msg := "none " + n.Kind.String()
			if n.API != "" {
				msg += " api=" + n.API
			}
			if n.Key != "" {
				msg += " key=" + n.Key
			}
			pass.Reportf(n.At.Pos(), "%s", msg)
		}
		return nil, nil
	},
}

func TestAlgEvents(t *testing.T) {
	fixtures.Run(t, algProbe, "./jwtapi/algevents")
}
