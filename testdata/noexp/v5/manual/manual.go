// A golang-jwt v5 package that parses without claims validation and then
// validates the claims with a jwt.Validator that requires exp: nothing is
// reported. Parsers used only for ParseUnverified are not reported
// either, and a claims type with its own GetExpirationTime is not read
// from its fields.
package manual

import (
	"errors"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var key = []byte(os.Getenv("MANUAL_KEY"))

var validator = jwt.NewValidator(jwt.WithExpirationRequired(), jwt.WithLeeway(time.Minute))

func Check(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return key, nil }, jwt.WithoutClaimsValidation())
	if err != nil {
		return nil, err
	}
	if err := validator.Validate(claims); err != nil {
		return nil, errors.Join(errors.New("claims rejected"), err)
	}
	return claims, nil
}

// Issuer peeks at the issuer before choosing a key.
func Issuer(raw string) (string, error) {
	tok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return "", err
	}
	return tok.Claims.GetIssuer()
}

var peeker = jwt.NewParser(jwt.WithJSONNumber())

func KeyID(raw string) (string, error) {
	tok, _, err := peeker.ParseUnverified(raw, &jwt.RegisteredClaims{})
	if err != nil {
		return "", err
	}
	kid, _ := tok.Header["kid"].(string)
	return kid, nil
}

// TTLClaims compute their expiry from an issue time and a lifetime.
type TTLClaims struct {
	TTLSeconds int64 `json:"ttl"`
	jwt.RegisteredClaims
}

func (c TTLClaims) GetExpirationTime() (*jwt.NumericDate, error) {
	if c.IssuedAt == nil {
		return nil, errors.New("no iat")
	}
	return jwt.NewNumericDate(c.IssuedAt.Add(time.Duration(c.TTLSeconds) * time.Second)), nil
}

func Mint(ttl time.Duration) (string, error) {
	c := TTLClaims{TTLSeconds: int64(ttl / time.Second), RegisteredClaims: jwt.RegisteredClaims{IssuedAt: jwt.NewNumericDate(time.Now())}}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}
