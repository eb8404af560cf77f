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

// verifyProbe reports every verify event the index hands the rules, with
// its keyfunc as the resolver sees it, its options and its bound results,
// so that the fixture states what the events must be.
var verifyProbe = &analysis.Analyzer{
	Name:     "verifyprobe",
	Doc:      "report jwtapi verify events",
	Requires: []*analysis.Analyzer{jwtapi.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		ix := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
		kf := ix.NewKeyfuncResolver(nil, nil)
		str := func(e ast.Expr) string {
			if e == nil {
				return "-"
			}
			return types.ExprString(e)
		}
		name := func(v *types.Var) string {
			if v == nil {
				return "-"
			}
			return v.Name()
		}
		for _, ev := range ix.VerifyEvents() {
			kind := map[jwtapi.VerifyKind]string{jwtapi.VerifyParse: "parse", jwtapi.VerifyUnverified: "unverified", jwtapi.VerifyDecoded: "decoded"}[ev.Kind]
			verified := "verified"
			if ev.Unverified {
				verified = "unverified"
			}
			keyfunc := "-"
			if ev.Keyfunc != nil {
				keyfunc = fmt.Sprint(kf.Resolve(ev.Keyfunc))
				node, factory := ix.KeyfuncOf(ev.Keyfunc)
				switch {
				case node == nil:
					keyfunc += " of=-"
				case node.Obj != nil:
					keyfunc += " of=" + node.Obj.Name()
				default:
					keyfunc += fmt.Sprintf(" of=literal@%d", pass.Fset.Position(node.Node.Pos()).Line)
				}
				if factory != nil {
					keyfunc += " via " + types.ExprString(factory.Fun)
				}
			}
			pinned, known := ev.Pinned()
			msg := fmt.Sprintf("%s %s %s token=%s keyfunc=%s pinned=%v/%v", kind, ev.API, verified, str(ev.Token), keyfunc, pinned, known)
			if !ev.Bound() {
				pass.Reportf(ev.Expr.Pos(), "%s unbound", msg)
				continue
			}
			errVar := name(ev.ErrVar)
			switch {
			case ev.ErrBlank != nil:
				errVar = "_"
			case ev.ErrDropped:
				errVar = "dropped"
			}
			var claims []string
			for _, v := range ev.ClaimsVars {
				claims = append(claims, v.Name())
			}
			if len(claims) == 0 {
				claims = []string{"-"}
			}
			var allow []string
			for _, al := range ev.AllowLists() {
				allow = append(allow, al.Algs...)
			}
			msg += fmt.Sprintf(" bound tok=%s err=%s claims=%s allow=%v", name(ev.TokenVar), errVar, strings.Join(claims, ","), allow)
			if al := ev.DecodeAllowList(); al != nil {
				msg += fmt.Sprintf(" decode-allow=%s%v key=%s", al.API, al.Algs, kf.KeyClass(ev.Key, nil).Class)
			}
			pass.Reportf(ev.Expr.Pos(), "%s", msg)
		}
		return nil, nil
	},
}

func TestVerifyEvents(t *testing.T) {
	fixtures.Run(t, verifyProbe, "./jwtapi/verifyevents")
}
