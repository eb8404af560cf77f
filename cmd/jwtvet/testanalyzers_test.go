package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Two small deterministic rules for the driver tests, run on the module in
// testdata/mod. They stand in for the real suite so that output formats,
// fixes and exit codes can be pinned down independently of the JWT rules.

const (
	keysPath      = "jwtvet.test/driver/keys"
	redactPath    = "jwtvet.test/driver/redact"
	dangerCallURL = "https://example.com/rules/dangercall"
)

// dangerCall reports calls of keys.Danger; its fix replaces the call with
// redact.Safe and adds the import, so two fixes in one file add the same
// import and nested calls give overlapping fixes.
var dangerCall = &analysis.Analyzer{
	Name: "dangercall",
	Doc: "report calls of keys.Danger\n\n" +
		"keys.Danger hands out key material as it is; call redact.Safe instead.",
	URL: dangerCallURL,
	Run: runDangerCall,
}

// magicWord reports string literals equal to -magicword.word, with the
// enclosing function as related information and no fix.
var magicWord = &analysis.Analyzer{
	Name: "magicword",
	Doc:  "report string literals that spell the magic word",
	URL:  "https://example.com/rules/magicword",
	Run:  runMagicWord,
}

var (
	failOnPackage string
	magic         string
)

func init() {
	dangerCall.Flags.StringVar(&failOnPackage, "failon", "", "return an error when analyzing the package with this `name`")
	magicWord.Flags.StringVar(&magic, "word", "magic", "the `word` to report")
}

var (
	testSuite = []*analysis.Analyzer{dangerCall, magicWord}
	testCWE   = map[string][]string{"dangercall": {"CWE-200"}, "magicword": {"CWE-547", "CWE-798"}}
)

func runDangerCall(pass *analysis.Pass) (any, error) {
	if failOnPackage != "" && pass.Pkg.Name() == failOnPackage {
		return nil, fmt.Errorf("refusing package %s as asked by -dangercall.failon", pass.Pkg.Name())
	}
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
			if !ok || fn.Pkg() == nil || fn.Pkg().Path() != keysPath || fn.Name() != "Danger" {
				return true
			}
			var arg bytes.Buffer
			if err := format.Node(&arg, pass.Fset, call.Args[0]); err != nil {
				return true
			}
			edits := []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte("redact.Safe(" + arg.String() + ")")}}
			if !imports(file, redactPath) {
				edits = append(edits, analysis.TextEdit{
					Pos:     file.Name.End(),
					End:     file.Name.End(),
					NewText: []byte("\n\nimport " + strconv.Quote(redactPath)),
				})
			}
			pass.Report(analysis.Diagnostic{
				Pos:      call.Pos(),
				End:      call.End(),
				Category: "dangercall",
				URL:      dangerCallURL,
				Message:  "call of keys.Danger exposes the key: call redact.Safe instead",
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "call redact.Safe",
					TextEdits: edits,
				}},
			})
			return true
		})
	}
	return nil, nil
}

func imports(file *ast.File, path string) bool {
	for _, imp := range file.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == path {
			return true
		}
	}
	return false
}

func runMagicWord(pass *analysis.Pass) (any, error) {
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				if s, err := strconv.Unquote(lit.Value); err != nil || s != magic {
					return true
				}
				pass.Report(analysis.Diagnostic{
					Pos:      lit.Pos(),
					End:      lit.End(),
					Category: "magicword",
					Message:  fmt.Sprintf("string %q is the magic word: say something else", magic),
					Related: []analysis.RelatedInformation{{
						Pos:     fd.Name.Pos(),
						End:     fd.Name.End(),
						Message: "in function " + fd.Name.Name,
					}},
				})
				return true
			})
		}
	}
	return nil, nil
}
