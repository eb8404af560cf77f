// Package analyzers assembles the jwtvet suite.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/algnone"
	"github.com/jwtvet/jwtvet/analyzers/cleartext"
	"github.com/jwtvet/jwtvet/analyzers/hardcodedkey"
	"github.com/jwtvet/jwtvet/analyzers/noaud"
	"github.com/jwtvet/jwtvet/analyzers/noexp"
	"github.com/jwtvet/jwtvet/analyzers/sharedkey"
	"github.com/jwtvet/jwtvet/analyzers/unmaintained"
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
		unmaintained.Analyzer,
		cleartext.Analyzer,
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
	"unmaintained": {"CWE-1104"},
	"cleartext":    {"CWE-319", "CWE-614"},
}

// SecuritySeverity scores each rule's findings for GitHub code scanning
// (the SARIF rule property "security-severity": 9.0 and up is critical,
// 7.0 to 8.9 high, 4.0 to 6.9 medium). The score is the harm of the usual
// finding of the rule, judged the way CVSS would judge it:
//
//   - algnone 9.1: a verifier that accepts "none" takes any token anyone
//     writes, with no secret at all; authentication is gone.
//   - unverified 8.1: claims read without a verified signature let anyone
//     forge them; high rather than critical because some findings
//     (an algorithm not pinned) need a second mistake to be exploited.
//   - hardcodedkey 7.5: whoever can read the source, the repository's
//     history or the binary can mint valid tokens.
//   - weakkey 7.4: a short or well-known HMAC key is recovered offline
//     from a single token, and then tokens are forged.
//   - sharedkey 6.5: a token from one environment or of one kind is
//     accepted by another; an attacker needs a valid token first.
//   - noexp 5.3: a stolen token stays valid forever; it must be stolen
//     first.
//   - noaud 7.1: a token the shared issuer minted for another service
//     (any user of the same identity provider can get one) is accepted
//     here; the attacker needs an account at that provider.
//   - cleartext 5.9: a token sent or stored without TLS is readable on the
//     network path; the attacker must be on that path.
//   - unmaintained 5.0: an archived library gets no fixes for the flaws
//     found next (dgrijalva's audience bypass, CVE-2020-26160, was never
//     fixed there); the harm depends on what is found.
var SecuritySeverity = map[string]string{
	"algnone":      "9.1",
	"unverified":   "8.1",
	"hardcodedkey": "7.5",
	"weakkey":      "7.4",
	"sharedkey":    "6.5",
	"noexp":        "5.3",
	"noaud":        "7.1",
	"cleartext":    "5.9",
	"unmaintained": "5.0",
}
