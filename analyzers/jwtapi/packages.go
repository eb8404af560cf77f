package jwtapi

// Package is what a modelled library package does by default when it
// validates a token's claims: behaviour that belongs to no single function
// row, such as whether a token without exp is accepted.
type Package struct {
	Path   string
	Family string
	// ExpiryRequiredByDefault: a parse with default settings rejects a
	// token that has no exp claim.
	ExpiryRequiredByDefault bool
	// ExpiryRequiredOption: the package has an option (a Func row with
	// Option OptExpirationRequired) that makes exp mandatory, so a parse
	// without it accepts tokens that never expire.
	ExpiryRequiredOption bool
	// ClaimsValidMethod is the method of a claims value that the parser
	// calls instead of its own claims checks ("Valid" in golang-jwt v3/v4):
	// a user type that defines it decides alone whether exp is checked.
	// Empty when user methods only add to the library's checks (v5's
	// Validate runs after the library has checked exp).
	ClaimsValidMethod string
	// ExpiryGetter is the claims method that returns the expiry, so code
	// calling it reads exp ("GetExpirationTime" in v5).
	ExpiryGetter string
	// ValidateMethod is the library method a program calls to validate
	// claims itself after a parse that skipped it: Claims.Valid in v3/v4,
	// (*Validator).Validate in v5.
	ValidateMethod string
	// EmptyKey says whether the package signs and verifies HMAC tokens
	// with an empty key (see emptykey.go).
	EmptyKey EmptyKey
}

// Package returns the behaviour row of a modelled library package, or nil
// when the package has none.
func (m *Model) Package(path string) *Package { return packageRows[path] }

// packageRows indexes allPackages by import path. It is read-only.
var packageRows = indexPackages(allPackages())

func indexPackages(rows []*Package) map[string]*Package {
	out := make(map[string]*Package, len(rows))
	for _, p := range rows {
		out[p.Path] = p
	}
	return out
}

// allPackages lists the package rows of every family.
func allPackages() []*Package {
	var out []*Package
	out = append(out, golangJWTPackageRows()...)
	out = append(out, jwxPackageRows()...)
	return withEmptyKey(out)
}

// jwxPackageRows: jwx checks exp when present and has no option that
// requires it other than WithRequiredClaim("exp"); Token.Expiration reads
// it, so code that calls it checks the expiry by hand.
func jwxPackageRows() []*Package {
	var out []*Package
	for _, p := range jwxPackages {
		out = append(out, &Package{Path: p.root + "/jwt", Family: familyJWX, ExpiryGetter: "Expiration"})
	}
	// v1 (no major suffix) reads exp the same way.
	out = append(out, &Package{Path: jwxV1Root + "/jwt", Family: familyJWX, ExpiryGetter: "Expiration"})
	return out
}

// golangJWTPackageRows: v5 checks exp when present and requires it only with
// WithExpirationRequired; its ClaimsValidator.Validate is an extra check.
// v4, v3 and the dgrijalva/form3tech forks check exp when present (Claims
// Valid with required=false), have no option to require it, and let a
// claims type's own Valid replace the library's checks.
// github.com/dgrijalva/jwt-go/v4 (a preview with another Valid signature)
// has no row.
func golangJWTPackageRows() []*Package {
	f := familyGolangJWT
	return []*Package{
		{Path: "github.com/golang-jwt/jwt/v5", Family: f, ExpiryRequiredOption: true, ExpiryGetter: "GetExpirationTime", ValidateMethod: "Validate"},
		{Path: "github.com/golang-jwt/jwt/v4", Family: f, ClaimsValidMethod: "Valid", ValidateMethod: "Valid"},
		{Path: "github.com/golang-jwt/jwt", Family: f, ClaimsValidMethod: "Valid", ValidateMethod: "Valid"},
		{Path: "github.com/dgrijalva/jwt-go", Family: f, ClaimsValidMethod: "Valid", ValidateMethod: "Valid"},
		{Path: "github.com/form3tech-oss/jwt-go", Family: f, ClaimsValidMethod: "Valid", ValidateMethod: "Valid"},
	}
}
