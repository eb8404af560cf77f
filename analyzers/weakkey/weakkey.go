// Package weakkey is the jwtvet weakkey rule (work in progress).
package weakkey

import "golang.org/x/tools/go/analysis"

// Analyzer reports nothing yet.
var Analyzer = &analysis.Analyzer{
	Name: "weakkey",
	Doc:  "weakkey placeholder",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
