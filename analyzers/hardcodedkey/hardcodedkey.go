// Package hardcodedkey is the jwtvet hardcodedkey rule (work in progress).
package hardcodedkey

import "golang.org/x/tools/go/analysis"

// Analyzer reports nothing yet.
var Analyzer = &analysis.Analyzer{
	Name: "hardcodedkey",
	Doc:  "hardcodedkey placeholder",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
