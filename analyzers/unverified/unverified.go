// Package unverified is the jwtvet unverified rule (work in progress).
package unverified

import "golang.org/x/tools/go/analysis"

// Analyzer reports nothing yet.
var Analyzer = &analysis.Analyzer{
	Name: "unverified",
	Doc:  "unverified placeholder",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
