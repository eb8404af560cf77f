// Package draft signs a throw-away token before the real one, on
// golang-jwt v5. It exercises noexp on drafts: a token signed only to
// probe the key, its string dropped, and a token variable re-minted with
// exp before it is signed again are silent; a draft whose string is
// returned is reported.
package draft

import (
	"errors"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func key() []byte { return []byte(os.Getenv("DRAFT_KEY")) }

// Probe signs a draft to fail early on a bad key, then the real token.
func Probe(sub string) (string, error) {
	draft := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub})
	if _, err := draft.SignedString(key()); err != nil {
		return "", err
	}
	final := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": time.Now().Add(time.Hour).Unix()})
	return final.SignedString(key())
}

// Remint signs a draft, keeps its string only to drop it, and re-mints
// the same variable with exp before signing what it returns.
func Remint(sub string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub})
	s, err := tok.SignedString(key())
	if err != nil {
		return "", err
	}
	_ = s
	tok = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": time.Now().Add(time.Hour).Unix()})
	return tok.SignedString(key())
}

// Leaked returns the draft's string when the final token fails.
func Leaked(sub string) (string, error) {
	draft := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
	s, err := draft.SignedString(key())
	if err != nil {
		return "", err
	}
	if sub == "" {
		return s, errors.New("empty subject")
	}
	final := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": time.Now().Add(time.Hour).Unix()})
	return final.SignedString(key())
}
