// Package floors holds the two no-op analyzers the benchmarks measure
// jwtvet against, and (in its subdirectories) commands that run each of
// them alone under multichecker, for measuring whole processes.
package floors

import "golang.org/x/tools/go/analysis"

// floorFact makes FactFloor a fact-using analyzer; it is never exported.
type floorFact struct{}

func (*floorFact) AFact() {}

// FactFloor does nothing, but declares a fact type: the cheapest analyzer
// a fact-using suite can be. x/tools' checker (and so multichecker) then
// loads, parses and type-checks every dependency from source and runs the
// analyzer on each of them: the fact floor.
var FactFloor = &analysis.Analyzer{
	Name:      "factfloor",
	Doc:       "factfloor does nothing and declares a fact type",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(floorFact)},
}

// NoFacts does nothing and declares no fact type. multichecker then loads
// the patterns' packages from source and their dependencies from export
// data (packages.LoadSyntax): the no-fact floor.
var NoFacts = &analysis.Analyzer{
	Name: "nofacts",
	Doc:  "nofacts does nothing",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
