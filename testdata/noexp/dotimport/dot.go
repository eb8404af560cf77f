// golang-jwt v5 dot-imported: the fix writes the option unqualified, and
// a file that does not import time gets the import with the claims fix.
package dotimport

import (
	"os"

	. "github.com/golang-jwt/jwt/v5"
)

var key = []byte(os.Getenv("DOT_KEY"))

func Check(raw string) (*Token, error) {
	return Parse(raw, func(*Token) (any, error) { return key, nil }) // want `jwt.Parse accepts tokens that have no exp claim, and such tokens never expire: add WithExpirationRequired\(\)`
}

func Mint(user string) (string, error) {
	return NewWithClaims(SigningMethodHS256, MapClaims{"sub": user}).SignedString(key) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}
