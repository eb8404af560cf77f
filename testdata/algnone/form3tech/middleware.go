// Options for an auth0-style JWT middleware on
// github.com/form3tech-oss/jwt-go: a ValidationKeyGetter that accepts
// "none" through strings.EqualFold (reported), "none" in a package-level list
// given to jwt.Parser (reported, fixed); a getter that refuses anything but
// RSA with a type switch (silent).
package form3tech

import (
	"crypto/rsa"
	"errors"
	"strings"

	"github.com/form3tech-oss/jwt-go"
)

// Options mirrors the middleware's settings.
type Options struct {
	ValidationKeyGetter jwt.Keyfunc
	SigningMethod       jwt.SigningMethod
	Parser              *jwt.Parser
}

var verifyKey *rsa.PublicKey

var validAlgs = []string{"none", "RS256"} // want `jwt.Parser.ValidMethods allows "none"`

var lenient = Options{
	ValidationKeyGetter: func(token *jwt.Token) (interface{}, error) {
		alg, _ := token.Header["alg"].(string)
		if alg == "RS256" || strings.EqualFold(alg, "none") { // want `check of jwt.Token.Header\["alg"\] accepts alg "none"`
			return verifyKey, nil
		}
		return nil, errors.New("unexpected alg")
	},
	SigningMethod: jwt.SigningMethodRS256,
	Parser:        &jwt.Parser{ValidMethods: validAlgs, UseJSONNumber: true},
}

// --- silent ---

var strict = Options{
	ValidationKeyGetter: func(token *jwt.Token) (interface{}, error) {
		switch token.Method.(type) {
		case *jwt.SigningMethodRSA:
			return verifyKey, nil
		default:
			return nil, errors.New("unexpected signing method")
		}
	},
	SigningMethod: jwt.SigningMethodRS256,
}
