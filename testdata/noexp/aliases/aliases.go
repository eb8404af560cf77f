// golang-jwt v5 and v4 imported under other names in one file: findings
// and fixes use the names this file gives the packages.
package aliases

import (
	"os"
	"time"

	jwtv4 "github.com/golang-jwt/jwt/v4"
	jwtlib "github.com/golang-jwt/jwt/v5"
)

var key = []byte(os.Getenv("ALIASES_KEY"))

func keyFunc(*jwtlib.Token) (any, error) { return key, nil }

func Parse(raw string) (*jwtlib.Token, error) {
	return jwtlib.Parse(raw, keyFunc, jwtlib.WithLeeway(time.Minute)) // want `jwtlib.Parse accepts tokens that have no exp claim, and such tokens never expire: add jwtlib.WithExpirationRequired\(\)`
}

func NewParser() *jwtlib.Parser {
	return jwtlib.NewParser() // want `jwtlib.NewParser accepts tokens that have no exp claim`
}

func Mint(user string) (string, error) {
	return jwtlib.NewWithClaims(jwtlib.SigningMethodHS256, jwtlib.RegisteredClaims{Subject: user}).SignedString(key) // want `jwtlib.NewWithClaims mints a token whose claims never get an exp claim`
}

func MintV4(user string) (string, error) {
	return jwtv4.NewWithClaims(jwtv4.SigningMethodHS256, jwtv4.RegisteredClaims{Subject: user}).SignedString(key) // want `jwtv4.NewWithClaims mints a token whose claims never get an exp claim`
}

func ParseV4(raw string) (*jwtv4.Token, error) {
	return jwtv4.Parse(raw, func(*jwtv4.Token) (interface{}, error) { return key, nil })
}
