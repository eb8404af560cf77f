// Package analyzers assembles the jwtvet suite.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/algnone"
	"github.com/jwtvet/jwtvet/analyzers/hardcodedkey"
	"github.com/jwtvet/jwtvet/analyzers/noaud"
	"github.com/jwtvet/jwtvet/analyzers/noexp"
	"github.com/jwtvet/jwtvet/analyzers/sharedkey"
	"github.com/jwtvet/jwtvet/analyzers/unverified"
	"github.com/jwtvet/jwtvet/analyzers/weakkey"
)

// Suite returns the jwtvet analyzers in their fixed order. The names
// are a public contract: command flags, JSON keys, SARIF rule ids and
// suppression comments use them.
func Suite() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		hardcodedkey.Analyzer,
		weakkey.Analyzer,
		unverified.Analyzer,
		noexp.Analyzer,
		algnone.Analyzer,
		sharedkey.Analyzer,
		noaud.Analyzer,
	}
}

// Lookup returns the analyzer of the suite named name, or nil.
func Lookup(name string) *analysis.Analyzer {
	for _, a := range Suite() {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// CWE lists the CWE ids each rule's findings fall under, for SARIF tags and
// the rule docs.
//
// sharedkey uses CWE-1392 (use of default credentials) for the constant
// fallback that every environment without the variable shares, and CWE-798
// for the secret being fixed in the source.
var CWE = map[string][]string{
	"hardcodedkey": {"CWE-798", "CWE-321"},
	"weakkey":      {"CWE-326"},
	"unverified":   {"CWE-347"},
	"noexp":        {"CWE-613"},
	"algnone":      {"CWE-327", "CWE-347"},
	"sharedkey":    {"CWE-1392", "CWE-798"},
	"noaud":        {"CWE-287", "CWE-345"},
}
