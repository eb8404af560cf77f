// Parsers in golang-jwt v4 that switch claims validation off: the
// SkipClaimsValidation field in a literal and by assignment, the
// WithoutClaimsValidation option, and parsers that keep it on.
package users

import (
	"net/http"

	"github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v4/request"
)

var introspectParser = &jwt.Parser{SkipClaimsValidation: true} // want `jwt.Parser\{SkipClaimsValidation: true\} switches off claims validation, so expired tokens are accepted: remove it`

var strictParser = &jwt.Parser{ValidMethods: []string{"HS256"}, SkipClaimsValidation: false}

func Introspect(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, err := introspectParser.ParseWithClaims(raw, claims, keyFunc)
	return claims, err
}

func debugParser(debug bool) *jwt.Parser {
	p := new(jwt.Parser)
	p.ValidMethods = []string{"HS256"}
	if debug {
		p.SkipClaimsValidation = true // want `p.SkipClaimsValidation = true switches off claims validation`
	}
	return p
}

func LenientParse(raw string) (*jwt.Token, error) {
	return jwt.NewParser(jwt.WithoutClaimsValidation()).Parse(raw, keyFunc) // want `jwt.WithoutClaimsValidation switches off claims validation`
}

func StrictParse(raw string) (*jwt.Token, error) {
	return jwt.NewParser(jwt.WithValidMethods([]string{"HS256"})).Parse(raw, keyFunc)
}

func FromRequest(r *http.Request, debug bool) (*jwt.Token, error) {
	return request.ParseFromRequest(r, request.OAuth2Extractor, keyFunc, request.WithParser(debugParser(debug)))
}
