// go-jose v4: "none" in the algorithms ParseSigned accepts (reported and
// fixed; go-jose has no none verifier, so such a token never verifies, but
// the list says the code means to accept it); HS256 and RS256 (silent).
package josev4

import (
	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

func parse(raw string) (*jwt.JSONWebToken, error) {
	return jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256, "none"}) // want `jwt.ParseSigned allows "none", the algorithm of unsigned tokens; remove "none" from the list`
}

// Negatives.

func parseStrict(raw string) (*jwt.JSONWebToken, error) {
	return jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256, jose.RS256})
}
