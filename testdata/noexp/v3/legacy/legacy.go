// A legacy service on golang-jwt v3 (github.com/golang-jwt/jwt): jwt.New
// with claims assigned afterwards, StandardClaims with int64 ExpiresAt,
// a parser with SkipClaimsValidation, and a custom Valid. v3 parses have
// no option to require exp and are not reported for it.
package legacy

import (
	"errors"
	"os"
	"time"

	jwt "github.com/golang-jwt/jwt"
)

var hmacSecret = []byte(os.Getenv("LEGACY_SECRET"))

// Issue assigns a map without exp to a jwt.New token.
func Issue(user string) (string, error) {
	token := jwt.New(jwt.SigningMethodHS256) // want `jwt.New mints a token whose claims never get an exp claim`
	token.Claims = jwt.MapClaims{
		"user":  user,
		"admin": false,
	}
	return token.SignedString(hmacSecret)
}

// IssueExpiring sets exp on the token's claims map.
func IssueExpiring(user string) (string, error) {
	token := jwt.New(jwt.SigningMethodHS256)
	claims := token.Claims.(jwt.MapClaims)
	claims["user"] = user
	claims["exp"] = time.Now().Add(time.Hour * 72).Unix()
	return token.SignedString(hmacSecret)
}

type AppClaims struct {
	User string `json:"user"`
	jwt.StandardClaims
}

// IssueStandard forgets ExpiresAt in the standard claims.
func IssueStandard(user string) (string, error) {
	claims := AppClaims{
		User: user,
		StandardClaims: jwt.StandardClaims{
			IssuedAt: time.Now().Unix(),
			Issuer:   "legacy",
		},
	}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
	return token.SignedString(hmacSecret)
}

// IssueStandardExpiring sets ExpiresAt.
func IssueStandardExpiring(user string) (string, error) {
	claims := AppClaims{User: user}
	claims.StandardClaims.ExpiresAt = time.Now().Add(24 * time.Hour).Unix()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(hmacSecret)
}

var parser = jwt.Parser{UseJSONNumber: true, SkipClaimsValidation: true} // want `jwt.Parser\{SkipClaimsValidation: true\} switches off claims validation`

func keyFunc(*jwt.Token) (interface{}, error) { return hmacSecret, nil }

func Decode(raw string) (*AppClaims, error) {
	var c AppClaims
	_, err := parser.ParseWithClaims(raw, &c, keyFunc)
	return &c, err
}

// Check parses with the v3 defaults.
func Check(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keyFunc)
}

// GuestClaims override StandardClaims.Valid without an expiry check.
type GuestClaims struct {
	jwt.StandardClaims
	Guest bool `json:"guest"`
}

func (g GuestClaims) Valid() error { // want `method GuestClaims.Valid replaces jwt.StandardClaims.Valid and never checks exp`
	if !g.Guest {
		return errors.New("not a guest token")
	}
	return nil
}
