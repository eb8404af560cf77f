// Package envreads collects the environment variables a package and its
// dependencies read by a constant name, so that fixes choosing a
// variable name can avoid one another key already reads.
package envreads

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// Analyzer computes the set of names. Its result is a Names.
var Analyzer = &analysis.Analyzer{
	Name:             "envreads",
	Doc:              "collect the environment variable names a package and its dependencies read",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[Names](),
	FactTypes:        []analysis.Fact{new(EnvReadsFact)},
}

// Names is the set of environment variable names read by the package or
// any package it imports, directly or not.
type Names map[string]bool

func run(pass *analysis.Pass) (any, error) {
	names := make(Names)
	if jwtapi.IsStdPath(pass.Pkg.Path()) {
		// No key of the program is defined there; skip the walk.
		return names, nil
	}
	own := envReads(pass)
	for _, n := range own {
		names[n] = true
	}
	if len(own) > 0 {
		pass.ExportPackageFact(&EnvReadsFact{Names: own})
	}
	for _, pf := range pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*EnvReadsFact); ok {
			for _, n := range f.Names {
				names[n] = true
			}
		}
	}
	return names, nil
}

// EnvReadsFact lists the environment variables a package reads by a
// constant name (os.Getenv and the other environment getters of
// jwtapi.ConfigSources), so that a fix in a package that imports it
// never picks a name another key already reads.
type EnvReadsFact struct{ Names []string }

func (*EnvReadsFact) AFact() {}

func (f *EnvReadsFact) String() string { return "reads " + strings.Join(f.Names, ",") }

// envReads returns the sorted constant names the package's files read
// from the environment.
func envReads(pass *analysis.Pass) []string {
	var names []string
	for _, file := range pass.Files {
		// Test files are left out: a package and its test variant must
		// name their keys alike, or go vet -fix would get two different
		// fixes for one key.
		if tf := pass.Fset.File(file.Pos()); tf == nil || strings.HasSuffix(tf.Name(), "_test.go") {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			id := jwtapi.CalleeIdent(call)
			if id == nil {
				return true
			}
			fn, _ := pass.TypesInfo.Uses[id].(*types.Func)
			// The getters of the config-source table that read an
			// environment variable by name (os.Getenv, os.LookupEnv).
			src := jwtapi.ConfigSourceOf(fn)
			if src == nil || !src.IsGetter() || src.Reads != jwtapi.ReadsEnv || src.NameIn(call) == nil {
				return true
			}
			if s, ok := jwtapi.ConstString(pass.TypesInfo, src.NameIn(call)); ok && s != "" {
				names = append(names, s)
			}
			return true
		})
	}
	slices.Sort(names)
	return slices.Compact(names)
}
