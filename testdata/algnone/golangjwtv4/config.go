// Parsers built from configuration (golang-jwt v4): "none" in a
// jwt.Parser{ValidMethods: ...} literal fed from a package-level default, in
// a parser.ValidMethods assignment, and in jwt.WithValidMethods inside
// request.WithParser (reported, fixed); a suppressed finding with its reason,
// and a suppression without a reason (reported, and not honoured).
package golangjwtv4

import (
	"net/http"
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v4/request"
)

// defaultAlgs applies when JWT_ALGS is unset.
var defaultAlgs = []string{
	"RS256",
	"none", // want `jwt.Parser.ValidMethods allows "none", the algorithm of unsigned tokens; remove "none" from the list`
	"ES256",
}

func newParser() *jwt.Parser {
	algs := defaultAlgs
	if env := os.Getenv("JWT_ALGS"); env != "" {
		algs = strings.Split(env, ",")
	}
	return &jwt.Parser{ValidMethods: algs, UseJSONNumber: true}
}

func newAdminParser() *jwt.Parser {
	p := new(jwt.Parser)
	p.ValidMethods = []string{"HS512", "none"} // want `jwt.Parser.ValidMethods allows "none"`
	return p
}

func tokenFromRequest(r *http.Request, keyfunc jwt.Keyfunc) (*jwt.Token, error) {
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"RS256", "none"})) // want `jwt.WithValidMethods allows "none"`
	return request.ParseFromRequest(r, request.OAuth2Extractor, keyfunc, request.WithParser(parser))
}

// inspectParser only decodes tokens for the support console's display.
func inspectParser() *jwt.Parser {
	//jwtvet:ignore algnone the console shows decoded claims and authorises nothing on them
	return &jwt.Parser{ValidMethods: []string{"RS256", "none"}}
}

func replayParser() *jwt.Parser {
	/* want `suppression without a reason is ignored` */        //jwtvet:ignore algnone
	return &jwt.Parser{ValidMethods: []string{"RS256", "none"}} // want `jwt.Parser.ValidMethods allows "none"`
}

// --- silent ---

func strictParser() *jwt.Parser {
	return &jwt.Parser{ValidMethods: []string{jwt.SigningMethodRS256.Alg()}}
}
