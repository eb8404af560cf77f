// Package algnone is the jwtvet algnone rule (work in progress).
package algnone

import "golang.org/x/tools/go/analysis"

// Analyzer reports nothing yet.
var Analyzer = &analysis.Analyzer{
	Name: "algnone",
	Doc:  "algnone placeholder",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
