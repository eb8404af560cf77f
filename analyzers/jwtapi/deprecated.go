package jwtapi

import (
	"strings"
)

// Deprecated is a JWT module that is archived or no longer maintained, with
// the module that replaces it.
//
// The import rewrite to the replacement compiles only for what both
// modules declare alike. Packages maps each package of the old module that
// has a counterpart to the counterpart's import path; a package missing
// from it has none, and a file importing it gets no fix. Incompatible
// lists the identifiers of the old packages that the replacement lacks or
// declares differently, as "importpath.Name" for package-level objects and
// "importpath.Type.Name" for methods and fields. The lists were computed by
// comparing the exported objects, methods and fields of the module versions
// in the fixture module (go/types, with the module paths identified); a
// function that gained only a trailing variadic parameter still compiles at
// its call sites and is not listed. A test in analyzers/unmaintained
// recomputes them from the real modules.
type Deprecated struct {
	Module string // module path; a /vN major version is another module
	// Status says what happened to the module, for messages: "archived
	// (CVE-2020-26160)".
	Status string
	// Replacement is the maintained module, as `go get` takes it.
	Replacement  string
	Packages     map[string]string
	Incompatible []string
}

// Deprecated returns the row of the module that holds the package at
// importPath, or nil when the module is not known to be unmaintained.
func (m *Model) Deprecated(importPath string) *Deprecated {
	for _, d := range deprecatedRows {
		if ModuleOf(importPath, d.Module) {
			return d
		}
	}
	return nil
}

// DeprecatedModules returns every row, for documentation.
func (m *Model) DeprecatedModules() []*Deprecated { return deprecatedRows }

// ModuleOf reports whether the package at importPath belongs to the module
// path mod: it is mod or below it, and not inside a /vN major version of
// it, which is another module (github.com/golang-jwt/jwt is not the module
// of github.com/golang-jwt/jwt/v4).
func ModuleOf(importPath, mod string) bool {
	if importPath == mod {
		return true
	}
	rest, ok := strings.CutPrefix(importPath, mod+"/")
	if !ok {
		return false
	}
	first, _, _ := strings.Cut(rest, "/")
	if len(first) >= 2 && first[0] == 'v' && strings.Trim(first[1:], "0123456789") == "" {
		return false
	}
	return true
}

// Compatible reports whether the replacement declares ident (an
// "importpath.Name" or "importpath.Type.Name" of the old module) alike.
func (d *Deprecated) Compatible(ident string) bool {
	for _, x := range d.Incompatible {
		if x == ident {
			return false
		}
	}
	return true
}

// golangJWTv4Packages maps a golang-jwt v3-shaped module (root and request
// helper) onto golang-jwt v4, which its migration guide calls a drop-in
// replacement for github.com/dgrijalva/jwt-go and github.com/golang-jwt/jwt.
func golangJWTv4Packages(mod string) map[string]string {
	return map[string]string{
		mod:              "github.com/golang-jwt/jwt/v4",
		mod + "/request": "github.com/golang-jwt/jwt/v4/request",
	}
}

// joseV4Packages maps a go-jose v2 module onto go-jose v4, package by
// package (jose-util and jwk-keygen are commands, not libraries).
func joseV4Packages(mod string) map[string]string {
	const v4 = "github.com/go-jose/go-jose/v4"
	return map[string]string{
		mod:                   v4,
		mod + "/jwt":          v4 + "/jwt",
		mod + "/json":         v4 + "/json",
		mod + "/cipher":       v4 + "/cipher",
		mod + "/cryptosigner": v4 + "/cryptosigner",
	}
}

// joseV2Incompatible are the identifiers of go-jose v2 that v4 removed or
// changed: the parse functions take the accepted algorithms, the JWT
// builders serialize with Serialize instead of CompactSerialize and
// FullSerialize, Expected.Audience became AnyAudience, HeaderType became a
// typed HeaderKey, and RandReader is gone.
func joseV2Incompatible(mod string) []string {
	j := mod + "/jwt"
	return []string{
		mod + ".HeaderType", mod + ".ParseDetached", mod + ".ParseEncrypted", mod + ".ParseSigned", mod + ".RandReader",
		j + ".Builder.CompactSerialize", j + ".Builder.FullSerialize",
		j + ".NestedBuilder.CompactSerialize", j + ".NestedBuilder.FullSerialize",
		j + ".Expected.Audience",
		j + ".ParseEncrypted", j + ".ParseSigned", j + ".ParseSignedAndEncrypted",
	}
}

