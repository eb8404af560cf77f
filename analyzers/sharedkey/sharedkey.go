// Package sharedkey is the jwtvet sharedkey rule (work in progress).
package sharedkey

import "golang.org/x/tools/go/analysis"

// Analyzer reports nothing yet.
var Analyzer = &analysis.Analyzer{
	Name: "sharedkey",
	Doc:  "sharedkey placeholder",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
