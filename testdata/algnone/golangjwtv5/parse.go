// Parser options (golang-jwt v5): "none" in jwt.WithValidMethods, written in
// the call, in a package-level list and in a local one (reported; fixed by
// removing it when other algorithms remain), next to lists without it
// (silent).
package golangjwtv5

import (
	"github.com/golang-jwt/jwt/v5"
)

// allowedAlgs is shared by the API and the admin parsers.
var allowedAlgs = []string{"HS256", "HS384", "none"} // want `jwt.WithValidMethods allows "none", the algorithm of unsigned tokens; remove "none" from the list`

var apiParser = jwt.NewParser(
	jwt.WithValidMethods(allowedAlgs),
	jwt.WithExpirationRequired(),
)

func parseSession(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, strictKeyfunc, jwt.WithValidMethods([]string{"none", "HS256"})) // want `jwt.WithValidMethods allows "none"`
}

func parseAdmin(raw string, legacy bool) (*jwt.Token, error) {
	methods := []string{
		jwt.SigningMethodHS256.Alg(),
		jwt.SigningMethodNone.Alg(), // want `jwt.WithValidMethods allows "none"`
	}
	if legacy {
		methods = append(methods, "none") // want `jwt.WithValidMethods allows "none"`
	}
	return jwt.Parse(raw, strictKeyfunc, jwt.WithValidMethods(methods))
}

// parseUnsignedOnly accepts nothing but unsigned tokens: removing "none"
// would leave an empty list that rejects every token, so there is no fix.
func parseUnsignedOnly(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, strictKeyfunc, jwt.WithValidMethods([]string{"none"})) // want `jwt.WithValidMethods allows "none"`
}

// --- silent ---

func parsePinned(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, strictKeyfunc, jwt.WithValidMethods([]string{"HS256"}))
}

var asymmetric = []string{jwt.SigningMethodRS256.Alg(), jwt.SigningMethodES256.Alg()}

func parseAsymmetric(raw string, key any) (*jwt.Token, error) {
	return jwt.Parse(raw, func(*jwt.Token) (any, error) { return key, nil }, jwt.WithValidMethods(asymmetric))
}
