package algnone

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

const useRealAlg = "sign with HS256, RS256, ES256 or EdDSA and a real key"

// nones reports the uses of the none algorithm jwtapi finds. Signing and
// verifying calls in test files are skipped: an unsigned token is what a
// test sends to check that the server refuses it; so is the none key used
// outside a keyfunc.
func (c *checker) nones() {
	for _, n := range c.ix.Nones() {
		switch n.Kind {
		case jwtapi.NoneAllowed, jwtapi.NoneKeyReturned:
		default:
			if c.isTest(n.At) {
				continue
			}
		}
		d := analysis.Diagnostic{Pos: n.At.Pos(), End: n.At.End()}
		switch n.Kind {
		case jwtapi.NoneNewToken:
			d.Message = fmt.Sprintf("%s with the none signing method mints an unsigned token that anyone can forge; %s", n.API, useRealAlg)
		case jwtapi.NoneMethodSign:
			d.Message = fmt.Sprintf("%s returns an empty signature that anyone can forge; %s", n.API, useRealAlg)
		case jwtapi.NoneTokenMethod:
			d.Message = fmt.Sprintf("%s signs a token whose Method is the none signing method: the result is unsigned and anyone can forge it; %s", n.API, useRealAlg)
		case jwtapi.NoneAlgSign:
			d.Message = fmt.Sprintf("%s with the none algorithm mints an unsigned token that anyone can forge; %s", n.API, useRealAlg)
		case jwtapi.NoneAlgVerify:
			d.Message = fmt.Sprintf(`%s with the none algorithm accepts unsigned tokens that anyone can forge; verify with the algorithm your tokens are signed with`, n.API)
		case jwtapi.NoneKeySign:
			d.Message = fmt.Sprintf("%s with %s as the key mints an unsigned token when the method is none; %s", n.API, n.Key, useRealAlg)
		case jwtapi.NoneKeyReturned:
			d.Message = fmt.Sprintf(`keyfunc returns %s, so tokens with alg "none" verify without a signature; return an error for "none" instead`, n.Key)
			d.SuggestedFixes = c.returnErrorFix(n.File, n.Return)
		case jwtapi.NoneKeyUsed:
			d.Message = fmt.Sprintf(`%s used as a key makes the none algorithm sign and verify, so tokens need no signature; use a real key`, n.Key)
		case jwtapi.NoneAllowed:
			d.Message = fmt.Sprintf(`%s allows "none", the algorithm of unsigned tokens; remove "none" from the list`, n.API)
			if fix := c.removeNoneFix(n.Elem); fix != nil {
				d.SuggestedFixes = fix
			}
		default:
			continue
		}
		c.report(d)
	}
}

// returnErrorFix replaces the results of ret with nil and an error.
func (c *checker) returnErrorFix(file *ast.File, ret *ast.ReturnStmt) []analysis.SuggestedFix {
	name, edits, ok := diag.ImportName(c.info, c.pass.Pkg, file, "errors", ret.Pos())
	if !ok {
		return nil
	}
	if len(ret.Results) != 2 {
		return nil
	}
	edits = append(edits, analysis.TextEdit{
		Pos:     ret.Results[0].Pos(),
		End:     ret.Results[1].End(),
		NewText: []byte(`nil, ` + name + `.New("unsigned tokens (alg \"none\") are not accepted")`),
	})
	return []analysis.SuggestedFix{{Message: `return an error for alg "none"`, TextEdits: edits}}
}
