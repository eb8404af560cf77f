// Package noexp is the jwtvet noexp rule (work in progress).
package noexp

import "golang.org/x/tools/go/analysis"

// Analyzer reports nothing yet.
var Analyzer = &analysis.Analyzer{
	Name: "noexp",
	Doc:  "noexp placeholder",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