// deprecatedRows is the list of unmaintained JWT modules. Sources:
//   - github.com/dgrijalva/jwt-go: the repository is archived; its README
//     in v3.2.0 still promises a v4 that never left preview, and
//     CVE-2020-26160 (GHSA-w73w-5m7g-f7qc: a token whose aud is an empty
//     list passes VerifyAudience) is fixed only in its successor,
//     github.com/golang-jwt/jwt, whose README (v3.2.2) records the move.
//   - github.com/dgrijalva/jwt-go/v4: the same archived repository; only
//     v4.0.0-preview1 was released, with an API of its own.
//   - gopkg.in/dgrijalva/jwt-go.v3: gopkg.in's path for the v3 tags of the
//     same archived repository. The module proxy refuses it (403), so the
//     row is untested and offers no fix.
//   - github.com/form3tech-oss/jwt-go: a fork of dgrijalva/jwt-go that
//     fixed CVE-2020-26160 in v3.2.1 and was archived in favour of
//     golang-jwt; its StandardClaims.Audience is a []string where
//     golang-jwt v4's is a string.
//   - github.com/golang-jwt/jwt (v3, +incompatible): golang-jwt's
//     SECURITY.md supports v5 only and back-ports critical fixes to v4
//     alone; MIGRATION_GUIDE.md (v4) calls v4 a drop-in replacement.
//   - gopkg.in/square/go-jose.v2, github.com/square/go-jose and
//     gopkg.in/go-jose/go-jose.v2: the go-jose v4 README says versions 1
//     and 2 are obsolete and v3 receives critical security updates only;
//     v4 is the stable version. github.com/square/go-jose is refused by
//     the module proxy (403), so its row is untested.
//   - github.com/lestrrat-go/jwx (v1): its go.mod (v1.2.31) carries a
//     "Deprecated:" comment pointing at v3, and the jwx v3 README asks v0
//     and v1 users to migrate; the API was reworked (no fix).
var deprecatedRows = []*Deprecated{
	{
		Module: "github.com/dgrijalva/jwt-go", Status: "archived (CVE-2020-26160)",
		Replacement: "github.com/golang-jwt/jwt/v4",
		Packages:    golangJWTv4Packages("github.com/dgrijalva/jwt-go"),
	},
	{
		Module: "github.com/dgrijalva/jwt-go/v4", Status: "archived (only a preview was released)",
		Replacement: "github.com/golang-jwt/jwt/v5",
	},
	{
		Module: "gopkg.in/dgrijalva/jwt-go.v3", Status: "archived (CVE-2020-26160)",
		Replacement: "github.com/golang-jwt/jwt/v4",
	},
	{
		Module: "github.com/form3tech-oss/jwt-go", Status: "archived",
		Replacement:  "github.com/golang-jwt/jwt/v4",
		Packages:     golangJWTv4Packages("github.com/form3tech-oss/jwt-go"),
		Incompatible: []string{"github.com/form3tech-oss/jwt-go.StandardClaims.Audience"},
	},
	{
		Module: "github.com/golang-jwt/jwt", Status: "unsupported (v3: no more security fixes)",
		Replacement: "github.com/golang-jwt/jwt/v4",
		Packages:    golangJWTv4Packages("github.com/golang-jwt/jwt"),
	},
	{
		Module: "gopkg.in/square/go-jose.v2", Status: "obsolete (moved to github.com/go-jose/go-jose)",
		Replacement:  "github.com/go-jose/go-jose/v4",
		Packages:     joseV4Packages("gopkg.in/square/go-jose.v2"),
		Incompatible: joseV2Incompatible("gopkg.in/square/go-jose.v2"),
	},
	{
		Module: "github.com/square/go-jose", Status: "obsolete (moved to github.com/go-jose/go-jose)",
		Replacement: "github.com/go-jose/go-jose/v4",
	},
	{
		Module: "gopkg.in/go-jose/go-jose.v2", Status: "obsolete (go-jose v2 is no longer maintained)",
		Replacement:  "github.com/go-jose/go-jose/v4",
		Packages:     joseV4Packages("gopkg.in/go-jose/go-jose.v2"),
		Incompatible: joseV2Incompatible("gopkg.in/go-jose/go-jose.v2"),
	},
	{
		Module: "github.com/lestrrat-go/jwx", Status: "unmaintained (v1)",
		Replacement: "github.com/lestrrat-go/jwx/v3",
	},
}
